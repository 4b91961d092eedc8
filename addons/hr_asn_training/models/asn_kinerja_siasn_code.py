from odoo import fields, models


class AsnKinerjaSiasnCode(models.Model):
    """SIASN's code of a training type (its jenis diklat), for the diklat and kursus records. BKN's reference
    is not published: none is shipped; the Administrator adds one per training type (key: the type, e.g.
    bimtek), and the export writes null until then."""

    _inherit = "asn.kinerja.siasn.code"

    kind = fields.Selection(
        selection_add=[("training_type", "Training Type (jenisDiklatId, latihanStrukturalId)")],
        ondelete={"training_type": "cascade"},
    )

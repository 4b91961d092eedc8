from odoo import fields, models


class AsnKinerjaSiasnExportLine(models.TransientModel):
    """A record the SIASN export left out, and why (not finished, no NIP, no code, ...)."""

    _name = "asn.kinerja.siasn.export.line"
    _description = "SIASN Export: Record Left Out"
    _order = "section, employee_name, id"

    export_id = fields.Many2one("asn.kinerja.siasn.export", required=True, ondelete="cascade", index=True)
    section = fields.Char(
        "Record", help="The kind of SIASN record it would have been: the annual SKP or a periodic evaluation."
    )
    employee_id = fields.Many2one("hr.employee", readonly=True)
    employee_name = fields.Char(readonly=True)
    nip = fields.Char("NIP", readonly=True)
    period_id = fields.Many2one("asn.kinerja.period", readonly=True)
    reason = fields.Char(readonly=True)

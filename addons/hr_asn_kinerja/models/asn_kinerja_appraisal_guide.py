from odoo import models


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"

    def action_open_guide(self):
        """The Panduan page with this SKP's stage of the cycle and cell of the matrix highlighted."""
        self.ensure_one()
        self.check_access("read")
        return {"type": "ir.actions.act_url", "url": f"/kinerja/panduan?skp={self.id}#matrix", "target": "self"}

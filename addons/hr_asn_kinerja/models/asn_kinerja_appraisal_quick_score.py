"""The appraiser scores one person from the card of the Subordinates list, on a phone too (docs/rules.md §26):
a small dialog with the two ratings and the reason, then the same engine step as the form's Score button."""

from odoo import models


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def action_open_quick_score(self):
        """The scoring dialog of this SKP, opened on the ratings already written (else As Expected)."""
        self.ensure_one()
        self.check_access("read")  # offered to those who see the card; the step itself checks the role
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Score %(employee)s", employee=self.sudo().employee_id.name),
            "res_model": "asn.kinerja.quick.score.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

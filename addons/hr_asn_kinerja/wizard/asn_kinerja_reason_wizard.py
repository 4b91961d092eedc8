from odoo import fields, models


class AsnKinerjaReasonWizard(models.TransientModel):
    _name = "asn.kinerja.reason.wizard"
    _description = "Reason for Returning or Reopening an SKP"

    appraisal_ids = fields.Many2many("asn.kinerja.appraisal", string="SKPs", required=True)
    action = fields.Selection([("return", "Return to the employee"), ("reopen", "Reopen")], required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.action == "return":
            self.appraisal_ids.action_return(self.reason)
        else:
            self.appraisal_ids.action_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}

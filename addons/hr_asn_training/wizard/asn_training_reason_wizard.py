from odoo import fields, models


class AsnTrainingReasonWizard(models.TransientModel):
    _name = "asn.training.reason.wizard"
    _description = "Reason for Rejecting or Cancelling a Training Request"

    request_ids = fields.Many2many("asn.training.request", string="Training Requests", required=True)
    action = fields.Selection([("reject", "Reject"), ("cancel", "Cancel")], required=True, default="reject")
    reason = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        if self.action == "reject":
            self.request_ids.action_reject(self.reason)
        else:
            self.request_ids.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}

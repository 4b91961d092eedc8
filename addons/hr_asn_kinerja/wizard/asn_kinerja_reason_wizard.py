from odoo import fields, models
from odoo.exceptions import UserError


class AsnKinerjaReasonWizard(models.TransientModel):
    """The written reason a workflow step asks for (returning an SKP, rejecting a request, ...)."""

    _name = "asn.kinerja.reason.wizard"
    _description = "Reason for a Workflow Step"

    res_model = fields.Char("Document Model", required=True)
    res_ids = fields.Json("Documents", required=True)
    action = fields.Char("Step", required=True)
    reason = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        Model = self.env.get(self.res_model)
        # the registry class of a model that extends the mixin is a subclass of the mixin's
        workflow = self.env.registry["asn.workflow.mixin"]
        if Model is None or not isinstance(Model, workflow) or self.action not in Model._reason_actions:
            raise UserError(self.env._("This step does not take a reason."))
        records = Model.browse(self.res_ids)
        result = getattr(records, f"action_{self.action}")(self.reason)
        # the step's confirmation closes the dialog after it (see asn.workflow.mixin._transition_result)
        return result if isinstance(result, dict) else {"type": "ir.actions.act_window_close"}

from odoo import api, fields, models
from odoo.exceptions import UserError


class AsnKinerjaPeerInputWizard(models.TransientModel):
    """The appraiser chooses the colleagues to ask for input on an SKP's behaviour (docs/rules.md §20.16)."""

    _name = "asn.kinerja.peer.input.wizard"
    _description = "Ask Colleagues for 360 Input"

    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", required=True, readonly=True)
    # public employee records: appraisers need not be HR users to see their colleagues' names
    candidate_ids = fields.Many2many("hr.employee.public", compute="_compute_candidate_ids", string="Who May Be Asked")
    employee_ids = fields.Many2many(
        "hr.employee.public",
        string="Colleagues to Ask",
        help="Peers (same unit or same position type) and direct subordinates of the employee. Each gets an "
        "activity; you read their answers, the employee only the summary per value.",
    )

    @api.depends("appraisal_id")
    def _compute_candidate_ids(self):
        Input = self.env["asn.kinerja.peer.input"]
        for wizard in self:
            if not wizard.appraisal_id:
                wizard.candidate_ids = False
                continue
            asked = Input.sudo().search([("appraisal_id", "=", wizard.appraisal_id.id)]).employee_id
            domain = [*Input._candidate_domain(wizard.appraisal_id), ("id", "not in", asked.ids)]
            wizard.candidate_ids = self.env["hr.employee.public"].browse(
                self.env["hr.employee"].sudo().search(domain).ids
            )

    def action_confirm(self):
        self.ensure_one()
        self.appraisal_id._check_may_ask_peer_input()
        if not self.employee_ids:
            raise UserError(self.env._("Choose at least one colleague to ask."))
        inputs = self.env["asn.kinerja.peer.input"].create(
            [{"appraisal_id": self.appraisal_id.id, "employee_id": employee.id} for employee in self.employee_ids]
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._(
                    "Asked %(count)s colleagues for input; each has an activity to answer.", count=len(inputs)
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

from odoo import api, fields, models


class AsnKinerjaObjectionDeciderWizard(models.TransientModel):
    """HR names another decider for a pending objection whose decider has left or moved (docs/rules.md §13)."""

    _name = "asn.kinerja.objection.decider.wizard"
    _description = "Change the Decider of an Objection"

    objection_id = fields.Many2one("asn.kinerja.objection", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="objection_id.company_id")
    current_decider_id = fields.Many2one(related="objection_id.superior_id", string="Decided By Now")
    decider_id = fields.Many2one(
        "hr.employee",
        "New Decider",
        domain="[('company_id', 'in', (company_id, False)), ('user_id', '!=', False)]",
        help="Empty: Pengelola Kinerja (BKPSDM) decides.",
    )
    reason = fields.Text(required=True, help="Logged on the objection and the SKP, e.g. the transfer decree.")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        objection = self.env["asn.kinerja.objection"].browse(values.get("objection_id")).sudo()
        if objection and "decider_id" in fields_list:
            # the appraiser's superior now, when it is someone other than the parties
            superior = objection.appraiser_id.appraiser_id
            if superior not in objection.employee_id | objection.appraiser_id | objection.superior_id:
                values["decider_id"] = superior.id
        return values

    def action_confirm(self):
        self.ensure_one()
        self.objection_id.action_reassign_decider(self.decider_id, self.reason)
        return {"type": "ir.actions.act_window_close"}

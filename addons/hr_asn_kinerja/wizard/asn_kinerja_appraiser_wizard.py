from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class AsnKinerjaAppraiserWizard(models.TransientModel):
    """Ganti Pejabat Penilai: one new appraiser for many employees at once, e.g. after a reorganisation.
    The open SKPs of those employees follow (see asn.kinerja.appraisal._follow_appraisers)."""

    _name = "asn.kinerja.appraiser.wizard"
    _description = "Change the Appraiser of Employees"

    employee_ids = fields.Many2many("hr.employee", string="Employees", required=True)
    appraiser_id = fields.Many2one("hr.employee", "New Appraiser (Pejabat Penilai)", required=True)
    reason = fields.Text(required=True, help="Logged on every SKP that changes, e.g. the decree of the reorganisation.")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "hr.employee" and "employee_ids" in fields_list:
            values["employee_ids"] = [fields.Command.set(self.env.context.get("active_ids", []))]
        return values

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja may change appraisers."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the appraiser changes."))
        if self.appraiser_id in self.employee_ids:
            raise UserError(self.env._("%(employee)s cannot be their own appraiser.", employee=self.appraiser_id.name))
        self.employee_ids.with_context(asn_appraiser_change_reason=self.reason).write(
            {"appraiser_id": self.appraiser_id.id}
        )
        return {"type": "ir.actions.act_window_close"}

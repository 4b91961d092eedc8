from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.asn_kinerja_appraisal import OPEN_STATES


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
        moving = self.employee_ids.filtered(lambda employee: employee.appraiser_id != self.appraiser_id)
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        before = {skp: skp.appraiser_id for skp in Appraisal.search(self._open_skps_domain())}
        self.employee_ids.with_context(asn_appraiser_change_reason=self.reason).write(
            {"appraiser_id": self.appraiser_id.id}
        )
        followed = [skp for skp, appraiser in before.items() if skp.appraiser_id != appraiser]
        # what changed, said after the click (docs/rules.md §26)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Appraiser changed"),
                "message": self.env._(
                    "%(employees)s of %(total)s employees now appraised by %(appraiser)s; %(skps)s open SKPs follow.",
                    employees=len(moving),
                    total=len(self.employee_ids),
                    appraiser=self.appraiser_id.name,
                    skps=len(followed),
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
                "moved_count": len(moving),
                "skp_count": len(followed),
            },
        }

    def _open_skps_domain(self):
        return [("state", "in", OPEN_STATES), ("employee_id", "in", self.employee_ids.ids)]

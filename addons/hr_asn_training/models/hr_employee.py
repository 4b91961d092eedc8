from odoo import fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # private like every field of hr.employee that is not on the public profile (Odoo's hr
    # test_employee_fields_groups: a plain employee reads hr.employee and must not meet it)
    training_request_ids = fields.One2many(
        "asn.training.request", "employee_id", "Training Requests", groups="hr.group_hr_user"
    )
    # the inverse of the profile's employee: what Odoo's recompute of its stored unit and company reads (one
    # query per batch of employees) instead of a search per employee written (5 per employee created)
    training_competency_ids = fields.One2many(
        "asn.training.employee.competency", "employee_id", "Competency Profile", groups="hr.group_hr_user"
    )
    # Patch of a dependency, OCA hr_course 19.0.1.0.0: it adds these two to hr.employee with no group and
    # not to hr.employee.public, so any employee reading the employee list meets an AccessError once it is
    # installed (Odoo's hr test_employee_fields_groups). Restated behind HR's group until hr_course does.
    courses_ids = fields.One2many(groups="hr.group_hr_user")
    count_courses = fields.Integer(groups="hr.group_hr_user")
    # private to the employee, the appraiser and HR: shown on training requests, never on public profiles
    training_jp_done = fields.Float(
        "JP Done This Year",
        compute="_compute_training_jp",
        groups="hr.group_hr_user",
        help="Learning hours (JP) of completed competency development ending in the current calendar year.",
    )
    training_jp_target = fields.Float("JP Target", compute="_compute_training_jp", groups="hr.group_hr_user")
    training_jp_gap = fields.Float("JP Still Due", compute="_compute_training_jp", groups="hr.group_hr_user")

    def _compute_training_jp(self):
        year = fields.Date.context_today(self).year
        done = self.env["asn.training.jp.credit"]._jp_by_employee(self.ids, year)
        for employee in self:
            target = employee.sudo().company_id._training_jp_target_for(employee.sudo().asn_type)
            employee.training_jp_done = done.get(employee.id, 0.0)
            employee.training_jp_target = target
            employee.training_jp_gap = max(target - employee.training_jp_done, 0.0)

    def _asn_references(self):
        """An employee with training requests or coachings is archived, not deleted (docs/rules.md §22)."""
        return [
            *super()._asn_references(),
            ("asn.training.request", "employee_id", _lt("training requests")),
            ("asn.training.coaching", "employee_id", _lt("coaching sessions")),
        ]

    def action_view_training_requests(self):
        self.ensure_one()
        name = self.env._("Training Requests")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "asn.training.request",
            "view_mode": "list,form",
            "domain": [("employee_id", "=", self.id)],
            "context": {"default_employee_id": self.id},
        }

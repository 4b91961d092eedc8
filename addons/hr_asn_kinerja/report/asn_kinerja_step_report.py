from odoo import api, fields, models, tools
from odoo.exceptions import AccessError

from ..models.asn_kinerja_appraisal import STATES

BLOCKERS = [
    ("employee", "Employee"),
    ("appraiser", "Appraiser"),
    ("superior", "Appraiser's Superior"),
    ("officer", "Pengelola Kinerja"),
]


class AsnKinerjaStepReport(models.Model):
    """HR's monitoring dashboard (docs/rules.md §26): per unit and period, how far the SKPs got step by step,
    the late ones with who holds them up (employee, appraiser, superior) and for how many days, and the
    reminder of all late steps. One row per SKP that is not cancelled."""

    _name = "asn.kinerja.step.report"
    _inherit = ["asn.kinerja.appraisal.link.mixin"]
    _description = "SKP Monitoring Dashboard"
    _auto = False
    _order = "period_id desc, department_id, is_late desc, deadline, employee_id"
    _depends = {
        "asn.kinerja.appraisal": [
            "period_id",
            "company_id",
            "department_id",
            "employee_id",
            "appraiser_id",
            "appraiser_superior_id",
            "state",
            "is_late",
        ],
        "asn.kinerja.period": ["state", "plan_deadline", "evaluation_deadline"],
    }

    period_id = fields.Many2one("asn.kinerja.period", readonly=True)
    period_type = fields.Selection(related="period_id.period_type")
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", "Unit", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", readonly=True)
    appraiser_id = fields.Many2one("hr.employee", "Appraiser (Pejabat Penilai)", readonly=True)
    state = fields.Selection(STATES, "Step", readonly=True)
    skp_count = fields.Integer("SKPs", readonly=True)
    submitted_count = fields.Integer("Plan Submitted", readonly=True)
    approved_count = fields.Integer("Plan Approved", readonly=True)
    realized_count = fields.Integer("Realisation Submitted", readonly=True)
    scored_count = fields.Integer("Scored", readonly=True)
    done_count = fields.Integer("Final Result Set", readonly=True)
    is_late = fields.Boolean("Late", readonly=True)
    late_count = fields.Integer("Late SKPs", readonly=True)
    deadline = fields.Date("Step Deadline", readonly=True, help="The period's deadline of the SKP's current step.")
    blocker = fields.Selection(BLOCKERS, "Waiting For", readonly=True, help="Who must take the next step.")
    blocker_id = fields.Many2one("hr.employee", "Who Must Act", readonly=True)
    days_late = fields.Integer(
        compute="_compute_days_late", help="Days since the step's deadline passed; 0 when not late."
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT a.id,
                       a.period_id,
                       a.company_id,
                       a.department_id,
                       a.employee_id,
                       a.id AS appraisal_id,
                       a.appraiser_id,
                       a.state,
                       1 AS skp_count,
                       (a.state != 'draft')::integer AS submitted_count,
                       (a.state IN ('approved', 'self_assessed', 'scored', 'done'))::integer AS approved_count,
                       (a.state IN ('self_assessed', 'scored', 'done'))::integer AS realized_count,
                       (a.state IN ('scored', 'done'))::integer AS scored_count,
                       (a.state = 'done')::integer AS done_count,
                       COALESCE(a.is_late, FALSE) AS is_late,
                       COALESCE(a.is_late, FALSE)::integer AS late_count,
                       CASE WHEN a.state IN ('draft', 'submitted') THEN p.plan_deadline
                            WHEN a.state IN ('approved', 'self_assessed', 'scored') THEN p.evaluation_deadline
                       END AS deadline,
                       CASE WHEN a.state IN ('draft', 'approved') THEN 'employee'
                            WHEN a.state IN ('submitted', 'self_assessed') THEN 'appraiser'
                            WHEN a.state = 'scored' AND a.appraiser_superior_id IS NOT NULL THEN 'superior'
                            WHEN a.state = 'scored' THEN 'officer'
                       END AS blocker,
                       CASE WHEN a.state IN ('draft', 'approved') THEN a.employee_id
                            WHEN a.state IN ('submitted', 'self_assessed') THEN a.appraiser_id
                            WHEN a.state = 'scored' THEN a.appraiser_superior_id
                       END AS blocker_id
                  FROM asn_kinerja_appraisal a
                  JOIN asn_kinerja_period p ON p.id = a.period_id
                 WHERE a.state != 'cancel'
            )
            """
        )

    @api.depends("deadline", "is_late")
    def _compute_days_late(self):
        today = fields.Date.context_today(self)
        for row in self:
            row.days_late = (today - row.deadline).days if row.is_late and row.deadline else 0

    @api.model
    def action_dashboard(self):
        """The dashboard opens on one period, the latest open annual one: years never mix by default."""
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_step_report")
        if period := self._current_period():
            action["context"] = {"search_default_period_id": period.id}
        return action

    @api.model
    def _current_period(self):
        """The latest open annual period of the reader's companies."""
        return self.env["asn.kinerja.period"].search(
            [("state", "=", "open"), ("period_type", "=", "annual"), ("company_id", "in", self.env.companies.ids)],
            order="date_start desc",
            limit=1,
        )

    def action_remind_late(self):
        """Remind everyone holding up a late step of the selected rows (all late rows the reader sees when none
        is selected), through the daily run's own reminder (never twice for the same step); a summary after."""
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja may send reminders."))
        rows = self or self.search([("is_late", "=", True), ("period_id.state", "=", "open")])
        return rows.filtered("is_late").appraisal_id.action_remind_late()

from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.web_tour_tour import TOUR_PREFIX


class AsnKinerjaAdoptionReport(models.Model):
    """Adoption per unit (docs/rules.md §26): of the unit's civil servants, how many have an account, have
    logged in, have taken their Kinerja onboarding tour, and have submitted a plan at least once; so that
    BKPSDM sees where to hold the next socialisation. One row per active civil servant."""

    _name = "asn.kinerja.adoption.report"
    _description = "Adoption of Kinerja ASN"
    _auto = False
    _order = "department_id, employee_id"
    _depends = {
        "hr.employee": ["company_id", "active", "nip", "asn_type", "user_id", "current_version_id"],
        "hr.version": ["department_id"],
        "asn.kinerja.appraisal": ["employee_id", "state", "return_reason"],
        "web_tour.tour": ["user_consumed_ids", "name"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", "Unit", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    user_id = fields.Many2one("res.users", "Account", readonly=True)
    asn_count = fields.Integer("ASN", readonly=True)
    account_count = fields.Integer("With an Account", readonly=True)
    login_count = fields.Integer("Logged In", readonly=True, help="Has logged in at least once.")
    tour_count = fields.Integer(
        "Onboarding Tour Taken", readonly=True, help="Has been given a Kinerja ASN guided tour of their role."
    )
    plan_count = fields.Integer("First Plan Submitted", readonly=True, help="Has submitted an SKP plan at least once.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT e.id,
                       e.company_id,
                       v.department_id,
                       e.id AS employee_id,
                       e.user_id,
                       1 AS asn_count,
                       (e.user_id IS NOT NULL)::integer AS account_count,
                       (e.user_id IS NOT NULL AND EXISTS (
                           SELECT 1 FROM res_users_log l WHERE l.create_uid = e.user_id
                       ))::integer AS login_count,
                       (e.user_id IS NOT NULL AND EXISTS (
                           SELECT 1
                             FROM res_users_web_tour_tour_rel r
                             JOIN web_tour_tour t ON t.id = r.web_tour_tour_id
                            WHERE r.res_users_id = e.user_id AND t.name LIKE %s
                       ))::integer AS tour_count,
                       EXISTS (
                           SELECT 1 FROM asn_kinerja_appraisal a
                            WHERE a.employee_id = e.id
                              AND (a.state NOT IN ('draft', 'cancel') OR a.return_reason IS NOT NULL)
                       )::integer AS plan_count
                       %s
                  FROM hr_employee e
                  LEFT JOIN hr_version v ON v.id = e.current_version_id
                 WHERE e.active AND e.nip IS NOT NULL AND e.asn_type IS NOT NULL
            )
            """,
                SQL.identifier(self._table),
                f"{TOUR_PREFIX}%",
                SQL("").join(SQL(", %s", column) for column in self._adoption_columns()),
            )
        )

    def _adoption_columns(self):
        """More columns of the view, each an ``SQL`` expression with its alias over ``e`` (the employee): other
        addons add theirs (hr_asn_training: attendance of the Bimtek SKP)."""
        return []

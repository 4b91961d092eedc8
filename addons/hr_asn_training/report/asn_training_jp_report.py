from odoo import api, fields, models, tools


class AsnTrainingJpReport(models.Model):
    """Learning hours per civil servant and year against the company's target for the employee's ASN type
    (the 20 JP rule; PPPK of any kind have the PPPK target, docs/rules.md §8)."""

    _name = "asn.training.jp.report"
    _description = "Learning Hours (JP) Report"
    _auto = False
    _order = "year desc, jp_done, employee_id"
    _depends = {
        "asn.training.request": ["state", "date_end", "jp_hours", "employee_id", "course_schedule_id"],
        "hr.course.attendee": ["result", "active", "employee_id", "course_schedule_id"],
        "hr.course.schedule": ["state", "start_date", "end_date", "course_id"],
        "hr.course": ["jp_hours"],
        "hr.employee": ["company_id", "active", "asn_type", "nip", "nip_appointment_month", "current_version_id"],
        "hr.version": ["department_id", "job_id"],
        "res.company": ["training_jp_target_pns", "training_jp_target_pppk"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    nip = fields.Char("NIP", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", "Unit", readonly=True)
    job_id = fields.Many2one("hr.job", "Job Position", readonly=True)
    asn_type = fields.Selection(related="employee_id.asn_type")
    year = fields.Integer(readonly=True, aggregator=None)
    jp_done = fields.Float("JP Done", readonly=True)
    jp_target = fields.Float("JP Target", readonly=True)
    jp_gap = fields.Float("JP Still Due", readonly=True)
    below_target = fields.Boolean(readonly=True)
    training_count = fields.Integer("Trainings", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                WITH totals AS (
                    SELECT employee_id, year, SUM(jp_hours) AS jp_done, COUNT(*) AS training_count
                      FROM asn_training_jp_credit
                     GROUP BY employee_id, year
                ), years AS (
                    SELECT DISTINCT year FROM totals
                     UNION
                    SELECT EXTRACT(YEAR FROM CURRENT_DATE)::integer
                )
                SELECT e.id::bigint * 10000 + y.year AS id,
                       e.id AS employee_id,
                       e.nip,
                       e.company_id,
                       v.department_id,
                       v.job_id,
                       y.year,
                       COALESCE(t.jp_done, 0) AS jp_done,
                       g.target AS jp_target,
                       GREATEST(g.target - COALESCE(t.jp_done, 0), 0) AS jp_gap,
                       COALESCE(t.jp_done, 0) < g.target AS below_target,
                       COALESCE(t.training_count, 0) AS training_count
                  FROM hr_employee e
                  JOIN res_company c ON c.id = e.company_id
                 CROSS JOIN LATERAL (
                     SELECT COALESCE(CASE WHEN e.asn_type LIKE 'pppk%' THEN c.training_jp_target_pppk
                                          ELSE c.training_jp_target_pns END, 0) AS target
                 ) g
                 CROSS JOIN years y
                  LEFT JOIN hr_version v ON v.id = e.current_version_id
                  LEFT JOIN totals t ON t.employee_id = e.id AND t.year = y.year
                 WHERE e.active
                   AND e.asn_type IS NOT NULL
                   AND (e.nip_appointment_month IS NULL OR EXTRACT(YEAR FROM e.nip_appointment_month) <= y.year)
            )
            """
        )

    @api.model
    @api.readonly  # a read: served by the replica when there is one (db_replica_host)
    def formatted_read_grouping_sets(self, domain, grouping_sets, aggregates=(), *, order=None):
        # plain unit names in the pivot, as hr_skills does
        return super(AsnTrainingJpReport, self.with_context(hierarchical_naming=False)).formatted_read_grouping_sets(
            domain, grouping_sets, aggregates, order=order
        )

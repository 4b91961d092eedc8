from odoo import api, fields, models, tools


class AsnTrainingJpCredit(models.Model):
    """Every learning-hour credit of an employee: the one place the 20 JP rule is counted.

    A done training request credits its JP on the end date of its session (the course's end date), else on
    its own end date. A session attended with a
    passed result credits the JP of its course in the year the session ends, unless a done
    request of the same employee already covers that session: each training counts once.
    """

    _name = "asn.training.jp.credit"
    _description = "Learning Hours Credit"
    _auto = False
    _order = "date desc, id desc"
    _depends = {
        "asn.training.request": ["state", "date_end", "jp_hours", "employee_id", "course_schedule_id", "course_id"],
        "hr.course.attendee": ["result", "active", "employee_id", "course_schedule_id"],
        "hr.course.schedule": ["state", "start_date", "end_date", "course_id"],
        "hr.course": ["jp_hours"],
        "hr.employee": ["company_id"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    date = fields.Date("End Date", readonly=True)
    jp_hours = fields.Float("Learning Hours (JP)", readonly=True)
    kind = fields.Selection([("request", "Training Request"), ("attendance", "Session Attendance")], readonly=True)
    request_id = fields.Many2one("asn.training.request", "Training Request", readonly=True)
    attendee_id = fields.Many2one("hr.course.attendee", "Attendance", readonly=True)
    course_id = fields.Many2one("hr.course", readonly=True)
    course_schedule_id = fields.Many2one("hr.course.schedule", "Session", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT r.id * 2 AS id,
                       r.employee_id,
                       e.company_id,
                       EXTRACT(YEAR FROM COALESCE(s.end_date, r.date_end))::integer AS year,
                       COALESCE(s.end_date, r.date_end) AS date,
                       COALESCE(r.jp_hours, 0) AS jp_hours,
                       'request' AS kind,
                       r.id AS request_id,
                       NULL::integer AS attendee_id,
                       r.course_id,
                       r.course_schedule_id
                  FROM asn_training_request r
                  JOIN hr_employee e ON e.id = r.employee_id
                  LEFT JOIN hr_course_schedule s ON s.id = r.course_schedule_id
                 WHERE r.state = 'done' AND COALESCE(s.end_date, r.date_end) IS NOT NULL
                UNION ALL
                SELECT a.id * 2 + 1 AS id,
                       a.employee_id,
                       e.company_id,
                       EXTRACT(YEAR FROM COALESCE(s.end_date, s.start_date))::integer AS year,
                       COALESCE(s.end_date, s.start_date) AS date,
                       COALESCE(c.jp_hours, 0) AS jp_hours,
                       'attendance' AS kind,
                       NULL::integer AS request_id,
                       a.id AS attendee_id,
                       s.course_id,
                       s.id AS course_schedule_id
                  FROM hr_course_attendee a
                  JOIN hr_course_schedule s ON s.id = a.course_schedule_id
                  JOIN hr_course c ON c.id = s.course_id
                  JOIN hr_employee e ON e.id = a.employee_id
                 WHERE a.result = 'passed'
                   AND a.active
                   AND s.state != 'cancelled'
                   AND COALESCE(s.end_date, s.start_date) IS NOT NULL
                   AND NOT EXISTS (
                       SELECT 1
                         FROM asn_training_request r
                        WHERE r.state = 'done'
                          AND r.employee_id = a.employee_id
                          AND r.course_schedule_id = a.course_schedule_id
                   )
            )
            """
        )

    @api.model
    def _jp_by_employee(self, employee_ids, year):
        """{employee id: JP credited in ``year``}."""
        if not employee_ids:
            return {}
        groups = self.sudo()._read_group(
            [("employee_id", "in", employee_ids), ("year", "=", year)], ["employee_id"], ["jp_hours:sum"]
        )
        return {employee.id: jp for employee, jp in groups}

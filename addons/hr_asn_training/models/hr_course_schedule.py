from odoo import fields, models


class HrCourseSchedule(models.Model):
    _inherit = "hr.course.schedule"

    # OCA hr_course ships no Indonesian: its fields are restated here (some relabelled), so that this addon
    # exports and translates their labels
    name = fields.Char("Session Name")
    course_id = fields.Many2one()
    start_date = fields.Date()
    end_date = fields.Date()
    currency_id = fields.Many2one()
    cost = fields.Monetary()
    authorized_by = fields.Many2one(string="Authorised by")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("waiting_attendees", "Waiting for Attendees"),
            ("in_progress", "In Progress"),
            ("in_validation", "In Validation"),
            ("completed", "Completed"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
    )
    comment = fields.Text()
    training_company_id = fields.Many2one()
    instructor_ids = fields.Many2many(string="Instructors")
    place = fields.Char()
    attendant_ids = fields.Many2many(string="Invited Employees")
    course_attendee_ids = fields.One2many(string="Attendees")
    note = fields.Text("Internal Notes")

    # the agency that runs the session: its officers manage it (security/rules.xml), no other agency's
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    jp_hours = fields.Float(related="course_id.jp_hours")
    training_request_ids = fields.One2many("asn.training.request", "course_schedule_id", "Training Requests")

    def validation2complete(self):
        """Completing a session finishes the approved requests of the attendees who passed."""
        result = super().validation2complete()
        self.env["asn.training.request"]._complete_from_sessions(self)
        return result

    def _add_attendee(self, employee):
        """Enrol ``employee`` (sudo): in the invitation list and, once the session runs, as an attendee."""
        session = self.sudo()
        if employee not in session.attendant_ids:
            session.attendant_ids = [fields.Command.link(employee.id)]
        attendee = session.with_context(active_test=False).course_attendee_ids.filtered(
            lambda a: a.employee_id == employee
        )
        if attendee:
            attendee.active = True
        else:
            attendee = self.env["hr.course.attendee"].sudo().create(session._attendee_values(employee))
        return attendee

    def _remove_attendee(self, employee):
        """Withdraw ``employee`` (sudo) from a session that has not started."""
        session = self.sudo()
        session.attendant_ids = [fields.Command.unlink(employee.id)]
        session.course_attendee_ids.filtered(lambda a: a.employee_id == employee).active = False

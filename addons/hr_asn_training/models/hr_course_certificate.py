from odoo import api, fields, models


class HrCourse(models.Model):
    _inherit = "hr.course"  # pylint: disable=consider-merging-classes-inherited

    certificate_validity_months = fields.Integer(
        "Certificate Validity (Months)",
        tracking=True,
        help="How long the certificate of a passed session stays valid; 0: it does not expire.",
    )

    _certificate_validity_positive = models.Constraint(
        "CHECK(certificate_validity_months >= 0)", "The certificate validity cannot be negative."
    )

    def write(self, vals):
        result = super().write(vals)
        if "certificate_validity_months" in vals:
            attendees = self.env["hr.course.attendee"].sudo().with_context(active_test=False)
            self.env["asn.training.certificate"]._sync_from_attendees(
                attendees.search([("course_schedule_id.course_id", "in", self.ids)])
            )
        return result


class HrCourseSchedule(models.Model):
    _inherit = "hr.course.schedule"  # pylint: disable=consider-merging-classes-inherited

    def write(self, vals):
        result = super().write(vals)
        if {"end_date", "start_date", "state", "course_id"} & set(vals):
            self.env["asn.training.certificate"]._sync_from_attendees(
                self.sudo().with_context(active_test=False).course_attendee_ids
            )
        return result


class HrCourseAttendee(models.Model):
    _inherit = "hr.course.attendee"  # pylint: disable=consider-merging-classes-inherited

    certificate_ids = fields.One2many("asn.training.certificate", "attendee_id", "Certificates")

    @api.model_create_multi
    def create(self, vals_list):
        attendees = super().create(vals_list)
        self.env["asn.training.certificate"]._sync_from_attendees(attendees)
        return attendees

    def write(self, vals):
        result = super().write(vals)
        if {"result", "active", "employee_id", "course_schedule_id"} & set(vals):
            self.env["asn.training.certificate"]._sync_from_attendees(self)
        return result

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

# days before the end of a certificate when the employee and HR get an activity (docs/rules.md §18)
REMINDER_DAYS = (90, 30)
EXPIRY_ACTIVITY = "hr_asn_training.mail_act_certificate_expiry"


class AsnTrainingCertificate(models.Model):
    """A certificate that expires: given by a passed session of a course with a validity (docs/rules.md §18)."""

    _name = "asn.training.certificate"
    _description = "Training Certificate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_expiry, id"
    _check_company_auto = True

    name = fields.Char(related="course_id.name", store=True, string="Certificate")
    attendee_id = fields.Many2one("hr.course.attendee", "Attendance", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    course_id = fields.Many2one("hr.course", required=True, ondelete="cascade")
    course_schedule_id = fields.Many2one("hr.course.schedule", "Session", ondelete="set null")
    date_issued = fields.Date("Issued on", required=True, help="The end date of the session.")
    date_expiry = fields.Date("Valid until", required=True, index=True)
    validity_state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring Soon"), ("expired", "Expired")],
        "Validity",
        compute="_compute_validity_state",
        search="_search_validity_state",
    )
    reminded_90 = fields.Boolean("Reminded 90 Days Before", readonly=True, copy=False)
    reminded_30 = fields.Boolean("Reminded 30 Days Before", readonly=True, copy=False)

    _attendee_unique = models.Constraint("UNIQUE(attendee_id)", "An attendance gives one certificate.")

    @api.depends("date_expiry")
    @api.depends_context("date")
    def _compute_validity_state(self):
        today = fields.Date.context_today(self)
        for certificate in self:
            certificate.validity_state = self._validity_of(certificate.date_expiry, today)

    @api.model
    def _validity_of(self, date_expiry, today):
        if not date_expiry:
            return False
        if date_expiry < today:
            return "expired"
        if date_expiry <= today + relativedelta(days=max(REMINDER_DAYS)):
            return "expiring"
        return "valid"

    def _search_validity_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        soon = today + relativedelta(days=max(REMINDER_DAYS))
        domains = {
            "expired": Domain("date_expiry", "<", today),
            "expiring": Domain("date_expiry", ">=", today) & Domain("date_expiry", "<=", soon),
            "valid": Domain("date_expiry", ">", soon),
        }
        return Domain.OR(domains[key] for key in value if key in domains)

    # ------------------------------------------------------------------
    # from the attendances
    # ------------------------------------------------------------------
    @api.model
    def _sync_from_attendees(self, attendees=None):
        """Give every passed attendance of a course with a validity its certificate, keep its dates in step
        with the session, and drop those whose attendance no longer passes."""
        Attendee = self.env["hr.course.attendee"].sudo().with_context(active_test=False)
        if attendees is None:
            attendees = Attendee.search([("course_schedule_id.course_id.certificate_validity_months", ">", 0)])
        else:
            attendees = attendees.sudo().with_context(active_test=False)
        certificates = self.sudo().search([("attendee_id", "in", attendees.ids)])
        by_attendee = {certificate.attendee_id.id: certificate for certificate in certificates}
        to_create, to_drop = [], self.sudo()
        for attendee in attendees:
            values = self._values_of(attendee)
            certificate = by_attendee.get(attendee.id)
            if not values:
                to_drop |= certificate or self.sudo()
            elif not certificate:
                to_create.append(values)
            elif certificate.date_expiry != values["date_expiry"] or certificate.date_issued != values["date_issued"]:
                # a new end date starts the reminders over
                certificate.write({**values, "reminded_90": False, "reminded_30": False})
        to_drop.unlink()
        return self.sudo().create(to_create)

    @api.model
    def _values_of(self, attendee):
        """The certificate an attendance gives, or None."""
        session = attendee.course_schedule_id
        months = session.course_id.certificate_validity_months
        issued = session.end_date or session.start_date
        if not (attendee.active and attendee.result == "passed" and months > 0 and issued and attendee.employee_id):
            return None
        if session.state == "cancelled":
            return None
        return {
            "attendee_id": attendee.id,
            "employee_id": attendee.employee_id.id,
            "course_id": session.course_id.id,
            "course_schedule_id": session.id,
            "date_issued": issued,
            "date_expiry": issued + relativedelta(months=months),
        }

    # ------------------------------------------------------------------
    # reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_expiry_reminders(self):
        """Daily: 90 and 30 days before a certificate ends, an activity for the employee and HR, each once."""
        self._sync_from_attendees()
        today = fields.Date.context_today(self)
        due = self.sudo().search(
            [
                ("date_expiry", ">=", today),
                ("date_expiry", "<=", today + relativedelta(days=max(REMINDER_DAYS))),
                "|",
                ("reminded_90", "=", False),
                ("reminded_30", "=", False),
            ]
        )
        for certificate in due:
            days = (certificate.date_expiry - today).days
            if days <= min(REMINDER_DAYS):
                if certificate.reminded_30:
                    continue
                certificate.write({"reminded_30": True, "reminded_90": True})
            elif not certificate.reminded_90:
                certificate.reminded_90 = True
            else:
                continue
            certificate._remind(days)

    def _remind(self, days):
        self.ensure_one()
        certificate = self.sudo()
        users = certificate.employee_id.user_id | certificate.company_id._training_officer()
        for user in users.filtered("active"):
            record = certificate.with_context(lang=user.lang or self.env.lang, mail_activity_quick_update=True)
            note = record.env._(
                "The certificate %(course)s of %(employee)s ends on %(date)s (in %(days)s days): plan its renewal.",
                course=certificate.course_id.name,
                employee=certificate.employee_id.name,
                date=certificate.date_expiry,
                days=days,
            )
            record.activity_schedule(EXPIRY_ACTIVITY, date_deadline=certificate.date_expiry, user_id=user.id, note=note)

"""Certificates that expire (docs/rules.md §18): a passed session of a course with a validity gives one; the
employee and HR are reminded 90 and 30 days before it ends, each once."""

import base64
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestCertificate(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Certificate = cls.env["asn.training.certificate"]
        cls.course.certificate_validity_months = 12

    def attend(self, employees, result="passed", session=None):
        session = session or self.open_session
        session.attendant_ids = [fields.Command.link(e.id) for e in employees]
        session.waiting2inprogress()
        session.inprogress2validation()
        session.course_attendee_ids.filtered(lambda a: a.employee_id in employees).result = result
        return session

    def certificate_of(self, employee):
        return self.Certificate.search([("employee_id", "in", employee.ids)])

    def expiry_activities(self, certificate):
        activity_type = self.env.ref("hr_asn_training.mail_act_certificate_expiry")
        return certificate.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def test_passed_attendance_gives_a_certificate_valid_for_the_course_validity(self):
        self.attend(self.staff | self.staff2)
        self.open_session.course_attendee_ids.filtered(lambda a: a.employee_id == self.staff2).result = "failed"
        certificate = self.certificate_of(self.staff)
        self.assertEqual((certificate.date_issued, certificate.date_expiry), (date(2026, 3, 4), date(2027, 3, 4)))
        self.assertFalse(self.certificate_of(self.staff2))
        # a later pass, a new end date or a course without validity follow
        self.open_session.course_attendee_ids.filtered(lambda a: a.employee_id == self.staff2).result = "passed"
        self.assertTrue(self.certificate_of(self.staff2))
        self.open_session.end_date = "2026-03-06"
        self.assertEqual(certificate.date_expiry, date(2027, 3, 6))
        self.course.certificate_validity_months = 0
        self.assertFalse(self.certificate_of(self.staff))

    def test_reminders_at_90_and_30_days_each_once(self):
        self.attend(self.staff)
        certificate = self.certificate_of(self.staff)
        Cron = self.Certificate.sudo()
        with freeze_time("2026-11-01"):  # 123 days left
            Cron._cron_expiry_reminders()
        self.assertFalse(self.expiry_activities(certificate))
        with freeze_time("2026-12-05"):  # 89 days left
            Cron._cron_expiry_reminders()
            Cron._cron_expiry_reminders()
        self.assertEqual(self.expiry_activities(certificate).user_id, self.user_staff | self.user_officer)
        self.assertEqual(len(self.expiry_activities(certificate)), 2)
        with freeze_time("2027-01-10"):  # 53 days left: nothing new
            Cron._cron_expiry_reminders()
        self.assertEqual(len(self.expiry_activities(certificate)), 2)
        with freeze_time("2027-02-05"):  # 27 days left
            Cron._cron_expiry_reminders()
        with freeze_time("2027-02-06"):
            Cron._cron_expiry_reminders()
        self.assertEqual(len(self.expiry_activities(certificate)), 4)
        self.assertTrue(certificate.reminded_90 and certificate.reminded_30)

    def test_a_late_certificate_gets_the_30_day_reminder_only(self):
        self.attend(self.staff)
        certificate = self.certificate_of(self.staff)
        with freeze_time("2027-02-20"):  # 12 days left
            self.Certificate.sudo()._cron_expiry_reminders()
            self.Certificate.sudo()._cron_expiry_reminders()
        self.assertEqual(len(self.expiry_activities(certificate)), 2)
        with freeze_time("2027-03-10"):
            self.assertEqual(certificate.validity_state, "expired")
            self.assertIn(certificate, self.Certificate.search([("validity_state", "in", ["expired"])]))

    def test_who_reads_a_certificate(self):
        self.attend(self.staff | self.staff2)
        certificate = self.certificate_of(self.staff)
        self.assertEqual(self.Certificate.with_user(self.user_staff).search([]), certificate)
        with self.assertRaises(AccessError):
            self.certificate_of(self.staff2).with_user(self.user_staff).read(["date_expiry"])
        with self.assertRaises(AccessError):
            certificate.with_user(self.user_staff).write({"date_expiry": "2030-01-01"})
        self.assertEqual(
            self.Certificate.with_user(self.user_supervisor).search([]), self.certificate_of(self.staff | self.staff2)
        )
        self.assertFalse(self.Certificate.with_user(self.user_outsider).search([]))
        self.assertEqual(len(self.Certificate.with_user(self.user_officer).search([])), 2)

    def test_jp_of_a_request_count_once_on_the_session_end_date(self):
        self.course.jp_hours = 16
        request = self.draft_request(course_schedule_id=self.open_session.id)
        request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        request.with_user(self.user_officer).action_validate()
        request.with_user(self.user_staff).certificate = base64.b64encode(b"x")
        self.open_session.course_attendee_ids.result = "passed"
        request.with_user(self.user_officer).action_done()
        request.sudo().date_end = "2027-01-15"  # the request's own date says otherwise
        credit = self.env["asn.training.jp.credit"].search([("employee_id", "=", self.staff.id)])
        self.assertEqual(len(credit), 1)
        self.assertEqual((credit.date, credit.year, credit.jp_hours), (date(2026, 3, 4), 2026, 16))

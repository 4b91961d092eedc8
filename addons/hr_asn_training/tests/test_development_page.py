"""Pengembangan Saya (docs/rules.md §18): each employee reads their own development page, and nothing of others'."""

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .talent_case import TalentCase


@tagged("post_install", "-at_install")
class TestDevelopmentPage(TalentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Page = cls.env["asn.training.development"]
        cls.course.certificate_validity_months = 6

    def page_of(self, user):
        return self.Page.with_user(user).search([("user_id", "=", user.id)])

    def test_my_page_gathers_jp_certificates_requests_coaching_and_the_set_box(self):
        year = fields.Date.today().year
        session = self.open_session
        session.write({"start_date": f"{year}-01-05", "end_date": f"{year}-01-07"})
        session.attendant_ids = [fields.Command.link(self.staff.id)]
        session.waiting2inprogress()
        session.inprogress2validation()
        session.course_attendee_ids.result = "passed"
        request = self.draft_request()
        coaching = (
            self.env["asn.training.coaching"].with_user(self.user_supervisor).create({"employee_id": self.staff.id})
        )
        box = self.finished_box()

        page = self.page_of(self.user_staff)
        self.assertEqual(len(page), 1)
        self.assertEqual((page.jp_done, page.jp_target, page.jp_gap), (16, 20, 4))
        self.assertEqual(page.jp_progress, 80)
        self.assertEqual(page.certificate_ids.course_id, self.course)
        self.assertEqual(page.request_ids, request)
        self.assertEqual(page.coaching_ids, coaching)
        self.assertFalse(page.talent_line_id, "the box is not set yet")
        self.set_box(box)
        page.invalidate_recordset()
        self.assertEqual(page.talent_line_id.employee_id, self.staff)
        self.assertEqual(page.talent_box, 9)

    def test_an_expired_certificate_shows(self):
        self.open_session.attendant_ids = [fields.Command.link(self.staff.id)]
        self.open_session.waiting2inprogress()
        self.open_session.inprogress2validation()
        self.open_session.course_attendee_ids.result = "passed"
        with freeze_time("2026-10-01"):  # valid until 2026-09-04
            page = self.page_of(self.user_staff)
            self.assertEqual(page.expired_certificate_count, 1)
            self.assertEqual(page.certificate_ids.validity_state, "expired")

    def test_each_reads_their_own_page_only(self):
        staff_page = self.page_of(self.user_staff)
        other_page = self.Page.search([("employee_id", "=", self.staff2.id)])
        self.assertEqual(self.Page.with_user(self.user_staff).search([]), staff_page)
        with self.assertRaises(AccessError):
            other_page.with_user(self.user_staff).read(["jp_done"])
        # the appraiser and the committee read their own page, not their appraisees' or the staff's
        for user in (self.user_supervisor, self.user_committee):
            self.assertFalse(self.Page.with_user(user).search([("employee_id", "=", self.staff.id)]), user.name)
        with self.assertRaises(AccessError):
            staff_page.with_user(self.user_staff).write({"name": "x"})
        # HR reads every page of the company
        self.assertIn(staff_page, self.Page.with_user(self.user_officer).search([]))
        self.assertEqual(staff_page.with_user(self.user_officer).jp_target, 20)

"""The 20 JP rule: what counts, in which year, once; and the per-unit report HR exports."""

import base64
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestJp(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = fields.Date.today().year
        cls.other_department = cls.env["hr.department"].create({"name": "Dinas Lain"})
        cls.outsider.department_id = cls.other_department

    def done_request(self, user, jp, end, employee=None, **vals):
        """A request taken through the whole flow to done, ending on ``end``."""
        request = self.draft_request(
            user, employee, jp_hours=jp, date_start=end, date_end=end, course_id=False, title="Pelatihan", **vals
        )
        request.with_user(user).action_submit()
        appraiser = request.employee_id.appraiser_id.user_id
        if appraiser:
            request.with_user(appraiser).action_approve()
        request.with_user(self.user_officer).action_validate()
        request.with_user(request.employee_id.user_id or self.user_officer).certificate = base64.b64encode(b"x")
        request.with_user(self.user_officer).action_done()
        return request

    def session_in(self, year, jp=8):
        course = self.env["hr.course"].create(
            {"name": f"Kursus {year}", "category_id": self.category.id, "jp_hours": jp}
        )
        session = self.env["hr.course.schedule"].create(
            {
                "name": f"Angkatan {year}",
                "course_id": course.id,
                "cost": 0,
                "authorized_by": self.officer.id,
                "start_date": date(year, 5, 1),
                "end_date": date(year, 5, 3),
            }
        )
        session.draft2waiting()
        return session

    def attend(self, session, employees, result="passed"):
        session.attendant_ids = [fields.Command.link(e.id) for e in employees]
        session.waiting2inprogress()
        session.inprogress2validation()
        session.course_attendee_ids.filtered(lambda a: a.employee_id in employees).result = result

    def jp(self, employee):
        employee.invalidate_recordset(["training_jp_done", "training_jp_target", "training_jp_gap"])
        return (employee.training_jp_done, employee.training_jp_target, employee.training_jp_gap)

    def test_nothing_done_yet_the_whole_target_is_due(self):
        self.assertEqual(self.jp(self.staff), (0, 20, 20))

    def test_only_done_requests_ending_this_year_count(self):
        this_year = date(self.year, 2, 10)
        self.done_request(self.user_staff, 6, this_year)
        self.done_request(self.user_staff, 10, date(self.year - 1, 12, 30))  # last year
        self.done_request(self.user_staff, 3, this_year, employee=None)
        approved = self.draft_request(jp_hours=40, date_end=this_year)
        approved.with_user(self.user_staff).action_submit()
        approved.with_user(self.user_supervisor).action_approve()
        approved.with_user(self.user_officer).action_validate()  # approved, not done
        rejected = self.draft_request(jp_hours=40, date_end=this_year)
        rejected.with_user(self.user_staff).action_submit()
        rejected.with_user(self.user_supervisor).action_reject("Tidak")
        self.draft_request(jp_hours=40, date_end=this_year)  # draft
        self.done_request(self.user_staff2, 12, this_year)  # someone else
        self.assertEqual(self.jp(self.staff), (9, 20, 11))
        self.assertEqual(self.jp(self.staff2), (12, 20, 8))

    def test_gap_never_below_zero_and_target_is_a_company_setting(self):
        self.done_request(self.user_staff, 32, date(self.year, 3, 1))
        self.assertEqual(self.jp(self.staff), (32, 20, 0))
        self.company.training_jp_target = 40
        self.assertEqual(self.jp(self.staff), (32, 40, 8))

    def test_passed_session_counts_without_a_request(self):
        session = self.session_in(self.year, jp=8)
        self.attend(session, self.staff | self.staff2)
        failed = self.session_in(self.year, jp=30)
        self.attend(failed, self.staff, result="failed")
        old = self.session_in(self.year - 1, jp=30)
        self.attend(old, self.staff)
        self.assertEqual(self.jp(self.staff), (8, 20, 12))
        self.assertEqual(self.jp(self.staff2)[0], 8)

    def test_session_attended_through_a_request_counts_once(self):
        session = self.session_in(self.year, jp=8)
        request = self.draft_request(course_id=session.course_id.id, course_schedule_id=session.id)
        request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        request.with_user(self.user_officer).action_validate()
        session.waiting2inprogress()
        session.inprogress2validation()
        request.attendee_id.with_user(self.user_officer).result = "passed"
        self.assertEqual(self.jp(self.staff)[0], 8)  # the attendance, the request is not done yet
        session.validation2complete()  # finishes the request
        self.assertEqual(request.state, "done")
        self.assertEqual(self.jp(self.staff)[0], 8)  # now the request, still once
        jp_credits = self.env["asn.training.jp.credit"].search([("employee_id", "=", self.staff.id)])
        self.assertEqual((jp_credits.kind, jp_credits.request_id), ("request", request))

    def test_jp_are_private_to_the_employee_the_appraiser_and_hr(self):
        self.done_request(self.user_staff, 6, date(self.year, 4, 1))
        self.assertNotIn("training_jp_done", self.env["hr.employee.public"]._fields)
        request = self.draft_request()
        for user in (self.user_staff, self.user_supervisor, self.user_officer):
            with self.subTest(user=user.login):
                mine = request.with_user(user)
                self.assertEqual((mine.employee_jp_done, mine.employee_jp_target), (6, 20))
        for user in (self.user_staff2, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                request.with_user(user).read(["employee_jp_done"])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.staff.with_user(user).read(["training_jp_done"])

    def test_report_per_unit_and_year_below_target(self):
        self.done_request(self.user_staff, 24, date(self.year, 6, 1))
        self.done_request(self.user_staff2, 5, date(self.year, 6, 1))
        self.done_request(self.user_staff2, 30, date(self.year - 1, 6, 1))
        Report = self.env["asn.training.jp.report"].with_user(self.user_officer)
        rows = Report.search([("employee_id", "in", (self.staff | self.staff2 | self.outsider).ids)])
        by_key = {(r.employee_id, r.year): r for r in rows}
        self.assertRecordValues(
            by_key[self.staff, self.year], [{"jp_done": 24, "jp_target": 20, "jp_gap": 0, "below_target": False}]
        )
        self.assertRecordValues(
            by_key[self.staff2, self.year],
            [{"jp_done": 5, "jp_gap": 15, "below_target": True, "department_id": self.department.id}],
        )
        self.assertRecordValues(by_key[self.staff2, self.year - 1], [{"jp_done": 30, "below_target": False}])
        # nobody is forgotten: no training at all is a row too
        self.assertRecordValues(by_key[self.staff, self.year - 1], [{"jp_done": 0, "below_target": True}])
        self.assertRecordValues(
            by_key[self.outsider, self.year], [{"jp_done": 0, "department_id": self.other_department.id}]
        )
        # per unit: who is below target this year
        groups = Report._read_group(
            [("year", "=", self.year), ("below_target", "=", True), ("department_id", "=", self.department.id)],
            ["department_id"],
            ["employee_id:recordset"],
        )
        below = groups[0][1]
        self.assertIn(self.staff2, below)
        self.assertNotIn(self.staff, below)
        # exportable, by an officer an administrator allowed to export (no Kinerja group implies it)
        self.user_officer.group_ids += self.env.ref("base.group_allow_export")
        exported = rows.filtered(lambda r: r.year == self.year and r.below_target).export_data(
            ["employee_id/name", "nip", "department_id/name", "jp_done", "jp_gap"]
        )["datas"]
        self.assertIn(["Staf Dua", self.staff2.nip, "Dinas Uji", 5.0, 15.0], exported)

    def test_report_leaves_out_years_before_the_appointment(self):
        self.staff.nip = "199001012020011003"  # appointed (TMT CPNS) January 2020
        self.done_request(self.user_staff2, 5, date(2019, 6, 1))
        Report = self.env["asn.training.jp.report"]
        self.assertTrue(Report.search([("employee_id", "=", self.staff2.id), ("year", "=", 2019)]))
        self.assertFalse(Report.search([("employee_id", "=", self.staff.id), ("year", "=", 2019)]))

    def test_report_is_for_hr_only(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.env["asn.training.jp.report"].with_user(self.user_supervisor).search([])

    def test_the_jp_pivot_is_a_read_that_the_replica_serves(self):
        """Marked ``@api.readonly``: Odoo 19 runs it on a read-only cursor, the replica's when there is one."""
        method = type(self.env["asn.training.jp.report"]).formatted_read_grouping_sets
        self.assertTrue(getattr(method, "_readonly", False))

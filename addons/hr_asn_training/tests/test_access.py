"""Record rules and rights per role: who sees, and who must not see or change, what."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestAccess(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Request = cls.env["asn.training.request"]
        cls.requests = {}
        for employee in (cls.head, cls.supervisor, cls.staff, cls.staff2, cls.outsider, cls.officer):
            cls.requests[employee] = Request.with_user(employee.user_id).create(
                {"title": f"Pelatihan {employee.name}", "jp_hours": 8}
            )
        cls.other_company = cls.env["res.company"].create({"name": "Kabupaten Tetangga"})
        cls.foreign = cls.env["hr.employee"].create(
            {"name": "Pegawai Tetangga", "company_id": cls.other_company.id, "asn_type": "pns"}
        )
        cls.foreign_request = Request.create({"employee_id": cls.foreign.id, "title": "Lain", "jp_hours": 4})
        cls.coaching = (
            cls.env["asn.training.coaching"].with_user(cls.user_supervisor).create({"employee_id": cls.staff.id})
        )

    def visible(self, user, model="asn.training.request"):
        return self.env[model].with_user(user).search([])

    def requests_of(self, *employees):
        return self.env["asn.training.request"].union(*(self.requests[e] for e in employees))

    def test_employee_sees_only_own_requests(self):
        self.assertEqual(self.visible(self.user_staff), self.requests_of(self.staff))
        self.assertEqual(self.visible(self.user_outsider), self.requests_of(self.outsider))
        with self.assertRaises(AccessError):
            self.requests[self.staff2].with_user(self.user_staff).read(["name"])
        with self.assertRaises(AccessError):
            self.requests[self.staff2].with_user(self.user_staff).action_submit()

    def test_appraiser_sees_own_and_appraisees_not_further_down(self):
        self.assertEqual(self.visible(self.user_supervisor), self.requests_of(self.supervisor, self.staff, self.staff2))
        # the head appraises the supervisor and the officer, not the supervisor's staff
        self.assertEqual(self.visible(self.user_head), self.requests_of(self.head, self.supervisor, self.officer))
        with self.assertRaises(AccessError):
            self.requests[self.outsider].with_user(self.user_supervisor).action_approve()

    def test_officer_sees_all_of_their_companies_only(self):
        mine = self.visible(self.user_officer)
        self.assertEqual(mine, self.requests_of(*self.requests))
        self.assertNotIn(self.foreign_request, mine)
        with self.assertRaises(AccessError):
            self.foreign_request.with_user(self.user_officer).read(["name"])
        self.assertNotIn(self.foreign_request, self.visible(self.user_manager), "not one of their agencies")

    def test_officer_cannot_create_for_another_company(self):
        with self.assertRaises(AccessError):
            self.env["asn.training.request"].with_user(self.user_officer).create(
                {"employee_id": self.foreign.id, "title": "X", "jp_hours": 2}
            )

    def test_coaching_visible_to_employee_appraiser_superior_officer_only(self):
        for user in (self.user_staff, self.user_supervisor, self.user_head, self.user_officer):
            with self.subTest(user=user.login):
                self.assertEqual(self.visible(user, "asn.training.coaching"), self.coaching)
        for user in (self.user_staff2, self.user_outsider):
            with self.subTest(user=user.login):
                self.assertFalse(self.visible(user, "asn.training.coaching"))
                self.assertFalse(self.visible(user, "asn.training.coaching.answer"))
        # the feedback (B.1.8) is about the appraiser: the superior reads it, the appraiser does not
        for user in (self.user_staff, self.user_head, self.user_officer):
            with self.subTest(user=user.login):
                self.assertEqual(len(self.visible(user, "asn.training.coaching.answer")), 9)
        self.assertFalse(self.visible(self.user_supervisor, "asn.training.coaching.answer"))

    def test_only_appraiser_or_officer_records_a_coaching(self):
        Coaching = self.env["asn.training.coaching"]
        with self.assertRaisesRegex(AccessError, "Only the appraiser"):
            Coaching.with_user(self.user_staff).create({"employee_id": self.staff.id})
        with self.assertRaisesRegex(AccessError, "Only the appraiser"):
            Coaching.with_user(self.user_head).create({"employee_id": self.staff.id})
        self.assertTrue(Coaching.with_user(self.user_officer).create({"employee_id": self.staff2.id}))

    def test_jp_credits_follow_the_employee(self):
        for employee in (self.staff, self.staff2):
            request = self.requests[employee].sudo()
            request._transition("submit")
            request._transition("validate")
            request.write({"date_end": "2026-05-01", "certificate": b"c2VydGlmaWthdA=="})
            request._transition("done")
        jp_credits = self.visible(self.user_staff, "asn.training.jp.credit")
        self.assertEqual(jp_credits.employee_id, self.staff)
        self.assertEqual(
            self.visible(self.user_supervisor, "asn.training.jp.credit").employee_id, self.staff | self.staff2
        )
        self.assertFalse(self.visible(self.user_outsider, "asn.training.jp.credit"))

    def test_sessions_open_for_enrolment_are_readable_not_writable(self):
        running = self.env["hr.course.schedule"].create(
            {"name": "Berjalan", "course_id": self.course.id, "cost": 0, "authorized_by": self.officer.id}
        )
        running.draft2waiting()
        running.attendant_ids = self.staff2
        running.waiting2inprogress()
        visible = self.visible(self.user_staff, "hr.course.schedule")
        self.assertIn(self.open_session, visible)
        self.assertNotIn(running, visible)
        self.assertIn(running, self.visible(self.user_staff2, "hr.course.schedule"))  # they attend it
        with self.assertRaises(AccessError):
            self.open_session.with_user(self.user_staff).write({"cost": 1})
        self.open_session.with_user(self.user_officer).write({"cost": 2})
        self.assertIn(running, self.visible(self.user_officer, "hr.course.schedule"))

    def test_catalogue_and_statements_read_by_all_managed_by_hr(self):
        Course = self.env["hr.course"]
        self.assertIn(self.env.ref("hr_asn_training.course_pkp"), Course.with_user(self.user_staff).search([]))
        with self.assertRaises(AccessError):
            Course.with_user(self.user_staff).create({"name": "X", "category_id": self.category.id})
        Course.with_user(self.user_officer).create({"name": "Baru", "category_id": self.category.id, "jp_hours": 4})
        statement = self.env.ref("hr_asn_training.coaching_statement_1")
        with self.assertRaises(AccessError):
            statement.with_user(self.user_supervisor).name = "Ubah"
        statement.with_user(self.user_officer).name = "Saya merasa diperhatikan dan dipahami."
        self.assertEqual(len(self.env["asn.training.coaching.statement"].search([])), 9)

    def test_menus_per_role(self):
        def menus(user):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            return {
                xmlid
                for xmlid in (
                    "menu_training_request_mine",
                    "menu_training_request_to_approve",
                    "menu_training_request_all",
                    "menu_training_jp_report",
                    "menu_training_coaching",
                )
                if self.env.ref(f"hr_asn_training.{xmlid}").id in visible
            }

        self.assertEqual(menus(self.user_staff), {"menu_training_request_mine", "menu_training_coaching"})
        self.assertIn("menu_training_request_to_approve", menus(self.user_supervisor))
        self.assertNotIn("menu_training_jp_report", menus(self.user_supervisor))
        self.assertIn("menu_training_jp_report", menus(self.user_officer))

    def test_to_approve_lists_what_awaits_the_caller(self):
        request = self.requests[self.staff]
        request.with_user(self.user_staff).action_submit()
        mine = [("is_my_turn", "=", True)]
        Request = self.env["asn.training.request"]
        self.assertEqual(Request.with_user(self.user_supervisor).search(mine), request)
        self.assertFalse(Request.with_user(self.user_officer).search(mine))
        self.assertFalse(Request.with_user(self.user_staff).search(mine))
        request.with_user(self.user_supervisor).action_approve()
        self.assertFalse(Request.with_user(self.user_supervisor).search(mine))
        self.assertEqual(Request.with_user(self.user_officer).search(mine), request)

    def test_new_user_without_employee_cannot_request(self):
        stranger = new_test_user(self.env, "kin_stranger", groups="base.group_user")
        with self.assertRaisesRegex(Exception, "Choose the employee"):
            self.env["asn.training.request"].with_user(stranger).create({"title": "X", "jp_hours": 1})

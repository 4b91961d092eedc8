"""Course sessions and attendees have company walls like the rest (issue 18): in a shared database the officer of
one agency neither sees nor marks another agency's attendees, whose result credits JP and finishes requests;
and no group of the addons grants export rights as a side effect."""

from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged

from odoo.addons.hr_asn_kinerja.tests.common import OFFICER, make_nip

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestCompanyWalls(TrainingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tebo = cls.env["res.company"].create({"name": "Kabupaten Tebo"})
        cls.tebo_officer = new_test_user(
            cls.env, "kin_officer_tebo", groups=OFFICER, company_id=cls.tebo.id, company_ids=cls.tebo.ids
        )
        cls.tebo_employee = cls.env["hr.employee"].create(
            {"name": "Pegawai Tebo", "company_id": cls.tebo.id, "nip": make_nip(91), "asn_type": "pns"}
        )
        cls.tebo_session = (
            cls.env["hr.course.schedule"]
            .with_company(cls.tebo)
            .create(
                {
                    "name": "Bimtek Tebo",
                    "course_id": cls.course.id,
                    "cost": 100000,
                    "authorized_by": cls.tebo_employee.id,
                    "start_date": "2026-05-04",
                    "end_date": "2026-05-05",
                    "attendant_ids": [(6, 0, cls.tebo_employee.ids)],
                }
            )
        )
        cls.tebo_session.draft2waiting()
        cls.tebo_session.waiting2inprogress()
        cls.tebo_attendee = cls.tebo_session.course_attendee_ids

    def call(self, user, model, method, *args):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    def test_an_officer_cannot_touch_another_agencys_session_or_attendees_over_rpc(self):
        self.assertEqual(self.tebo_session.company_id, self.tebo)
        self.assertEqual(self.tebo_attendee.company_id, self.tebo)
        attendee, session = "hr.course.attendee", "hr.course.schedule"
        self.assertFalse(self.call(self.user_officer, attendee, "search", [("id", "=", self.tebo_attendee.id)]))
        self.assertFalse(self.call(self.user_officer, session, "search", [("id", "=", self.tebo_session.id)]))
        for method, args in (
            ("write", (self.tebo_attendee.ids, {"result": "passed"})),
            ("read", (self.tebo_attendee.ids, ["result"])),
        ):
            with self.subTest(method=method), self.assertRaisesRegex(JsonRpcException, "AccessError"):
                self.call(self.user_officer, attendee, method, *args)
        for method in ("all_passed", "inprogress2validation", "write"):
            args = ({"place": "Muara Bungo"},) if method == "write" else ()
            with self.subTest(method=method), self.assertRaisesRegex(JsonRpcException, "AccessError"):
                self.call(self.user_officer, session, method, self.tebo_session.ids, *args)
        self.assertEqual(self.tebo_attendee.result, "pending")
        self.assertEqual(self.tebo_session.state, "in_progress")
        # the agency's own officer does
        self.call(self.tebo_officer, attendee, "write", self.tebo_attendee.ids, {"result": "passed"})
        self.assertEqual(self.tebo_attendee.result, "passed")

    def test_an_officer_cannot_enrol_another_agencys_employee_and_pass_them(self):
        session = "hr.course.schedule"
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call(
                self.user_officer,
                session,
                "write",
                self.open_session.ids,
                {"attendant_ids": [(4, self.tebo_employee.id)]},
            )
        # enrolled by someone who may (an administrator of both): the attendee is Tebo's, the officer cannot pass them
        self.open_session.attendant_ids = [(4, self.tebo_employee.id)]
        self.open_session.waiting2inprogress()
        tebo_attendee = self.open_session.course_attendee_ids
        self.assertEqual(tebo_attendee.company_id, self.tebo)
        with self.assertRaisesRegex(JsonRpcException, "AccessError"):
            self.call(self.user_officer, "hr.course.attendee", "write", tebo_attendee.ids, {"result": "passed"})
        # "all passed" passes the attendees the officer sees: none of Tebo's
        self.call(self.user_officer, session, "all_passed", self.open_session.ids)
        self.assertEqual(tebo_attendee.result, "pending")

    def test_no_group_of_the_addons_grants_export_rights(self):
        export = self.env.ref("base.group_allow_export")
        for user in (self.user_staff, self.user_supervisor, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                self.assertNotIn(export, user.all_group_ids)
        with self.assertRaisesRegex(JsonRpcException, "UserError|AccessError"):
            self.call(self.user_officer, "hr.employee", "export_data", self.staff.ids, ["name", "nip"])

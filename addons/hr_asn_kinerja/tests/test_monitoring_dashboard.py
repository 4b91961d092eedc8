"""HR's monitoring dashboard (docs/rules.md §26): per unit the SKPs step by step, the late ones with who holds
them up and for how many days, "remind all late" through the daily run's reminder (never twice for a step),
one year at a time; adoption per unit; opening a period and changing an appraiser end with a summary."""

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KinerjaCase, make_nip

STEPS = "asn.kinerja.step.report"
ADOPTION = "asn.kinerja.adoption.report"


@tagged("post_install", "-at_install")
@freeze_time("2026-02-10")
class TestMonitoringDashboard(KinerjaCase):
    def setUp(self):
        super().setUp()
        # the plan deadline of 2026 was 31 January: plans still in draft or waiting for approval are late
        self.walk(self.skp_of(self.staff), "approved")
        self.walk(self.skp_of(self.supervisor), "submitted")
        self.env["asn.kinerja.appraisal"]._refresh_late(fields.Date.today())

    def row(self, employee):
        return self.env[STEPS].with_user(self.user_officer).search([("employee_id", "=", employee.id)])

    def test_late_steps_say_who_blocks_and_for_how_many_days(self):
        waiting_for_head = self.row(self.supervisor)
        self.assertTrue(waiting_for_head.is_late)
        self.assertEqual((waiting_for_head.blocker, waiting_for_head.blocker_id), ("appraiser", self.head))
        self.assertEqual(waiting_for_head.days_late, 10)
        own_plan = self.row(self.staff2)
        self.assertEqual((own_plan.blocker, own_plan.blocker_id, own_plan.days_late), ("employee", self.staff2, 10))
        on_time = self.row(self.staff)
        self.assertFalse(on_time.is_late)
        self.assertEqual((on_time.blocker, on_time.days_late), ("employee", 0))

    def test_completion_per_step_and_unit(self):
        [unit] = (
            self.env[STEPS]
            .with_user(self.user_officer)
            .formatted_read_group(
                [("period_id", "=", self.period.id)],
                ["department_id"],
                ["skp_count:sum", "submitted_count:sum", "approved_count:sum", "done_count:sum", "late_count:sum"],
            )
        )
        self.assertEqual(
            (unit["skp_count:sum"], unit["submitted_count:sum"], unit["approved_count:sum"], unit["done_count:sum"]),
            (6, 2, 1, 0),
        )
        self.assertEqual(unit["late_count:sum"], 5)

    def test_remind_all_late_once_per_step_with_a_summary(self):
        Activity = self.env["mail.activity"]
        skps = self.period.appraisal_ids
        params = self.env[STEPS].with_user(self.user_officer).action_remind_late()["params"]
        self.assertIn("5 late SKPs", params["message"])
        # the supervisor's plan already waits in the head's activities: not reminded twice
        self.assertEqual((params["created_count"], params["kept_count"]), (4, 1))
        reminder = Activity.search([("res_model", "=", skps._name), ("res_id", "=", self.skp_of(self.staff2).id)])
        self.assertEqual(reminder.user_id, self.user_staff2)
        count = Activity.search_count([("res_model", "=", skps._name), ("res_id", "in", skps.ids)])
        again = self.env[STEPS].with_user(self.user_officer).action_remind_late()["params"]
        self.assertEqual((again["created_count"], again["kept_count"]), (0, 5))
        self.assertEqual(Activity.search_count([("res_model", "=", skps._name), ("res_id", "in", skps.ids)]), count)

    def test_remind_the_selected_rows_only(self):
        rows = self.row(self.staff2) | self.row(self.staff)  # one late, one on time
        params = rows.with_user(self.user_officer).action_remind_late()["params"]
        self.assertIn("1 late SKPs", params["message"])
        self.assertEqual(params["created_count"], 1)

    def test_only_hr_sees_the_dashboard_and_reminds(self):
        for user in (self.user_supervisor, self.user_staff):
            for model in (STEPS, ADOPTION):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.skp_of(self.staff2).with_user(user).action_remind_late()

    def test_one_year_at_a_time(self):
        next_year = self.env["asn.kinerja.period"].create(
            {"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31", "period_type": "annual"}
        )
        next_year.with_user(self.user_officer).action_open()
        action = self.env[STEPS].with_user(self.user_officer).action_dashboard()
        self.assertEqual(action["context"], {"search_default_period_id": next_year.id})
        self.assertEqual(action["res_model"], STEPS)
        # the progress of a head of unit too
        progress = self.env.ref("hr_asn_kinerja.action_server_monitoring_progress").with_user(self.user_head).run()
        self.assertEqual(progress["context"]["search_default_period_id"], next_year.id)
        self.assertEqual(progress["res_model"], "asn.kinerja.monitoring.report")

    def test_adoption_per_unit(self):
        newcomer = self.env["hr.employee"].create(
            {"name": "Pegawai Baru", "department_id": self.department.id, "nip": make_nip(77), "asn_type": "pppk"}
        )
        self.env["res.users.log"].with_user(self.user_staff).sudo().create({})  # what a login writes
        tour = self.env["web_tour.tour"].search([("name", "=like", "hr_asn_kinerja_onboarding_%")], limit=1)
        tour.user_consumed_ids = [fields.Command.link(self.user_staff.id)]
        rows = self.env[ADOPTION].with_user(self.user_officer).search([("department_id", "=", self.department.id)])
        staff = rows.filtered(lambda row: row.employee_id == self.staff)
        self.assertEqual(
            (staff.account_count, staff.login_count, staff.tour_count, staff.plan_count), (1, 1, int(bool(tour)), 1)
        )
        new = rows.filtered(lambda row: row.employee_id == newcomer)
        self.assertEqual((new.account_count, new.login_count, new.tour_count, new.plan_count), (0, 0, 0, 0))
        [unit] = (
            self.env[ADOPTION]
            .with_user(self.user_officer)
            .formatted_read_group(
                [("department_id", "=", self.department.id)], ["department_id"], ["asn_count:sum", "plan_count:sum"]
            )
        )
        # the staff member and the supervisor submitted a plan; of seven civil servants
        self.assertEqual((unit["asn_count:sum"], unit["plan_count:sum"]), (7, 2))

    def test_opening_a_period_says_what_it_did(self):
        next_year = self.env["asn.kinerja.period"].create(
            {"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31", "period_type": "annual"}
        )
        params = next_year.with_user(self.user_officer).action_open()["params"]
        self.assertEqual(params["created_count"], 6)
        self.assertIn("Tahun 2027: 6 SKPs created, 0 already there.", params["message"])
        again = next_year.with_user(self.user_officer).action_open()["params"]
        self.assertIn("0 SKPs created, 6 already there.", again["message"])

    def test_changing_the_appraiser_says_what_followed(self):
        wizard = (
            self.env["asn.kinerja.appraiser.wizard"]
            .with_user(self.user_officer)
            .with_context(active_model="hr.employee", active_ids=(self.staff | self.staff2).ids)
            .create({"appraiser_id": self.head.id, "reason": "Perbup 7/2026"})
        )
        params = wizard.action_confirm()["params"]
        self.assertEqual((params["moved_count"], params["skp_count"]), (2, 2))
        self.assertIn("Kepala Dinas", params["message"])

    def test_the_menus_are_hrs(self):
        menus = {
            self.env.ref(f"hr_asn_kinerja.{name}").id
            for name in ("menu_monitoring_dashboard", "menu_monitoring_adoption")
        }
        for user, visible in ((self.user_officer, True), (self.user_supervisor, False), (self.user_staff, False)):
            with self.subTest(user=user.login):
                shown = set(self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())
                self.assertEqual(menus <= shown, visible)
                self.assertFalse(not visible and menus & shown)

"""Record rules and rights on the SKP, per role: what each sees and may do, and what not."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestSkpAccess(KinerjaCase):
    def visible(self, user):
        return self.env["asn.kinerja.appraisal"].with_user(user).search([("period_id", "=", self.period.id)])

    def test_employee_sees_only_own_skp(self):
        self.assertEqual(self.visible(self.user_staff).employee_id, self.staff)
        with self.assertRaises(AccessError):
            self.skp_of(self.staff2).with_user(self.user_staff).read(["state"])

    def test_appraiser_sees_own_and_appraised_and_reviewed(self):
        self.assertEqual(self.visible(self.user_supervisor).employee_id, self.supervisor | self.staff | self.staff2)
        # the head appraises the supervisor and the officer, and reviews the supervisor's appraisees
        self.assertEqual(
            self.visible(self.user_head).employee_id,
            self.head | self.supervisor | self.officer | self.staff | self.staff2,
        )

    def test_unrelated_appraiser_sees_only_own(self):
        self.assertEqual(self.visible(self.user_outsider).employee_id, self.outsider)

    def test_officer_and_administrator_see_the_selected_companies_only(self):
        self.assertEqual(len(self.visible(self.user_officer)), 6)
        other = self.env["res.company"].create({"name": "Kabupaten Tetangga"})
        employee = self.env["hr.employee"].create(
            {"name": "Tetangga", "company_id": other.id, "nip": "198001012005011099", "asn_type": "pns"}
        )
        period = self.env["asn.kinerja.period"].create(
            {"name": "2026 Tetangga", "date_start": "2026-01-01", "date_end": "2026-12-31", "company_id": other.id}
        )
        period.action_open()
        foreign = period.appraisal_ids
        self.assertEqual(foreign.employee_id, employee)
        self.assertFalse(
            self.env["asn.kinerja.appraisal"].with_user(self.user_officer).search([("id", "=", foreign.id)])
        )
        # the administrator too sees only the agencies they work for and have selected
        Appraisal = self.env["asn.kinerja.appraisal"].with_user(self.user_manager)
        self.assertFalse(Appraisal.search([("id", "=", foreign.id)]))
        self.user_manager.company_ids |= other
        home = Appraisal.with_context(allowed_company_ids=[self.company.id])
        self.assertFalse(home.search([("id", "=", foreign.id)]))
        both = Appraisal.with_context(allowed_company_ids=[self.company.id, other.id])
        self.assertEqual(both.search([("id", "=", foreign.id)]), foreign)

    def test_rows_follow_their_skp(self):
        Line = self.env["asn.kinerja.appraisal.line"]
        Line.create([{"appraisal_id": skp.id, "name": "Hasil", "target": "1"} for skp in self.period.appraisal_ids])
        behaviour = self.env["asn.kinerja.behavior.line"].with_user(self.user_staff2).search([])
        self.assertEqual(behaviour.appraisal_id.employee_id, self.staff2)
        results = Line.with_user(self.user_staff2).search([])
        # own results only; of the appraiser's she reads the name and indicator, to link to (issue 18)
        self.assertEqual(results.employee_id, self.staff2)
        supportable = self.env["asn.kinerja.superior.result"].with_user(self.user_staff2).search([])
        self.assertEqual(supportable.employee_id, self.staff2 | self.supervisor)

    def test_nobody_else_writes_an_skp(self):
        skp = self.skp_of(self.staff)
        for user in (self.user_staff2, self.user_outsider):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                skp.with_user(user).write({"employee_feedback": "iseng"})

    def test_only_officers_create_or_delete_skps(self):
        period = self.env["asn.kinerja.period"].create(
            {"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31"}
        )
        for user in (self.user_staff, self.user_supervisor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["asn.kinerja.appraisal"].with_user(user).create(
                    {"employee_id": self.staff.id, "period_id": period.id}
                )
        skp = (
            self.env["asn.kinerja.appraisal"]
            .with_user(self.user_officer)
            .create({"employee_id": self.staff.id, "period_id": period.id})
        )
        self.assertEqual(len(skp.behavior_line_ids), 7)
        with self.assertRaises(AccessError):
            skp.with_user(self.user_supervisor).unlink()
        skp.with_user(self.user_officer).unlink()

    def test_portal_user_sees_nothing(self):
        portal = new_test_user(self.env, "kin_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            self.env["asn.kinerja.appraisal"].with_user(portal).search([])


@tagged("post_install", "-at_install")
class TestConfigurationAccess(KinerjaCase):
    def test_employees_read_configuration_only(self):
        self.assertEqual(self.env["asn.kinerja.behavior"].with_user(self.user_staff).search_count([]), 7)
        for model, vals in (
            ("asn.kinerja.period", {"name": "X", "date_start": "2030-01-01", "date_end": "2030-12-31"}),
            ("asn.kinerja.indicator", {"name": "X"}),
            ("asn.kinerja.behavior", {"name": "X"}),
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_supervisor).create(vals)

    def test_officer_runs_periods_and_indicators_not_berakhlak(self):
        self.env["asn.kinerja.indicator"].with_user(self.user_officer).create({"name": "Jumlah dokumen"})
        with self.assertRaises(AccessError):
            self.env["asn.kinerja.behavior"].with_user(self.user_officer).create({"name": "Nilai baru"})
        self.env["asn.kinerja.behavior"].with_user(self.user_manager).create({"name": "Nilai baru"})

    def test_only_officers_open_or_close_periods(self):
        with self.assertRaisesRegex(AccessError, "Pengelola Kinerja"):
            self.period.with_user(self.user_head).action_close()
        self.period.with_user(self.user_officer).action_close()
        self.assertEqual(self.period.state, "closed")

    def test_menus_per_role(self):
        def menus(user):
            return set(self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())

        ref = self.env.ref
        root, mine = ref("hr_asn_kinerja.menu_kinerja_root").id, ref("hr_asn_kinerja.menu_appraisal_mine").id
        subordinates, everything = (
            ref("hr_asn_kinerja.menu_appraisal_subordinates").id,
            ref("hr_asn_kinerja.menu_appraisal_all").id,
        )
        config = ref("hr_asn_kinerja.menu_kinerja_config").id
        self.assertTrue({root, mine} <= menus(self.user_staff))
        self.assertFalse({subordinates, everything, config} & menus(self.user_staff))
        self.assertIn(subordinates, menus(self.user_supervisor))
        self.assertFalse({everything, config} & menus(self.user_supervisor))
        self.assertTrue({everything, config} <= menus(self.user_officer))
        self.assertIn(root, menus(self.env.ref("base.user_admin")))

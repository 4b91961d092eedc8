"""Part-time PPPK (PPPK paruh waktu, KepmenPAN-RB 16/2025; docs/rules.md §16): an NI PPPK with the code 21,
kedudukan hukum 101 on import, a one-year contract, quarterly SKPs by default, and HR and the unit head told
60 days before the contract ends."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from ..tools import siasn_master as sm
from ..tools.nip import parse_nip
from .common import EMPLOYEE, KinerjaCase, make_nip


@tagged("post_install", "-at_install")
class TestPartTimePppk(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department.manager_id = cls.head
        cls.user_part_time = new_test_user(cls.env, "kin_paruh_waktu", groups=EMPLOYEE, name="Pegawai Paruh Waktu")
        cls.part_time = cls.env["hr.employee"].create(
            {
                "name": cls.user_part_time.name,
                "user_id": cls.user_part_time.id,
                "department_id": cls.department.id,
                "parent_id": cls.supervisor.id,
                "nip": make_nip(40, tmt="202521"),
                "asn_type": "pppk_part_time",
                "asn_rank": "V",
                "asn_position_type": "pelaksana",
                "contract_date_start": "2026-01-01",
                "contract_date_end": "2026-12-31",
                "contract_decree": "813/01/PPPK-PW/2026",
            }
        )
        cls.period.with_user(cls.user_officer).action_open()  # the missing SKPs

    def test_the_ni_pppk_code_21_holds_for_a_part_time_pppk(self):
        self.assertIsNone(parse_nip(self.part_time.nip, "pppk_part_time").appointment_month)
        with self.assertRaises(ValidationError):
            self.part_time.asn_rank = "III/a"  # a PNS rank
        with self.assertRaises(ValidationError):
            self.part_time.asn_type = "pns"  # code 21 is no month

    def test_siasn_kedudukan_hukum_101_is_a_part_time_pppk(self):
        self.assertEqual(sm.asn_type_of({"kedudukan_hukum_id": "101"}), "pppk_part_time")
        self.assertEqual(sm.asn_type_of({"kedudukan_hukum_id": "71"}), "pppk")
        self.assertEqual(sm.asn_type_of({"kedudukan_hukum_id": "01"}), "pns")

    def test_quarterly_skps_are_opened_for_them_by_default(self):
        annual = self.skp_of(self.part_time)
        self.assertTrue(annual, "they get the annual SKP like everyone")
        Employee = self.env["hr.employee"]
        Employee._cron_kinerja_status()
        self.assertFalse(self.period.child_ids, "nothing before the plan is agreed")
        self.walk(annual, "approved")
        Employee._cron_kinerja_status()
        quarters = self.period.child_ids
        self.assertEqual(quarters.mapped("period_type"), ["quarter"] * 4)
        self.assertEqual(
            quarters.sorted("date_start").mapped("label"), [f"TRIWULAN {r}" for r in "I II III IV".split()]
        )
        skps = self.env["asn.kinerja.appraisal"].search(
            [("employee_id", "=", self.part_time.id), ("period_id", "in", quarters.ids)]
        )
        self.assertEqual(len(skps), 4)
        self.assertEqual(set(skps.mapped("state")), {"approved"}, "each copies the agreed plan")
        self.assertFalse(
            self.env["asn.kinerja.appraisal"].search(
                [("employee_id", "=", self.staff.id), ("period_id", "in", quarters.ids)]
            ),
            "the others get quarterly SKPs only when HR opens the quarters",
        )
        Employee._cron_kinerja_status()
        self.assertEqual(
            self.env["asn.kinerja.appraisal"].search_count(
                [("employee_id", "=", self.part_time.id), ("period_id", "in", quarters.ids)]
            ),
            4,
            "running again changes nothing",
        )

    def test_hr_and_the_unit_head_are_told_60_days_before_the_contract_ends(self):
        today = fields.Date.context_today(self.part_time)
        self.part_time.contract_date_end = today + timedelta(days=61)
        Employee = self.env["hr.employee"]
        Recommendation = self.env["asn.kinerja.contract.recommendation"]
        Employee._cron_kinerja_status()
        self.assertFalse(Recommendation.search([("employee_id", "=", self.part_time.id)]))
        self.part_time.contract_date_end = today + timedelta(days=60)
        Employee._cron_kinerja_status()
        recommendation = Recommendation.search([("employee_id", "=", self.part_time.id)])
        self.assertEqual(len(recommendation), 1)
        self.assertEqual(recommendation.head_id, self.head, "the unit head recommends")
        notice = self.env.ref("hr_asn_kinerja.mail_act_contract_extension")
        self.assertEqual(recommendation.activity_ids.activity_type_id, notice)
        self.assertIn(self.user_head, recommendation.activity_ids.user_id, "the unit head")
        self.assertIn(self.user_officer, recommendation.activity_ids.user_id, "HR")
        self.assertIn("Rekomendasi Perpanjangan", self.part_time.message_ids[0].body, "logged on the employee")
        Employee._cron_kinerja_status()
        self.assertEqual(Recommendation.search_count([("employee_id", "=", self.part_time.id)]), 1, "once")

    def test_the_unit_head_recommends_and_hr_decides(self):
        self.walk(self.skp_of(self.part_time), "approved")
        self.part_time.contract_date_end = fields.Date.context_today(self.part_time) + timedelta(days=20)
        self.env["hr.employee"]._cron_kinerja_status()  # the quarters, and the notice
        recommendation = self.env["asn.kinerja.contract.recommendation"].search(
            [("employee_id", "=", self.part_time.id)]
        )
        self.assertEqual(len(recommendation.quarter_skp_ids), 4, "the four quarters on one page")
        self.assertEqual(recommendation.annual_skp_id, self.skp_of(self.part_time))
        # the employee and another appraiser do not see it; the unit head does, and recommends
        self.assertFalse(recommendation.with_user(self.user_part_time).search([("id", "=", recommendation.id)]))
        self.assertFalse(recommendation.with_user(self.user_supervisor).search([("id", "=", recommendation.id)]))
        mine = recommendation.with_user(self.user_head)
        with self.assertRaisesRegex(UserError, "Choose whether"):
            mine.action_recommend()
        mine.write({"recommendation": "extend", "recommendation_note": "Kinerja baik sepanjang tahun."})
        with self.assertRaises(AccessError):
            mine.action_decide("extend")
        mine.action_recommend()
        self.assertEqual(recommendation.state, "recommended")
        with self.assertRaises(AccessError):
            mine.write({"recommendation": "not_extend"})
        recommendation.with_user(self.user_officer).action_decide_extend()
        self.assertEqual(recommendation.decision, "extend")
        self.assertFalse(recommendation.activity_ids)
        bodies = " ".join(self.part_time.message_ids.mapped("body"))
        self.assertIn("Rekomendasi Perpanjangan by Kepala Dinas", bodies)
        self.assertIn("Contract extension decided by Pengelola BKPSDM", bodies)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hr_asn_kinerja.report_contract_recommendation", recommendation.ids
        )
        html = html.decode()
        self.assertIn("REKOMENDASI PERPANJANGAN", html)
        self.assertIn("DIPERPANJANG", html)
        self.assertIn("TRIWULAN IV", html)
        self.assertIn("Kepala Dinas", html)

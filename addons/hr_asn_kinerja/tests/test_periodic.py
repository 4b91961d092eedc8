"""Periodic evaluation (docs/rules.md §2, §20): a semester SKP starts from the agreed annual plan and
its leader's expectations, the appraiser adjusts it for the period, the same matrix rates it."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestPeriodicEvaluation(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.annual = self.skp_of(self.staff)
        self.env["asn.kinerja.appraisal.line"].create(
            {"appraisal_id": self.annual.id, "name": "Laporan keuangan", "target": "12 laporan"}
        )
        self.annual.with_user(self.user_staff).action_submit()
        value = self.annual.behavior_line_ids[0]
        value.with_user(self.user_supervisor).expectation = "Menjawab keluhan dalam satu hari"
        self.annual.with_user(self.user_supervisor).action_approve()
        self.semester = self.env["asn.kinerja.period"].create(
            {
                "name": "Semester I 2026",
                "period_type": "semester",
                "parent_id": self.period.id,
                "date_start": "2026-01-01",
                "date_end": "2026-06-30",
            }
        )
        self.semester.with_user(self.user_officer).action_open()
        self.periodic = self.skp_of(self.staff, self.semester)

    def test_periodic_skp_copies_the_plan_and_the_leaders_expectations(self):
        self.assertEqual(self.periodic.state, "approved")
        self.assertEqual(self.periodic.line_ids.mapped("target"), ["12 laporan"])
        expectations = self.periodic.behavior_line_ids.mapped("expectation")
        self.assertEqual(expectations[0], "Menjawab keluhan dalam satu hari")
        self.assertEqual(len(self.periodic.behavior_line_ids), 7)

    def test_appraiser_adjusts_the_periods_targets_and_expectations(self):
        line = self.periodic.line_ids
        line.with_user(self.user_supervisor).target = "6 laporan"
        self.periodic.behavior_line_ids[1].with_user(self.user_supervisor).expectation = "Tertib administrasi"
        self.assertEqual(line.target, "6 laporan")
        self.assertEqual(self.annual.line_ids.target, "12 laporan", "the annual plan stays as agreed")
        with self.assertRaises(AccessError):
            line.with_user(self.user_staff).target = "1 laporan"
        # the annual plan itself is not adjustable once approved
        with self.assertRaisesRegex(UserError, "cannot be changed while"):
            self.annual.line_ids.with_user(self.user_supervisor).target = "1 laporan"
        self.walk(self.periodic, "self_assessed")
        with self.assertRaisesRegex(UserError, "cannot be changed while"):
            line.with_user(self.user_supervisor).target = "3 laporan"

    def test_employee_realises_and_the_matrix_rates_the_period(self):
        self.periodic.line_ids.with_user(self.user_staff).write(
            {"realization": "5 laporan", "evidence_url": "https://drive.example/laporan"}
        )
        self.walk(self.periodic, "done", result_rating="below", behavior_rating="as_expected")
        self.assertEqual(self.periodic.predicate, "needs_improvement")
        self.assertEqual(self.annual.state, "approved", "the annual SKP goes on")

    def test_annual_skp_lists_its_periodic_evaluations(self):
        self.walk(self.periodic, "scored", result_rating="above", behavior_rating="above")
        self.assertEqual(self.annual.periodic_appraisal_ids, self.periodic)
        self.assertEqual(self.annual.periodic_appraisal_ids.predicate, "very_good")
        self.assertFalse(self.periodic.periodic_appraisal_ids)
        self.assertEqual(self.annual.with_user(self.user_staff).periodic_appraisal_ids, self.periodic)

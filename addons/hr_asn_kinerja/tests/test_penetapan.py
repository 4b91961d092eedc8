"""Penetapan Predikat Kinerja (docs/rules.md §5): a unit's spread of the predikat of its finished SKPs checked
against the pattern of its rating, prepared by HR (with a justification when it breaks a rule or leaves SKPs
unfinished), set by the appraiser of the unit's head, freezing the SKPs it counted, printed."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import html2plaintext

from ..tools.nip import format_nip
from .common import KinerjaCase

REPORT = "hr_asn_kinerja.action_report_unit_rating"


@tagged("post_install", "-at_install")
class TestPenetapan(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_units("Bidang Kurva")
        # Dinas Uji: Staf Satu, Staf Dua (in the sub-unit) and Kepala Bidang Sangat Baik, the HR officer Baik,
        # all finished; the SKPs of the Kepala Dinas (no appraiser) and of the outsider are cancelled
        cls.skp_staff = cls._finish(cls.staff, "very_good")
        cls.skp_staff2 = cls._finish(cls.staff2, "very_good")
        cls.skp_staff2.sudo().department_id = cls.sub_unit
        cls.skp_supervisor = cls._finish(cls.supervisor, "very_good")
        cls.skp_officer = cls._finish(cls.officer, "good")
        case = cls(methodName="run")
        (case.skp_of(cls.head) | case.skp_of(cls.outsider)).with_user(cls.user_officer).action_cancel()

    @classmethod
    def _finish(cls, employee, predicate, state="done"):
        case = cls(methodName="run")  # the walk helpers are instance methods; run once for the class
        return case.walk_to_predicate(case.skp_of(employee), predicate, state)

    def penetapan(self, rating="outstanding", department=None):
        return self.rate_unit(rating, department=department)

    # ------------------------------------------------------------------
    # the check
    # ------------------------------------------------------------------
    def test_the_spread_counts_the_finished_skps_of_the_unit_and_its_sub_units(self):
        unit_rating = self.penetapan()
        self.assertRecordValues(
            unit_rating,
            [{"skp_count": 4, "very_good_count": 3, "good_count": 1, "very_good_percent": 75.0, "good_percent": 25.0}],
        )
        self.assertEqual(unit_rating.allowed_spread, "Sangat Baik paling banyak 70%; sisanya predikat lain")
        self.assertFalse(unit_rating.unfinished_appraisal_ids)
        self.assertEqual(self.penetapan("good", department=self.other_unit).skp_count, 0)

    def test_a_sub_unit_with_its_own_penetapan_is_counted_there_not_in_the_parent_s(self):
        unit_rating = self.penetapan()
        sub_rating = self.penetapan("good", department=self.sub_unit)
        self.env.invalidate_all()
        self.assertEqual(sub_rating.skp_count, 1)
        self.assertEqual(unit_rating.skp_count, 3, "Staf Dua must not fit two patterns")
        self.assertEqual(unit_rating.very_good_count, 2)
        rows = self.env["asn.kinerja.distribution.report"].search([("unit_rating_id", "=", unit_rating.id)])
        self.assertEqual(rows.appraisal_id, self.skp_staff | self.skp_supervisor | self.skp_officer)
        html = self.render(unit_rating, self.user_officer)
        self.assertNotIn(format_nip(self.staff2.nip), html)

    def test_unfinished_skps_are_not_counted_and_are_a_broken_rule(self):
        """A scored SKP (or a draft) no longer counts as if it were final: it is listed, and confirming
        needs HR's written justification (docs/rules.md §5)."""
        self.skp_staff2.with_user(self.user_officer).action_reopen("Koreksi")
        self.assertEqual(self.skp_staff2.state, "scored")
        draft = self.skp_of(self.head)
        draft.with_user(self.user_officer).action_reset()
        unit_rating = self.penetapan()
        self.assertEqual(unit_rating.skp_count, 3)
        self.assertEqual(unit_rating.unfinished_appraisal_ids, draft | self.skp_staff2)
        self.assertFalse(unit_rating.distribution_ok, "66.7% Sangat Baik fits; the unfinished SKPs do not")
        self.assertEqual(unit_rating.distribution_issues, "2 SKPs not finished, not counted: Kepala Dinas and Staf Dua")
        with self.assertRaisesRegex(UserError, "not finished.*justification"):
            unit_rating.with_user(self.user_officer).action_prepare()
        unit_rating.with_user(self.user_officer).justification = "Staf Dua cuti besar; Kepala Dinas baru dilantik."
        unit_rating.with_user(self.user_officer).action_prepare()
        self.assertEqual(unit_rating.state, "prepared")
        self.assertIn("Kepala Dinas and Staf Dua", unit_rating.message_ids[0].body)
        self.assertIn("Staf Dua", self.render(unit_rating, self.user_officer))

    def test_each_broken_rule_is_one_sentence_with_its_numbers(self):
        unit_rating = self.penetapan()
        self.assertFalse(unit_rating.distribution_ok)
        self.assertEqual(unit_rating.distribution_issues, "Very Good 75% > 70%")
        self.load_indonesian()
        self.assertEqual(unit_rating.with_context(lang="id_ID").distribution_issues, "Sangat Baik 75% > 70%")
        unit_rating.with_user(self.user_officer).rating = "good"
        self.assertEqual(
            unit_rating.distribution_issues.splitlines(),
            ["No Needs Improvement or Poor / Misconduct: at least one is required"],
        )
        unit_rating.with_user(self.user_officer).rating = "very_poor"
        self.assertEqual(
            unit_rating.distribution_issues.splitlines(),
            [
                "Very Poor 0% < 60%",
                "Poor / Misconduct or Needs Improvement 0% < 10%",
                "Very Good: 3, none allowed",
            ],
        )

    def test_a_spread_within_the_pattern_is_ok(self):
        unit_rating = self.penetapan("good")
        self.skp_supervisor.with_user(self.user_officer).action_reopen("Koreksi")
        self.skp_supervisor.with_user(self.user_head).write(
            {"result_rating": "below", "appraiser_feedback": "Laporan terlambat; perlu bimbingan."}
        )
        self.assertEqual(self.skp_supervisor.predicate, "needs_improvement")
        self.skp_supervisor.with_user(self.user_officer).action_done()
        self.env.invalidate_all()
        # Sangat Baik 2, Butuh Perbaikan 1, Baik 1: Baik 25% <= 70%, one Butuh Perbaikan
        self.assertTrue(unit_rating.distribution_ok)
        self.assertFalse(unit_rating.distribution_issues)

    def test_a_unit_without_scored_skps_is_not_ok(self):
        unit_rating = self.penetapan(department=self.other_unit)
        self.assertFalse(unit_rating.distribution_ok)
        self.assertEqual(unit_rating.distribution_issues, "No SKP of this unit is finished yet.")

    def test_the_chart_counts_the_same_skps(self):
        unit_rating = self.penetapan()
        rows = self.env["asn.kinerja.distribution.report"].search([("unit_rating_id", "=", unit_rating.id)])
        self.assertEqual(rows.appraisal_id, self.skp_staff | self.skp_staff2 | self.skp_supervisor | self.skp_officer)
        self.assertAlmostEqual(sum(rows.mapped("share")), 100.0)
        shares = {
            predicate: sum(r.share for r in rows if r.predicate == predicate) for predicate in ("very_good", "good")
        }
        self.assertEqual(shares, {"very_good": 75.0, "good": 25.0})

    def test_staff_do_not_read_the_spread(self):
        unit_rating = self.penetapan()
        self.assertEqual(unit_rating.with_user(self.user_staff).rating, "outstanding")
        with self.assertRaises(AccessError):
            unit_rating.with_user(self.user_staff).distribution_ok  # noqa: B018
        self.assertEqual(unit_rating.with_user(self.user_head).skp_count, 4)

    # ------------------------------------------------------------------
    # confirm and reset
    # ------------------------------------------------------------------
    def test_confirm_within_the_pattern_needs_no_justification(self):
        unit_rating = self.penetapan("needs_improvement", department=self.sub_unit)
        self.skp_staff2.with_user(self.user_officer).action_reopen("Koreksi")
        self.skp_staff2.with_user(self.user_supervisor).write(
            {"result_rating": "below", "behavior_rating": "above", "appraiser_feedback": "Target belum tercapai."}
        )
        self.skp_staff2.with_user(self.user_officer).action_done()
        self.assertTrue(unit_rating.distribution_ok)
        unit_rating.with_user(self.user_officer).action_prepare()
        unit_rating.with_user(self.user_officer).action_confirm()
        self.assertRecordValues(
            unit_rating,
            [
                {
                    "state": "confirmed",
                    "justification": False,
                    "prepared_by_id": self.user_officer.id,
                    "set_by_id": self.officer.id,
                    "counted_appraisal_ids": self.skp_staff2.ids,
                }
            ],
        )
        self.assertTrue(unit_rating.date_confirmed)
        self.assertTrue(unit_rating.date_prepared)
        self.assertIn("Penetapan Predikat Kinerja confirmed.", unit_rating.message_ids[0].body)

    def test_confirm_a_broken_spread_needs_a_justification_and_logs_it(self):
        unit_rating = self.penetapan()
        with self.assertRaisesRegex(UserError, r"Very Good 75% > 70%.*justification"):
            unit_rating.with_user(self.user_officer).action_prepare()
        self.assertEqual(unit_rating.state, "draft")
        unit_rating.with_user(self.user_officer).justification = "  "
        with self.assertRaises(UserError):
            unit_rating.with_user(self.user_officer).action_prepare()
        unit_rating.with_user(self.user_officer).justification = "Tiga pegawai meraih penghargaan nasional."
        unit_rating.with_user(self.user_officer).action_prepare()
        unit_rating.with_user(self.user_officer).action_confirm()
        self.assertEqual(unit_rating.state, "confirmed")
        log = html2plaintext(unit_rating.message_ids[0].body)
        for text in ("Prepared → Confirmed", "Very Good 75% > 70%", "Tiga pegawai meraih penghargaan nasional."):
            self.assertIn(text, log)

    def test_hr_prepares_and_the_appraiser_of_the_unit_s_head_sets_it(self):
        """The Kepala Bidang heads the sub-unit: the Kepala Dinas, who appraises him, sets its rating; HR only
        prepares it, and the head never sets (nor signs) their own unit's (docs/rules.md §5)."""
        self.sub_unit.manager_id = self.supervisor
        unit_rating = self.penetapan("outstanding", department=self.sub_unit)
        unit_rating.with_user(self.user_officer).justification = "Satu-satunya pegawai berprestasi."
        self.assertEqual(unit_rating.setter_id, self.head)
        for user in (self.user_head, self.user_supervisor, self.user_staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                unit_rating.with_user(user).action_prepare()
        unit_rating.with_user(self.user_officer).action_prepare()
        self.assertEqual(unit_rating.activity_ids.user_id, self.user_head, "the setter is told")
        for user in (self.user_officer, self.user_supervisor, self.user_staff2):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                unit_rating.with_user(user).action_confirm()
        self.assertTrue(unit_rating.with_user(self.user_head).is_setter)
        self.assertFalse(unit_rating.with_user(self.user_officer).is_setter)
        unit_rating.with_user(self.user_head).action_confirm()
        self.assertRecordValues(unit_rating, [{"state": "confirmed", "set_by_id": self.head.id}])
        self.assertFalse(unit_rating.activity_ids)
        with self.assertRaises(AccessError):
            unit_rating.with_user(self.user_head).action_reset("Salah")
        html = self.render(unit_rating, self.user_head)
        for text in (
            "Disiapkan oleh",
            "Pengelola BKPSDM",
            "Ditetapkan oleh",
            "Kepala Dinas",
            format_nip(self.head.nip),
        ):
            self.assertIn(text, html)
        self.assertNotIn(format_nip(self.supervisor.nip), html, "the unit's head does not sign their own unit")

    def test_the_setter_returns_it_to_hr_with_a_reason(self):
        self.sub_unit.manager_id = self.supervisor
        unit_rating = self.penetapan("outstanding", department=self.sub_unit)
        unit_rating.with_user(self.user_officer).justification = "Satu pegawai."
        unit_rating.with_user(self.user_officer).action_prepare()
        with self.assertRaises(UserError):
            unit_rating.with_user(self.user_head).action_return(" ")
        unit_rating.with_user(self.user_head).action_return("Nilai unit belum sesuai LKjIP")
        self.assertRecordValues(unit_rating, [{"state": "draft", "prepared_by_id": False}])
        self.assertIn("Nilai unit belum sesuai LKjIP", unit_rating.message_ids[0].body)

    def test_hr_names_another_setter_where_the_regency_decides_so_logged(self):
        self.sub_unit.manager_id = self.supervisor
        unit_rating = self.penetapan("outstanding", department=self.sub_unit)
        unit_rating.with_user(self.user_officer).write({"setter_override_id": self.outsider.id, "justification": "-"})
        self.assertEqual(unit_rating.setter_id, self.outsider)
        self.assertIn(
            f"Who sets the rating: {self.head.name} → {self.outsider.name} (decided by Pengelola BKPSDM).",
            html2plaintext(unit_rating.message_ids[0].body),
        )
        with self.assertRaises(ValidationError):
            unit_rating.with_user(self.user_officer).write({"setter_override_id": self.supervisor.id})
        with self.assertRaises(UserError):
            unit_rating.with_user(self.user_head).write({"setter_override_id": self.head.id})
        unit_rating.with_user(self.user_officer).action_prepare()
        with self.assertRaises(AccessError):
            unit_rating.with_user(self.user_head).action_confirm()
        unit_rating.with_user(self.user_outsider).action_confirm()
        self.assertEqual(unit_rating.set_by_id, self.outsider)

    def test_only_hr_resets(self):
        unit_rating = self.penetapan("good", department=self.other_unit)
        unit_rating.with_user(self.user_officer).justification = "Belum ada SKP."
        unit_rating.with_user(self.user_manager).action_prepare()
        unit_rating.with_user(self.user_manager).action_confirm()
        with self.assertRaises(AccessError):
            unit_rating.with_user(self.user_head).action_reset("Salah")
        self.assertEqual(unit_rating.state, "confirmed")

    def test_reset_needs_a_reason_and_returns_to_draft(self):
        unit_rating = self.penetapan(department=self.other_unit)
        unit_rating.with_user(self.user_officer).write({"justification": "Unit baru."})
        self.confirm_penetapan(unit_rating)
        with self.assertRaises(UserError):
            unit_rating.with_user(self.user_officer).action_reset(" ")
        action = unit_rating.with_user(self.user_officer).action_open_reset_wizard()
        wizard = (
            self.env["asn.kinerja.reason.wizard"]
            .with_user(self.user_officer)
            .with_context(**action["context"])
            .create({"reason": "Salah unit"})
        )
        wizard.action_confirm()
        self.assertRecordValues(unit_rating, [{"state": "draft", "date_confirmed": False}])
        self.assertIn("Salah unit", unit_rating.message_ids[0].body)

    def test_a_confirmed_penetapan_is_read_only(self):
        unit_rating = self.penetapan(department=self.other_unit)
        unit_rating.with_user(self.user_officer).write({"justification": "Unit baru."})
        self.confirm_penetapan(unit_rating)
        for vals in ({"rating": "good"}, {"justification": "Lain"}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                unit_rating.with_user(self.user_officer).write(vals)
        with self.assertRaises(AccessError):
            unit_rating.with_user(self.user_officer).write({"state": "draft"})
        with self.assertRaises(UserError):
            unit_rating.with_user(self.user_officer).unlink()

    def test_a_confirmed_penetapan_locks_reopening_its_skps(self):
        unit_rating = self.penetapan()
        unit_rating.with_user(self.user_officer).write({"justification": "Disetujui pimpinan."})
        self.confirm_penetapan(unit_rating)
        # the sub-unit's SKPs are under the unit's Penetapan as well (the sub-unit has none of its own)
        for skp in (self.skp_staff, self.skp_staff2):
            with self.subTest(skp=skp.name), self.assertRaisesRegex(UserError, "reset it before changing"):
                skp.with_user(self.user_officer).action_reopen("Koreksi")
            self.assertEqual(skp.state, "done")
        unit_rating.with_user(self.user_officer).action_reset("Koreksi nilai")
        self.skp_staff.with_user(self.user_officer).action_reopen("Koreksi")
        self.assertEqual(self.skp_staff.state, "scored")

    def test_what_a_confirmed_penetapan_counted_does_not_move(self):
        """An SKP left unfinished and justified may still finish: the signed spread does not take it in."""
        self.skp_staff2.with_user(self.user_officer).action_reopen("Koreksi")
        unit_rating = self.confirm_penetapan(self.penetapan(), "Staf Dua belum selesai.")
        self.assertEqual(unit_rating.counted_appraisal_ids, self.skp_staff | self.skp_supervisor | self.skp_officer)
        self.skp_staff2.with_user(self.user_officer).action_done()
        self.env.invalidate_all()
        self.assertRecordValues(unit_rating, [{"skp_count": 3, "very_good_count": 2, "good_count": 1}])
        self.assertEqual(unit_rating.unfinished_appraisal_ids, self.skp_staff2, "finished after the Penetapan")
        rows = self.env["asn.kinerja.distribution.report"].search([("unit_rating_id", "=", unit_rating.id)])
        self.assertEqual(rows.appraisal_id, unit_rating.counted_appraisal_ids)
        # what it did not count stays open to correction; what it counted does not
        self.skp_staff2.with_user(self.user_officer).action_reopen("Koreksi")
        with self.assertRaisesRegex(UserError, "reset it before changing"):
            self.skp_staff.with_user(self.user_officer).action_reopen("Koreksi")
        # resetting the Penetapan opens them again
        unit_rating.with_user(self.user_officer).action_reset("Koreksi")
        self.assertFalse(unit_rating.counted_appraisal_ids)
        self.skp_staff.with_user(self.user_officer).action_reopen("Koreksi")
        self.assertEqual(self.skp_staff.state, "scored")

    def test_the_lock_follows_unit_and_period(self):
        other = self.penetapan(department=self.other_unit)
        other.with_user(self.user_officer).write({"justification": "Unit baru."})
        self.confirm_penetapan(other)
        self.skp_staff.with_user(self.user_officer).action_reopen("Koreksi")
        self.assertEqual(self.skp_staff.state, "scored")

    # ------------------------------------------------------------------
    # the document
    # ------------------------------------------------------------------
    def render(self, unit_rating, user):
        html, _kind = self.env["ir.actions.report"].with_user(user)._render_qweb_html(REPORT, unit_rating.ids)
        return html.decode()

    def test_the_penetapan_document(self):
        unit_rating = self.penetapan()
        unit_rating.with_user(self.user_officer).write({"justification": "Disetujui pimpinan."})
        self.confirm_penetapan(unit_rating)
        html = self.render(unit_rating, self.user_officer)
        for text in (
            "PENETAPAN PREDIKAT KINERJA PEGAWAI",
            "Dinas Uji",
            "Tahun 2026",
            "Outstanding (Istimewa)",
            "Sangat Baik paling banyak 70%",
            "Tidak Sesuai",
            "3 pegawai (75.0%)",
            "Staf Satu",
            format_nip(self.staff.nip),
            "Above Expectations",
            "Very Good",
            "Staf Dua",
            "Pengelola BKPSDM",
            "Disetujui pimpinan.",
            "Disiapkan oleh",
            "Ditetapkan oleh",
        ):
            self.assertIn(text, html)
        # at the top of the chain (the Kepala Dinas has no appraiser) Pengelola Kinerja sets it: the head of
        # the unit, rated by it, signs nothing
        self.assertNotIn(format_nip(self.head.nip), html)
        self.assertNotIn("Kepala Dinas Uji", html)
        self.assertNotIn(self.outsider.name, html, "an SKP in draft is not on the list")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, unit_rating.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_hr_and_the_head_of_the_unit_print_it_nobody_else(self):
        unit_rating = self.penetapan()
        self.assertIn("Staf Satu", self.render(unit_rating, self.user_head))
        for user in (self.user_supervisor, self.user_staff):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.render(unit_rating, user)

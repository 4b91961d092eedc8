"""The three printed SKP documents: real PDFs, their content, and who may print them."""

import datetime
import re

from odoo.exceptions import AccessError
from odoo.tests import BaseCase, tagged
from odoo.tools.safe_eval import safe_eval, time

from ..tools.distribution import DISTRIBUTION, distribution_text
from ..tools.nip import format_nip
from ..tools.periods import format_date_id, period_range_id
from .common import KinerjaCase, PdfCase

REPORTS = (
    "hr_asn_kinerja.action_report_skp",
    "hr_asn_kinerja.action_report_evaluation",
    "hr_asn_kinerja.action_report_evaluation_document",
)
BERAKHLAK = (
    "Berorientasi Pelayanan",
    "Akuntabel",
    "Kompeten",
    "Harmonis",
    "Loyal",
    "Adaptif",
    "Kolaboratif",
)


@tagged("post_install", "-at_install")
class TestReportTexts(BaseCase):
    """The texts the forms print, as plain functions without the ORM."""

    def test_indonesian_dates(self):
        self.assertEqual(format_date_id(datetime.date(2026, 3, 5)), "5 Maret 2026")
        self.assertEqual(
            period_range_id(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
            "1 Januari sd 31 Desember Tahun 2026",
        )
        self.assertEqual(
            period_range_id(datetime.date(2026, 7, 1), datetime.date(2026, 12, 31)),
            "1 Juli sd 31 Desember Tahun 2026",
        )
        self.assertEqual(
            period_range_id(datetime.date(2025, 12, 1), datetime.date(2026, 1, 31)),
            "1 Desember 2025 sd 31 Januari 2026",
        )

    def test_distribution_text(self):
        self.assertEqual(set(DISTRIBUTION), {"outstanding", "good", "needs_improvement", "poor", "very_poor"})
        self.assertEqual(distribution_text("outstanding"), "Sangat Baik paling banyak 70%; sisanya predikat lain")
        self.assertEqual(
            distribution_text("very_poor"),
            "Sangat Kurang paling sedikit 60%; Kurang/Misconduct dan/atau Butuh Perbaikan paling sedikit 10%; "
            "tidak ada Sangat Baik",
        )
        self.assertEqual(distribution_text(False), "")


class ReportCase(KinerjaCase):
    """Staf Satu's 2026 SKP with a main and an additional work result, signed in Muara Bungo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kinerja_sign_place = "Muara Bungo"
        cls.skp = cls.env["asn.kinerja.appraisal"].search(
            [("employee_id", "=", cls.staff.id), ("period_id", "=", cls.period.id)]
        )
        Line = cls.env["asn.kinerja.appraisal.line"].with_user(cls.user_staff)
        Line.create(
            [
                {
                    "appraisal_id": cls.skp.id,
                    "name": "Tersusunnya laporan keuangan dinas",
                    "indicator_name": "Jumlah laporan keuangan yang tersusun",
                    "aspect": "quantity",
                    "target": "12 laporan",
                },
                {
                    "appraisal_id": cls.skp.id,
                    "name": "Terlaksananya piket pelayanan",
                    "kind": "additional",
                    "indicator_name": "Jumlah hari piket",
                    "target": "24 hari",
                },
            ]
        )

    def render_html(self, report, skp=None, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        html, _kind = Report._render_qweb_html(report, (skp or self.skp).ids)
        return html.decode()

    def label(self, record, field):
        return dict(record._fields[field]._description_selection(record.env))[record[field]]


@tagged("post_install", "-at_install")
class TestReports(ReportCase):
    """What the printed forms say and who may print them (the HTML wkhtmltopdf is given)."""

    def test_reports_are_bound_to_the_print_menu(self):
        for xmlid in REPORTS:
            report = self.env.ref(xmlid)
            self.assertEqual(report.report_type, "qweb-pdf")
            self.assertEqual(report.binding_model_id.model, "asn.kinerja.appraisal")
            self.assertTrue(report.paperformat_id)

    def test_skp_content(self):
        self.walk(self.skp, "approved")
        html = self.render_html("hr_asn_kinerja.action_report_skp")
        for text in (
            "SASARAN KINERJA PEGAWAI",
            self.company.name,
            "1 Januari sd 31 Desember Tahun 2026",
            "PEGAWAI YANG DINILAI",
            "PEJABAT PENILAI KINERJA",
            self.staff.name,
            format_nip(self.staff.nip),
            self.supervisor.name,
            format_nip(self.supervisor.nip),
            "Penata Muda (III/a)",
            "Tersusunnya laporan keuangan dinas",
            "Jumlah laporan keuangan yang tersusun",
            "12 laporan",
            "A. Utama",
            "B. Tambahan",
            "Terlaksananya piket pelayanan",
            self.label(self.skp.line_ids[0], "aspect"),
            "Rencana Hasil Kerja Pimpinan yang Diintervensi",
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ekspektasi Khusus Pimpinan",
            "LAMPIRAN SASARAN KINERJA PEGAWAI",
            "DUKUNGAN SUMBER DAYA",
            "SKEMA PERTANGGUNGJAWABAN",
            "KONSEKUENSI",
            # signed where and when the plan was approved
            "Muara Bungo, " + format_date_id(self.skp.date_approved),
            *BERAKHLAK,
        ):
            self.assertIn(text, html)
        self.assertNotIn(format_nip(self.head.nip), html)  # the superior is not on the SKP

    def test_evaluation_content(self):
        self.walk(self.skp, "scored", result_rating="above", behavior_rating="above")
        self.rate_unit("outstanding")
        self.skp.with_user(self.user_supervisor).write({"appraiser_feedback": "Pertahankan kinerja."})
        self.skp.line_ids[0].with_user(self.user_supervisor).write({"feedback": "Laporan tepat waktu."})
        self.walk(self.skp, "done")
        html = self.render_html("hr_asn_kinerja.action_report_evaluation")
        self.assertEqual(self.period.label, "AKHIR")
        for text in (
            "EVALUASI KINERJA PEGAWAI",
            "PERIODE: AKHIR",
            "PERIODE PENILAIAN:",
            "1 Januari sd 31 Desember Tahun 2026",
            self.staff.name,
            format_nip(self.staff.nip),
            self.supervisor.name,
            "CAPAIAN KINERJA ORGANISASI",
            self.label(self.skp, "organization_rating"),
            "POLA DISTRIBUSI",
            distribution_text("outstanding"),
            "Tersusunnya laporan keuangan dinas",
            "Realisasi berdasarkan Bukti Dukung",
            "Umpan Balik Berkelanjutan berdasarkan Bukti Dukung",
            "Laporan tepat waktu.",
            "A. Utama",
            "RATING HASIL KERJA",
            "RATING PERILAKU KERJA",
            self.label(self.skp, "result_rating"),
            "PREDIKAT KINERJA PEGAWAI",
            self.label(self.skp, "predicate"),
            *BERAKHLAK,
        ):
            self.assertIn(text, html)

    def test_evaluation_document_content(self):
        self.walk(self.skp, "scored")
        self.rate_unit("good")
        self.skp.with_user(self.user_supervisor).write({"appraiser_feedback": "Tingkatkan ketelitian laporan."})
        html = self.render_html("hr_asn_kinerja.action_report_evaluation_document")
        for text in (
            "DOKUMEN EVALUASI KINERJA PEGAWAI",
            "PERIODE: AKHIR",
            self.company.name,
            "PEGAWAI YANG DINILAI",
            "PEJABAT PENILAI KINERJA",
            "ATASAN PEJABAT PENILAI KINERJA",
            self.staff.name,
            format_nip(self.staff.nip),
            self.supervisor.name,
            self.head.name,
            format_nip(self.head.nip),
            "Pembina Tingkat I (IV/b)",
            "EVALUASI KINERJA",
            self.label(self.skp, "organization_rating"),
            self.label(self.skp, "predicate"),
            "CATATAN/REKOMENDASI",
            "Tingkatkan ketelitian laporan.",
            "Muara Bungo, " + format_date_id(self.skp.date_scored),
        ):
            self.assertIn(text, html)

    def test_evaluation_document_prints_the_response_and_the_thread(self):
        """The employee's response to the result, and the annex with the feedback thread and the objection
        (docs/rules.md §13, §21)."""
        self.walk(self.skp, "approved")
        Feedback = self.env["asn.kinerja.feedback"]
        Feedback.with_user(self.user_supervisor).create(
            {"appraisal_id": self.skp.id, "line_id": self.skp.main_line_ids.id, "body": "Kirim laporan tiap tanggal 5."}
        )
        Feedback.with_user(self.user_staff).create(
            {"appraisal_id": self.skp.id, "body": "Disepakati jadwal piket baru.", "kind": "dialogue"}
        )
        html = self.render_html("hr_asn_kinerja.action_report_evaluation_document")
        self.assertIn("UMPAN BALIK BERKELANJUTAN DAN DIALOG KINERJA", html)
        self.assertNotIn("TANGGAPAN PEGAWAI", html)
        self.walk(self.skp, "done")
        self.skp.with_user(self.user_staff).write({"employee_comment": "Saya menerima hasil ini."})
        self.skp.with_user(self.user_staff).action_acknowledge()
        self.env["asn.kinerja.objection"].with_user(self.user_staff).create(
            {"appraisal_id": self.skp.id, "reason": "Piket tambahan belum dihitung."}
        )
        html = self.render_html("hr_asn_kinerja.action_report_evaluation_document", user=self.user_staff)
        for text in (
            "TANGGAPAN PEGAWAI",
            "Saya menerima hasil ini.",
            "sudah membaca hasil evaluasi ini pada " + format_date_id(self.skp.acknowledged_date),
            "LAMPIRAN DOKUMEN EVALUASI KINERJA PEGAWAI",
            "Kirim laporan tiap tanggal 5.",
            "Tersusunnya laporan keuangan dinas",
            "Dialog kinerja: ",
            "Disepakati jadwal piket baru.",
            self.user_supervisor.name,
            "KEBERATAN ATAS HASIL EVALUASI (PP 30/2019)",
            "Piket tambahan belum dihitung.",
            "Belum diputuskan",
        ):
            self.assertIn(text, html)
        # a pending objection prints no "decision" of its state
        decision = re.search(r"Keputusan</td>\s*<td>(.*?)</td>", html, re.S).group(1)
        self.assertIn("Belum diputuskan", decision)
        self.assertNotIn("Diajukan", decision)
        self.assertNotIn("Submitted", decision)

    def test_semester_period_label_and_range(self):
        semester = self.env["asn.kinerja.period"].create(
            {
                "name": "Semester II 2026",
                "date_start": "2026-07-01",
                "date_end": "2026-12-31",
                "period_type": "semester",
                "parent_id": self.period.id,
            }
        )
        skp = self.env["asn.kinerja.appraisal"].create({"employee_id": self.staff2.id, "period_id": semester.id})
        html = self.render_html("hr_asn_kinerja.action_report_evaluation_document", skp)
        self.assertIn("PERIODE: SEMESTER II", html)
        self.assertIn("1 Juli sd 31 Desember Tahun 2026", html)

    def test_non_pns_leaves_nip_and_rank_empty(self):
        self.staff.write({"asn_type": "pppk", "asn_rank": "IX"})
        rank = self.label(self.staff, "asn_rank")
        html = self.render_html("hr_asn_kinerja.action_report_evaluation_document")
        self.assertIn(self.staff.name, html)
        self.assertNotIn(self.staff.nip, html)
        self.assertNotIn(format_nip(self.staff.nip), html)
        self.assertNotIn(rank, html)
        self.assertIn(format_nip(self.supervisor.nip), html)  # the PNS appraiser keeps theirs
        # the SKP itself prints the NI PPPK (the rule is the Dokumen Evaluasi's)
        self.assertIn(format_nip(self.staff.nip), self.render_html("hr_asn_kinerja.action_report_skp"))

    def test_printed_in_the_employee_language(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.staff.work_contact_id.lang = "id_ID"
        html = self.render_html("hr_asn_kinerja.action_report_skp", user=self.user_supervisor)
        self.assertIn('data-oe-lang="id_ID"', html)
        self.assertNotIn('data-oe-lang="en_US"', html)

    def test_employee_prints_own_skp_only(self):
        html = self.render_html("hr_asn_kinerja.action_report_skp", user=self.user_staff)
        # the appraiser's data comes through although the employee cannot read hr.employee
        self.assertIn(self.supervisor.name, html)
        self.assertIn(format_nip(self.supervisor.nip), html)
        other = self.skp_of(self.staff2)
        for xmlid in REPORTS:
            with self.subTest(report=xmlid), self.assertRaises(AccessError):
                self.render_html(xmlid, other, user=self.user_staff)

    def test_file_names_end_in_one_dot(self):
        """A name ending in a degree ("S.Pd.") gives "... S.Pd.pdf", not "... S.Pd..pdf"."""
        self.staff.name = "Dewi Kartika, S.Pd."
        self.period.name = "Tahun 2026"
        for xmlid in REPORTS:
            report = self.env.ref(xmlid)
            with self.subTest(report=xmlid):
                name = safe_eval(report.print_report_name, {"object": self.skp, "time": time})
                self.assertFalse(name.endswith("."), name)

    def test_appraiser_prints_appraisee_not_outsider(self):
        html = self.render_html("hr_asn_kinerja.action_report_evaluation", user=self.user_supervisor)
        self.assertIn(self.staff.name, html)
        with self.assertRaises(AccessError):
            self.render_html("hr_asn_kinerja.action_report_evaluation", self.skp, user=self.user_outsider)


@tagged("post_install", "-at_install")
class TestReportPdfs(PdfCase, ReportCase):
    """The forms come out of wkhtmltopdf as PDFs, styled by the stylesheets the test server serves."""

    def test_each_report_renders_a_pdf(self):
        self.walk(self.skp, "done")
        for xmlid in REPORTS:
            with self.subTest(report=xmlid):
                self.render_pdf(xmlid, self.skp)

    def test_employee_gets_a_pdf_of_own_skp(self):
        self.render_pdf("hr_asn_kinerja.action_report_evaluation_document", self.skp, user=self.user_staff)

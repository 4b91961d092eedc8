"""A document printed again unchanged is served from the kept file instead of a new wkhtmltopdf run; any
change to what it shows prints it anew; the Dokumen of a final result is rendered when its employee first
opens it, not by the job that e-mails the result (docs/performance.md, "The Dokumen of a result")."""

import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KinerjaCase, PdfCase, run_jobs

DOKUMEN = "hr_asn_kinerja.action_report_evaluation_document"
DOKUMEN_URL = "/report/pdf/hr_asn_kinerja.report_evaluation_document/%s"


@tagged("post_install", "-at_install")
class TestKeptPdfs(PdfCase, KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp = self.skp_of(self.staff)

    def print_as(self, user, report=DOKUMEN):
        Report = self.env["ir.actions.report"].with_user(user).with_context(force_report_rendering=True)
        return Report._render_qweb_pdf(report, self.skp.ids)[0]

    def kept(self):
        return self.env["asn.kinerja.pdf"].sudo().search([])

    def test_printing_an_unchanged_document_again_reads_the_kept_file(self):
        self.walk(self.skp, "done")
        with self.wkhtmltopdf_runs() as runs:
            first = self.print_as(self.user_staff)
            again = self.print_as(self.user_staff)
        self.assertEqual(len(runs), 1)
        self.assertEqual(again, first)
        self.assertEqual(len(self.kept()), 1)

    def test_other_apps_reports_are_rendered_each_time_as_odoo_does(self):
        # Odoo's Employees badge: neither kept nor served from our store, with Odoo's print delay
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.wkhtmltopdf_runs() as runs:
            first = Report._render_qweb_pdf("hr.hr_employee_print_badge", self.staff.ids)[0]
            Report._render_qweb_pdf("hr.hr_employee_print_badge", self.staff.ids)
        self.assertEqual(len(runs), 2)
        self.assertTrue(first.startswith(b"%PDF"))
        self.assertFalse(self.kept())
        delay = self.env["ir.config_parameter"].sudo().get_param("report.print_delay", "1000")
        for run in runs:
            self.assertEqual(run.args[run.args.index("--javascript-delay") + 1], delay)

    def test_a_change_to_the_document_prints_it_anew(self):
        self.walk(self.skp, "done")
        with self.wkhtmltopdf_runs() as runs:
            before = self.print_as(self.user_staff)
            skp = self.skp.with_user(self.user_staff)
            skp.employee_comment = "Terima kasih, saya akan meningkatkan ketepatan waktu."
            skp.action_acknowledge()
            after = self.print_as(self.user_staff)
        self.assertEqual(len(runs), 2)
        self.assertNotEqual(after, before)
        self.assertEqual(len(self.kept()), 2)

    def test_each_form_and_language_is_kept_apart(self):
        self.walk(self.skp, "done")
        self.load_indonesian()
        with self.wkhtmltopdf_runs() as runs:
            self.print_as(self.user_staff)
            self.print_as(self.user_staff, "hr_asn_kinerja.action_report_evaluation")
            self.user_staff.lang = "id_ID"
            self.print_as(self.user_staff)
        self.assertEqual(len(runs), 3)

    def test_the_dokumen_of_a_final_result_is_rendered_at_its_employees_first_click_and_kept(self):
        self.walk(self.skp, "done")
        with self.wkhtmltopdf_runs() as runs:
            run_jobs(self.env["asn.kinerja.appraisal"].with_context(force_report_rendering=True)._cron_send_results)
        self.assertEqual(runs, [], "the result e-mail went without rendering a PDF")
        self.assertFalse(self.kept())
        self.assertTrue(self.env["mail.mail"].search([("model", "=", self.skp._name), ("res_id", "=", self.skp.id)]))

        # the employee's first click renders it as they print it, once, and keeps it (a rendering inside a
        # request of the test server cannot fetch its stylesheets from the same server: printed here)
        with self.wkhtmltopdf_runs() as runs:
            first = self.print_as(self.user_staff)
        self.assertTrue(first.startswith(b"%PDF"))
        self.assertEqual(len(runs), 1)
        self.assertEqual(self.kept().report_name, "hr_asn_kinerja.report_evaluation_document")
        # the next click on the e-mail's link in the web client: no wkhtmltopdf run, the kept file
        self.authenticate("kin_staff", "kin_staff")
        url = DOKUMEN_URL % self.skp.id + "?context=" + json.dumps({"force_report_rendering": True})
        with self.wkhtmltopdf_runs() as runs:
            again = self.url_open(url)
        self.assertEqual(again.status_code, 200)
        self.assertEqual(runs, [])
        self.assertEqual(again.content, first)

    def test_nobody_reads_the_kept_files_directly(self):
        self.walk(self.skp, "done")
        self.print_as(self.user_staff)
        attachment = (
            self.env["ir.attachment"].sudo().search([("res_model", "=", "asn.kinerja.pdf"), ("res_field", "=", "pdf")])
        )
        self.assertTrue(attachment)
        for user in (self.user_staff, self.user_supervisor, self.user_officer, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["asn.kinerja.pdf"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    attachment.with_user(user).read(["datas"])

    def test_kept_files_older_than_ninety_days_are_removed(self):
        self.walk(self.skp, "done")
        self.print_as(self.user_staff)
        old = self.kept()
        self.env.cr.execute(
            "UPDATE asn_kinerja_pdf SET create_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(days=91), old.id),
        )
        self.print_as(self.user_supervisor, "hr_asn_kinerja.action_report_skp")
        self.env["asn.kinerja.pdf"]._gc_old_pdfs()
        self.assertNotIn(old, self.kept())
        self.assertEqual(len(self.kept()), 1)

    def test_the_same_document_kept_twice_at_once_is_kept_once(self):
        Store = self.env["asn.kinerja.pdf"]
        key = Store._key("hr_asn_kinerja.report_skp", "<p>SKP</p>")
        Store._keep(key, "hr_asn_kinerja.report_skp", b"%PDF-1.4 first")
        Store._keep(key, "hr_asn_kinerja.report_skp", b"%PDF-1.4 second")  # the other print lost the race
        self.assertEqual(Store._find(key), b"%PDF-1.4 first")
        self.assertEqual(len(self.kept()), 1)

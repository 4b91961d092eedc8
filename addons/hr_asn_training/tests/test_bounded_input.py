"""Bounded, plausible input in training (docs/rules.md §22), a course with requests kept, and the coaching
forms answering and printing like the other forms."""

import subprocess
import tempfile

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.hr_asn_kinerja.tests.common import PdfCase

from .coaching_case import REPORT, CoachingCase
from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestTrainingBounds(TrainingCase):
    def test_title_jp_and_cost_within_sane_bounds(self):
        with self.assertRaisesRegex(ValidationError, "too long"):
            self.draft_request(course_id=False, title="Pelatihan " * 10_000)
        request = self.draft_request(course_id=False, title="Pelatihan Kepemimpinan Pengawas", jp_hours=40)
        for vals, message in (
            ({"jp_hours": 1e12}, "1,000"),
            ({"jp_hours": -1}, "0"),
            ({"cost": 1e15}, "10,000,000,000"),
            ({"cost": -5}, "0"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(ValidationError, message):
                request.with_user(self.user_staff).write(vals)
        request.with_user(self.user_staff).write({"jp_hours": 1000, "cost": 25_000_000})
        with self.assertRaisesRegex(ValidationError, "1,000"):
            self.course.write({"jp_hours": 1e12})
        with self.assertRaisesRegex(ValidationError, "10,000,000,000"):
            self.open_session.write({"cost": 1e15})

    def test_a_course_with_requests_is_archived_not_deleted(self):
        request = self.draft_request()
        with self.assertRaisesRegex(UserError, r"Bimtek Uji cannot be deleted: .*training request.*Archive it instead"):
            self.course.unlink()
        self.assertEqual(request.course_id, self.course)
        self.assertEqual(request.name, "Bimtek Uji")

    def test_an_employee_with_training_requests_is_archived_not_deleted(self):
        self.draft_request(employee=self.staff2, user=self.user_officer)
        with self.assertRaisesRegex(UserError, r"Staf Dua cannot be deleted: .*training request"):
            self.staff2.unlink()


@tagged("post_install", "-at_install")
class TestCoachingReportAnswers(PdfCase, CoachingCase):
    def test_a_coaching_that_does_not_exist_is_not_found(self):
        self.authenticate("kin_officer", "kin_officer")
        response = self.url_open("/report/pdf/hr_asn_training.report_coaching/999999")
        self.assertEqual(response.status_code, 404)
        response = self.url_open("/report/html/hr_asn_training.report_coaching/999999")
        self.assertEqual(response.status_code, 404)

    def test_the_coaching_pdf_carries_text(self):
        pdf = self.render_pdf(REPORT, self.coaching, user=self.user_supervisor)
        with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
            file.write(pdf)
            file.flush()
            fonts = subprocess.run(["pdffonts", file.name], capture_output=True, text=True, check=True).stdout
            text = subprocess.run(["pdftotext", file.name, "-"], capture_output=True, text=True, check=True).stdout
        self.assertGreater(len(fonts.splitlines()), 2, "the PDF has no fonts: its text is drawn, not written")
        self.assertIn("Form B.1.9", text)
        self.assertIn("Staf Satu", text)

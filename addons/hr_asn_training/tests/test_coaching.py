"""Coaching (bimbingan kinerja): forms B.1.8 and B.1.9, who fills which part, and the printed forms."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.hr_asn_kinerja.tests.common import PdfCase

from .coaching_case import REPORT, CoachingCase
from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestCoaching(CoachingCase):
    def test_nine_statements_in_three_groups_from_configuration(self):
        answers = self.coaching.answer_ids
        self.assertEqual(len(answers), 9)
        self.assertEqual(answers.mapped("group").count("employee"), 3)
        self.assertEqual(answers.mapped("group").count("leader"), 3)
        self.assertEqual(answers[0].name, "I felt noticed and understood.")
        self.assertEqual(self.coaching.appraiser_id, self.supervisor)
        # HR edits a statement: new coachings ask the new text, the old one keeps what was asked
        statement = self.env.ref("hr_asn_training.coaching_statement_1")
        statement.with_user(self.user_officer).name = "I felt heard."
        again = (
            self.env["asn.training.coaching"].with_user(self.user_supervisor).create({"employee_id": self.staff2.id})
        )
        self.assertEqual(again.sudo().answer_ids[0].name, "I felt heard.")
        self.assertEqual(answers[0].name, "I felt noticed and understood.")

    def test_scores_must_be_one_to_five(self):
        answer = self.coaching.answer_ids[0].with_user(self.user_staff)
        for bad in (6, -1):
            with self.subTest(score=bad), self.assertRaises(ValidationError):
                answer.score = bad
        answer.score = 5
        with self.assertRaisesRegex(ValidationError, "from 1 to 5"):
            self.coaching.with_user(self.user_supervisor).write(
                {"competency_ids": [Command.create({"name": "Disiplin", "score": 9})]}
            )

    def test_feedback_then_evaluation_by_the_right_people(self):
        with self.assertRaisesRegex(UserError, "Rate every statement"):
            self.coaching.with_user(self.user_staff).action_submit_feedback()
        # the appraiser does not answer for the employee
        with self.assertRaises(AccessError):
            self.coaching.answer_ids[0].with_user(self.user_supervisor).score = 5
        self.assertEqual(
            self.activity_users(self.coaching, "hr_asn_training.mail_act_coaching_feedback"), self.user_staff
        )
        self.feedback()
        self.assertEqual(self.coaching.state, "feedback")
        self.assertEqual(
            self.activity_users(self.coaching, "hr_asn_training.mail_act_coaching_evaluate"), self.user_supervisor
        )
        # the feedback goes to the appraiser's superior (docs/rules.md §7), not to the appraiser
        self.assertEqual(self.activity_users(self.coaching, "hr_asn_training.mail_act_coaching_review"), self.user_head)
        self.assertEqual(self.coaching.with_user(self.user_head).average_feedback, 4)
        self.env.invalidate_all()
        self.assertFalse(self.coaching.with_user(self.user_supervisor).answer_ids)
        self.env.invalidate_all()
        # the employee neither changes answers any more nor evaluates
        with self.assertRaises(UserError):
            self.coaching.answer_ids[0].with_user(self.user_staff).score = 1
        with self.assertRaises(UserError):
            self.coaching.with_user(self.user_staff).write({"competency_ids": [Command.create({"name": "X"})]})
        with self.assertRaises(AccessError):
            self.coaching.with_user(self.user_staff).action_done()
        with self.assertRaisesRegex(UserError, "Score at least one competency"):
            self.coaching.with_user(self.user_supervisor).action_done()
        self.evaluate()
        self.assertEqual(self.coaching.state, "done")
        self.assertEqual(self.coaching.average_competency, 3.5)
        self.assertFalse(self.coaching.activity_ids)
        with self.assertRaises(UserError):
            self.coaching.with_user(self.user_supervisor).write({"date": "2027-01-05"})
        with self.assertRaises(AccessError):
            self.coaching.with_user(self.user_supervisor).action_reset()
        self.coaching.with_user(self.user_officer).action_reset()
        self.assertEqual(self.coaching.state, "draft")

    def test_state_and_statements_are_not_written_directly(self):
        with self.assertRaisesRegex(AccessError, "only through the workflow"):
            self.coaching.with_user(self.user_supervisor).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.coaching.answer_ids[0].with_user(self.user_staff).write({"name": "Saya setuju"})
        with self.assertRaises(AccessError):
            self.coaching.answer_ids[0].with_user(self.user_officer).unlink()

    def test_employee_prints_own_coaching(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            ._render_qweb_html(REPORT, self.coaching.ids)[0]
            .decode()
        )
        self.assertIn("Staf Satu", html)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_staff2)._render_qweb_html(REPORT, self.coaching.ids)


@tagged("post_install", "-at_install")
class TestWhoRecordsCoaching(TrainingCase):
    """Only HR, or the employee's own appraiser, records a coaching, on that employee's SKP."""

    def setUp(self):
        super().setUp()
        self.skp = self.finish_skp(self.staff, "poor")
        self.Coaching = self.env["asn.training.coaching"]

    def test_an_appraiser_cannot_coach_someone_else_by_naming_himself(self):
        # the HR officer is appraised by the head, not by the supervisor
        outsider_skp = self.finish_skp(self.officer, "very_poor")
        for vals in (
            {"employee_id": self.officer.id, "appraiser_id": self.supervisor.id},
            {"employee_id": self.officer.id, "appraiser_id": self.supervisor.id, "appraisal_id": outsider_skp.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, "Only the appraiser"):
                self.Coaching.with_user(self.user_supervisor).create(vals)
        with self.assertRaises(AccessError):
            outsider_skp.with_user(self.user_supervisor).read(["predicate"])

    def test_the_skp_must_be_the_employees_own(self):
        other_skp = self.finish_skp(self.staff2, "poor")
        with self.assertRaisesRegex(ValidationError, "same employee"):
            self.Coaching.with_user(self.user_supervisor).create(
                {"employee_id": self.staff.id, "appraisal_id": other_skp.id}
            )

    def test_the_caller_cannot_pick_another_appraiser(self):
        with self.assertRaisesRegex(AccessError, "own appraiser"):
            self.Coaching.with_user(self.user_supervisor).create(
                {"employee_id": self.staff.id, "appraiser_id": self.head.id}
            )
        coaching = self.Coaching.with_user(self.user_supervisor).create(
            {"employee_id": self.staff.id, "appraisal_id": self.skp.id}
        )
        self.assertEqual((coaching.appraiser_id, coaching.superior_id), (self.supervisor, self.head))
        with self.assertRaises(AccessError):
            coaching.with_user(self.user_supervisor).appraiser_id = self.head

    def test_the_appraiser_cannot_write_the_employees_feedback(self):
        with self.assertRaisesRegex(AccessError, "feedback"):
            self.Coaching.with_user(self.user_supervisor).create(
                {"employee_id": self.staff.id, "employee_comment": "Saya puas sekali"}
            )
        coaching = self.Coaching.with_user(self.user_supervisor).create({"employee_id": self.staff.id})
        coaching.with_user(self.user_staff).employee_comment = "Bermanfaat"
        self.assertFalse(coaching.with_user(self.user_supervisor).employee_comment)
        self.assertEqual(coaching.with_user(self.user_head).employee_comment, "Bermanfaat")
        with self.assertRaises(AccessError):
            coaching.with_user(self.user_supervisor).employee_comment = "Diubah atasan"


@tagged("post_install", "-at_install")
class TestCoachingPdf(PdfCase, CoachingCase):
    def test_pdf_renders_both_forms(self):
        self.feedback(score=5)
        self.evaluate()
        # the appraiser's print has the competency evaluation (B.1.9) only
        appraiser_html = (
            self.env["ir.actions.report"]
            .with_user(self.user_supervisor)
            ._render_qweb_html(REPORT, self.coaching.ids)[0]
        ).decode()
        self.assertIn("Form B.1.9", appraiser_html)
        self.assertNotIn("Form B.1.8", appraiser_html)
        self.assertNotIn("I felt noticed and understood.", appraiser_html)
        Report = self.env["ir.actions.report"].with_user(self.user_head)
        html = Report._render_qweb_html(REPORT, self.coaching.ids)[0].decode()
        for text in (
            "Staf Satu",
            self.staff.nip,
            "Kepala Bidang",
            self.supervisor.nip,
            "Penata Muda (III/a)",
            "Dinas Uji",
            "I felt noticed and understood.",
            "Penyusunan laporan",
            "Masih terlambat",
            "Muara Bungo",
            "Form B.1.8",
            "Form B.1.9",
        ):
            self.assertIn(text, html)
        self.render_pdf(REPORT, self.coaching, user=self.user_head)

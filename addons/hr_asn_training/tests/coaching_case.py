"""A coaching after an SKP that needs improvement, and its two forms filled, shared by the coaching suites."""

from odoo.fields import Command

from .common import TrainingCase

REPORT = "hr_asn_training.action_report_coaching"


class CoachingCase(TrainingCase):
    """A coaching of Staf Satu by Kepala Bidang after a 2026 SKP that needs improvement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # made once for the class (each test rolls back to it), not before every test
        cls.skp = cls(methodName="run").finish_skp(cls.staff, "needs_improvement")  # an instance method
        cls.coaching = (
            cls.env["asn.training.coaching"]
            .with_user(cls.user_supervisor)
            .create({"employee_id": cls.staff.id, "appraisal_id": cls.skp.id, "place": "Muara Bungo"})
            .with_env(cls.env)
        )

    def feedback(self, score=4):
        coaching = self.coaching.with_user(self.user_staff)
        coaching.write(
            {
                "answer_ids": [Command.update(answer.id, {"score": score}) for answer in coaching.answer_ids],
                "employee_comment": "Sangat membantu",
            }
        )
        coaching.action_submit_feedback()

    def evaluate(self):
        coaching = self.coaching.with_user(self.user_supervisor)
        coaching.write(
            {
                "competency_ids": [
                    Command.create({"name": "Penyusunan laporan", "score": 3, "reason": "Masih terlambat"}),
                    Command.create({"name": "Kerja sama tim", "score": 4, "reason": "Aktif dalam rapat"}),
                ]
            }
        )
        coaching.action_done()

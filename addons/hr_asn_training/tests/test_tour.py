"""In the browser: an employee requests a training, the appraiser and an HR officer approve it."""

from odoo.tests import HttpCase, tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestTrainingTour(TrainingCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.user_staff | cls.user_supervisor | cls.user_officer
        if "odoobot_state" in users._fields:
            users.write({"odoobot_state": "disabled"})  # no welcome chat window over the screen

    def run_tour(self, tour, login):
        self.start_tour("/odoo", tour, login=login)
        self.env.invalidate_all()  # the browser wrote through the test cursor

    def test_request_approved_twice(self):
        self.run_tour("hr_asn_training_request_tour", "kin_staff")
        request = self.env["asn.training.request"].search([("employee_id", "=", self.staff.id)])
        self.assertRecordValues(
            request,
            [
                {
                    "state": "submitted",
                    "source": "employee",
                    "course_id": self.course.id,
                    "course_schedule_id": self.open_session.id,
                    "jp_hours": 16,
                    "reason": "Laporan bulanan masih sering terlambat",
                }
            ],
        )

        self.run_tour("hr_asn_training_approve_tour", "kin_supervisor")
        self.assertEqual((request.state, request.appraiser_approver_id), ("final_approval", self.user_supervisor))

        self.run_tour("hr_asn_training_validate_tour", "kin_officer")
        self.assertEqual((request.state, request.officer_approver_id), ("approved", self.user_officer))
        self.assertEqual(request.attendee_id.employee_id, self.staff)
        self.assertIn(self.staff, self.open_session.attendant_ids)

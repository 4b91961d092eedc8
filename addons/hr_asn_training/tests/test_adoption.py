"""Adoption per unit (docs/rules.md §26): who attended a session of the catalogue's Bimtek SKP."""

from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestAdoptionSocialisation(TrainingCase):
    def test_attending_the_bimtek_skp_counts_other_courses_do_not(self):
        bimtek_skp = self.env.ref("hr_asn_training.course_skp_bimtek")
        session = self.env["hr.course.schedule"].create(
            {
                "name": "Sosialisasi SKP Angkatan I",
                "course_id": bimtek_skp.id,
                "cost": 0,
                "authorized_by": self.officer.id,
                "start_date": "2026-02-02",
                "end_date": "2026-02-02",
            }
        )
        Attendee = self.env["hr.course.attendee"]
        Attendee.create({"course_schedule_id": session.id, "employee_id": self.staff.id, "result": "passed"})
        Attendee.create({"course_schedule_id": session.id, "employee_id": self.staff2.id, "result": "absent"})
        # another Bimtek is not the socialisation of the system
        Attendee.create(
            {"course_schedule_id": self.open_session.id, "employee_id": self.supervisor.id, "result": "passed"}
        )
        self.env.flush_all()
        rows = self.env["asn.kinerja.adoption.report"].with_user(self.user_officer).search([])
        attended = {row.employee_id: row.socialised_count for row in rows}
        self.assertEqual((attended[self.staff], attended[self.staff2], attended[self.supervisor]), (1, 0, 0))
        [unit] = (
            self.env["asn.kinerja.adoption.report"]
            .with_user(self.user_officer)
            .formatted_read_group(
                [("department_id", "=", self.department.id)], ["department_id"], ["socialised_count:sum"]
            )
        )
        self.assertEqual(unit["socialised_count:sum"], 1)

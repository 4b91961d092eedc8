"""Competency standards per job and each employee's profile (docs/rules.md §25)."""

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .needs_case import NeedsCase


@tagged("post_install", "-at_install")
class TestCompetencyProfile(NeedsCase):
    def test_the_kamus_kompetensi_is_seeded(self):
        names = set(self.env["asn.training.competency"].search([("kind", "!=", "technical")]).mapped("name"))
        self.assertLessEqual(
            {
                "Integritas",
                "Kerjasama",
                "Komunikasi",
                "Orientasi pada Hasil",
                "Pelayanan Publik",
                "Pengembangan Diri dan Orang Lain",
                "Mengelola Perubahan",
                "Pengambilan Keputusan",
                "Perekat Bangsa",
            },
            names,
        )

    def test_a_passed_course_raises_the_profile_and_never_lowers_it(self):
        session = self.open_session
        attendees = session._add_attendee(self.staff) | session._add_attendee(self.staff2)
        attendees.write({"result": "passed"})
        profile = self.env["asn.training.employee.competency"].search(
            [("employee_id", "in", (self.staff | self.staff2).ids), ("competency_id", "=", self.laporan.id)]
        )
        self.assertEqual(
            {(row.employee_id, row.level, row.source, row.course_id) for row in profile},
            {(self.staff, 3, "course", self.course), (self.staff2, 3, "course", self.course)},
        )
        # a higher assessed level stays
        profile.filtered(lambda row: row.employee_id == self.staff).write({"level": 5, "source": "entered"})
        attendees[:1].write({"result": "passed"})
        self.assertEqual(profile.filtered(lambda row: row.employee_id == self.staff).level, 5)

    def test_levels_are_one_to_five(self):
        with self.assertRaises(ValidationError):
            self.env["asn.training.job.competency"].create(
                {
                    "job_id": self.job.id,
                    "competency_id": self.env.ref("hr_asn_training.competency_kerjasama").id,
                    "level": 6,
                }
            )

    def test_who_reads_and_writes_the_profile(self):
        Profile = self.env["asn.training.employee.competency"]
        self.assertEqual(Profile.with_user(self.user_staff).search([]).employee_id, self.staff)
        self.assertFalse(Profile.with_user(self.user_staff2).search([]))
        self.assertEqual(Profile.with_user(self.user_supervisor).search([]).employee_id, self.staff)
        with self.assertRaises(AccessError):
            Profile.with_user(self.user_staff).create(
                {"employee_id": self.staff.id, "competency_id": self.env.ref("hr_asn_training.competency_kerjasama").id}
            )
        row = Profile.with_user(self.user_officer).create(
            {"employee_id": self.staff2.id, "competency_id": self.laporan.id, "level": 4, "source": "imported"}
        )
        self.assertEqual(row.company_id, self.company)

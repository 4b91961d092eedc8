"""Shared set-up of the competency and AKPK tests (docs/rules.md §25): a job with a standard, two
courses teaching its competencies, and the Kepala Bidang heading Dinas Uji."""

from .common import TrainingCase

PLAN_YEAR = 2027  # the year after the SKP period of KinerjaCase (2026)


class NeedsCase(TrainingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Needs = cls.env["asn.training.needs"]
        cls.department.manager_id = cls.supervisor  # the Kepala Bidang heads the unit (PyB)
        cls.integritas = cls.env.ref("hr_asn_training.competency_integritas")
        cls.laporan = cls.env["asn.training.competency"].create({"name": "Penyusunan Laporan", "kind": "technical"})
        cls.job = cls.env["hr.job"].create(
            {
                "name": "Analis Kebijakan",
                "competency_standard_ids": [
                    (0, 0, {"competency_id": cls.integritas.id, "level": 3}),
                    (0, 0, {"competency_id": cls.laporan.id, "level": 3}),
                ],
            }
        )
        (cls.staff | cls.staff2).job_id = cls.job
        cls.course.write(
            {
                "estimated_cost": 1500000,
                "competency_taught_ids": [(0, 0, {"competency_id": cls.laporan.id, "level": 3})],
            }
        )
        cls.integrity_course = cls.env["hr.course"].create(
            {
                "name": "Pelatihan Integritas",
                "category_id": cls.category.id,
                "jp_hours": 8,
                "training_type": "managerial",
                "estimated_cost": 500000,
                "competency_taught_ids": [(0, 0, {"competency_id": cls.integritas.id, "level": 4})],
            }
        )
        Profile = cls.env["asn.training.employee.competency"]
        Profile.create(
            [
                {"employee_id": cls.staff.id, "competency_id": cls.integritas.id, "level": 3},
                {"employee_id": cls.staff.id, "competency_id": cls.laporan.id, "level": 2, "source": "imported"},
            ]
        )

    def plan(self, user=None, department=None):
        """A draft plan of Dinas Uji for PLAN_YEAR, drafted by ``user`` (default: the head of the unit)."""
        user = user or self.user_supervisor
        return self.Needs.with_user(user).create(
            {"department_id": (department or self.department).id, "year": PLAN_YEAR}
        )

    def needs_of(self, plan, employee):
        return {
            (line.need_source, line.competency_id.name or False, line.course_id.name or False, line.priority)
            for line in plan.sudo().line_ids.filtered(lambda line: line.employee_id == employee)
        }

    def low_with_coaching(self):
        """Staf Dua ends 2026 with Butuh Perbaikan; her appraiser coaches her and scores Integritas 2 (B.1.9)."""
        skp = self.finish_skp(self.staff2, "needs_improvement")
        coaching = (
            self.env["asn.training.coaching"]
            .with_user(self.user_supervisor)
            .create({"employee_id": self.staff2.id, "appraisal_id": skp.id})
        )
        coaching = coaching.with_env(self.env)
        coaching.answer_ids.score = 4
        coaching.action_submit_feedback()
        self.env["asn.training.coaching.competency"].create(
            [
                {"coaching_id": coaching.id, "name": "integritas", "score": 2, "reason": "Laporan tidak jujur"},
                {"coaching_id": coaching.id, "name": "Ketelitian", "score": 1, "reason": "Banyak salah ketik"},
                {"coaching_id": coaching.id, "name": "Kerjasama", "score": 2, "reason": "Jarang hadir rapat"},
            ]
        )
        coaching.action_done()
        return skp

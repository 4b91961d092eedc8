import base64

from odoo.addons.hr_asn_kinerja.tests.common import RATINGS_FOR, KinerjaCase

# a certificate file, for the requests that need one to be done
CERTIFICATE = base64.b64encode(b"%PDF-1.4 sertifikat")


class TrainingCase(KinerjaCase):
    """KinerjaCase (Kepala Bidang appraises Staf Satu and Staf Dua; Kepala Dinas appraises
    Kepala Bidang and the HR officer) plus a course with an open session."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["asn.training.request"]
        cls.category = cls.env["hr.course.category"].create({"name": "Kategori Uji"})
        cls.course = cls.env["hr.course"].create(
            {"name": "Bimtek Uji", "category_id": cls.category.id, "jp_hours": 16, "training_type": "bimtek"}
        )
        cls.open_session = cls.env["hr.course.schedule"].create(
            {
                "name": "Bimtek Uji Angkatan I",
                "course_id": cls.course.id,
                "cost": 1500000,
                "authorized_by": cls.officer.id,
                "start_date": "2026-03-02",
                "end_date": "2026-03-04",
            }
        )
        cls.open_session.draft2waiting()
        cls.company.training_officer_id = cls.user_officer

    def finish_skp(self, employee, predicate):
        """Walk the 2026 SKP of ``employee`` to done with ratings giving ``predicate``."""
        return self.walk_to_predicate(self.skp_of(employee), predicate)

    def refinish_skp(self, skp, predicate):
        """Reopen a done SKP (HR), rescore it to ``predicate`` (appraiser) and finish it again (HR)."""
        result, behavior = RATINGS_FOR[predicate]
        skp.with_user(self.user_officer).action_reopen("Koreksi nilai")
        skp.with_user(skp.appraiser_id.user_id).write(
            {"result_rating": result, "behavior_rating": behavior, "appraiser_feedback": "Koreksi: bimbingan kinerja."}
        )
        skp.with_user(self.user_officer).action_done()
        self.assertEqual((skp.state, skp.predicate), ("done", predicate))
        return skp

    def draft_request(self, user=None, employee=None, **vals):
        """A draft request created by ``user`` (default: the staff member for themselves)."""
        user = user or self.user_staff
        values = {"course_id": self.course.id, "reason": "Kesenjangan kompetensi"}
        if employee:
            values["employee_id"] = employee.id
        values.update(vals)
        return self.Request.with_user(user).create(values)

    def approved_request(self, **vals):
        """A request of Staf Satu approved by the appraiser and by HR."""
        request = self.draft_request(**vals)
        request.with_user(self.user_staff).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        request.with_user(self.user_officer).action_validate()
        self.assertEqual(request.state, "approved")
        return request

    def activity_users(self, record, xmlid):
        activity_type = self.env.ref(xmlid)
        return record.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id

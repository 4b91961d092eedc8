"""The SKP an objection is filed against, and the steps of filing and hearing it, shared by the objection suites."""

from .common import KinerjaCase

OBJECTION = "asn.kinerja.objection"
DECIDE = "hr_asn_kinerja.mail_act_objection_decide"
EXPLAIN_APPRAISER = "hr_asn_kinerja.mail_act_objection_explain_appraiser"
EXPLAIN_EMPLOYEE = "hr_asn_kinerja.mail_act_objection_explain_employee"
REASON = "Realisasi laporan keuangan terlambat karena pergantian bendahara, bukan kelalaian saya."


class ObjectionCase(KinerjaCase):
    """Staf Satu's SKP ended Butuh Perbaikan (results below, behaviour as expected); Kepala Bidang appraised
    it, Kepala Dinas (the appraiser's superior) decides an objection."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # walked once for the class (each test rolls back to it), not before every test
        case = cls(methodName="run")  # the walk helpers are instance methods
        cls.skp = case.walk_to_predicate(case.skp_of(cls.staff), "needs_improvement")

    def file(self, user=None, skp=None, reason=REASON):
        return (
            self.env[OBJECTION]
            .with_user(user or self.user_staff)
            .create({"appraisal_id": (skp or self.skp).id, "reason": reason})
        )

    def hear(self, objection, decider=None):
        objection.with_user(decider or self.user_head).write(
            {
                "appraiser_explanation": "Laporan semester I terlambat tiga minggu.",
                "employee_explanation": "Bendahara pengeluaran diganti bulan Maret; SK terlampir.",
            }
        )

    def activities(self, record, xmlid):
        return record.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))

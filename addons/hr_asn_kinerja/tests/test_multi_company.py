"""Several agencies in one database: every record belongs to one, people see the agencies they select."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import OFFICER, KinerjaCase, make_nip

ADDONS = ("hr_asn_kinerja", "hr_asn_training")
# national reference data, the same for every agency: SIASN's codes (docs/rules.md §15)
NATIONAL = ("asn.kinerja.siasn.code",)
# no agency's data: the report engine's kept PDFs, read by nobody else
TECHNICAL = ("asn.kinerja.pdf",)
# what a course of OCA hr_course's catalogue teaches: the catalogue is shared (hr.course has no company)
CATALOGUE = ("asn.training.course.competency",)


@tagged("post_install", "-at_install")
class TestTwoAgencies(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.company"].create({"name": "Kabupaten Tebo"})
        cls.other_unit = cls.env["hr.department"].create({"name": "BKPSDM Tebo", "company_id": cls.other.id})
        cls.other_officer_user = new_test_user(
            cls.env, "kin_officer_tebo", groups=OFFICER, company_id=cls.other.id, company_ids=cls.other.ids
        )
        cls.other_employee = cls.env["hr.employee"].create(
            {
                "name": "Pegawai Tebo",
                "company_id": cls.other.id,
                "department_id": cls.other_unit.id,
                "nip": make_nip(90),
                "asn_type": "pns",
            }
        )
        cls.other_period = cls.env["asn.kinerja.period"].create(
            {"name": "Tebo 2026", "date_start": "2026-01-01", "date_end": "2026-12-31", "company_id": cls.other.id}
        )
        cls.other_period.with_user(cls.other_officer_user).action_open()
        cls.other_skp = cls.other_period.appraisal_ids
        Line = cls.env["asn.kinerja.appraisal.line"]
        Line.create({"appraisal_id": cls.other_skp.id, "name": "Hasil Tebo"})
        Line.create({"appraisal_id": cls.period.appraisal_ids[0].id, "name": "Hasil Bungo"})
        cls.user_manager.company_ids |= cls.other

    def test_every_stored_model_of_the_addons_carries_its_company(self):
        declared = self.env["ir.model.data"].search([("module", "in", ADDONS), ("model", "=", "ir.model")])
        models = self.env["ir.model"].browse(declared.mapped("res_id")).filtered(lambda m: not m.transient)
        names = [
            m.model
            for m in models
            if m.model.startswith("asn.")
            and not self.env[m.model]._abstract
            and m.model not in NATIONAL + TECHNICAL + CATALOGUE
        ]
        self.assertGreaterEqual(len(names), 10)
        self.assertFalse([name for name in names if "company_id" not in self.env[name]._fields])

    def test_each_agency_runs_its_own_periods_and_skps(self):
        self.assertEqual(self.other_skp.employee_id, self.other_employee)
        self.assertEqual(self.other_skp.company_id, self.other)
        self.assertEqual(self.other_skp.behavior_line_ids.company_id, self.other)
        self.assertEqual(self.other_skp.line_ids.company_id, self.other)
        self.assertNotIn(self.other_employee, self.period.appraisal_ids.employee_id)

    def test_officers_see_only_their_agency(self):
        for model in ("asn.kinerja.appraisal", "asn.kinerja.appraisal.line", "asn.kinerja.behavior.line"):
            with self.subTest(model=model):
                Model = self.env[model]
                mine = Model.with_user(self.user_officer).search([])
                theirs = Model.with_user(self.other_officer_user).search([])
                self.assertTrue(mine and theirs)
                self.assertEqual(set(mine.company_id.ids), {self.company.id})
                self.assertEqual(set(theirs.company_id.ids), {self.other.id})
        self.assertEqual(
            self.env["asn.kinerja.period"].with_user(self.other_officer_user).search([]), self.other_period
        )

    def test_the_administrator_sees_the_agencies_selected(self):
        Appraisal = self.env["asn.kinerja.appraisal"].with_user(self.user_manager)
        home = Appraisal.with_context(allowed_company_ids=self.company.ids).search([])
        self.assertNotIn(self.other_skp, home)
        both = Appraisal.with_context(allowed_company_ids=(self.company | self.other).ids).search([])
        self.assertIn(self.other_skp, both)
        self.assertIn(self.skp_of(self.staff), both)

    def test_an_officer_cannot_act_in_another_agency(self):
        with self.assertRaises(UserError):
            self.other_skp.with_user(self.user_officer).action_cancel()
        self.other_skp.with_user(self.other_officer_user).action_cancel()
        self.assertEqual(self.other_skp.state, "cancel")

    def test_records_do_not_mix_agencies(self):
        Appraisal = self.env["asn.kinerja.appraisal"]
        with self.assertRaises(UserError):
            Appraisal.create({"employee_id": self.staff.id, "period_id": self.other_period.id})
        with self.assertRaises(UserError):
            self.skp_of(self.staff).appraiser_id = self.other_employee
        with self.assertRaises(UserError):
            self.staff.appraiser_id = self.other_employee
        other_line = self.other_skp.line_ids
        with self.assertRaises(UserError):
            self.env["asn.kinerja.appraisal.line"].create(
                {"appraisal_id": self.skp_of(self.staff).id, "name": "Silang", "parent_line_id": other_line.id}
            )
        with self.assertRaises(UserError):
            self.env["asn.kinerja.period"].create(
                {
                    "name": "Semester Silang",
                    "period_type": "semester",
                    "parent_id": self.other_period.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-06-30",
                }
            )
        with self.assertRaises(UserError):
            self.env["asn.kinerja.unit.rating"].create(
                {"department_id": self.department.id, "period_id": self.other_period.id, "rating": "good"}
            )

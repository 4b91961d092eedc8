"""Monitoring (docs/rules.md §14): per unit and period the ASN, their SKPs per state, the share finished,
the late ones and those without an SKP; HR sees its agency, a head of unit their unit only."""

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KinerjaCase, make_nip

PROGRESS = "asn.kinerja.monitoring.report"
SPREAD = "asn.kinerja.distribution.report"


@tagged("post_install", "-at_install")
class TestMonitoring(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Dinas Uji, led by the Kepala Dinas, with a sub-unit; Dinas Lain with the outsider
        cls.make_units("Bidang Pantau")
        skps = cls.period.appraisal_ids.sudo()
        skps.filtered(lambda skp: skp.employee_id == cls.staff2).department_id = cls.sub_unit
        skps.filtered(lambda skp: skp.employee_id == cls.outsider).department_id = cls.other_unit
        # a newcomer of Dinas Lain, hired after the period opened: no SKP
        cls.newcomer = cls.env["hr.employee"].create(
            {"name": "Pegawai Baru", "department_id": cls.other_unit.id, "nip": make_nip(77), "asn_type": "pppk"}
        )

    def progress(self, user, groupby=("department_id",), domain=()):
        rows = (
            self.env[PROGRESS]
            .with_user(user)
            .formatted_read_group(
                [("period_id", "=", self.period.id), *domain],
                list(groupby),
                [
                    "__count",
                    "skp_count:sum",
                    "done_count:sum",
                    "late_count:sum",
                    "missing_count:sum",
                    "done_percent:avg",
                ],
            )
        )
        # many2one groups come as (id, name), selections as their value
        return {
            tuple(row[name][1] if isinstance(row[name], tuple) else row[name] for name in groupby): row for row in rows
        }

    @freeze_time("2026-02-02")
    def test_every_number_per_unit(self):
        self.walk(self.skp_of(self.staff), "done")
        self.walk(self.skp_of(self.supervisor), "submitted")
        self.skp_of(self.officer).with_user(self.user_officer).action_cancel()
        self.env["asn.kinerja.appraisal"]._refresh_late(fields.Date.today())
        rows = self.progress(self.user_officer)
        dinas = rows[("Dinas Uji",)]
        # Kepala Dinas (draft), Kepala Bidang (submitted), Staf Satu (done), the officer (cancelled)
        self.assertEqual(
            (dinas["__count"], dinas["skp_count:sum"], dinas["done_count:sum"], dinas["late_count:sum"]), (4, 4, 1, 2)
        )
        self.assertAlmostEqual(dinas["done_percent:avg"], 100 / 3, places=2, msg="the cancelled SKP does not count")
        other = rows[("Dinas Lain",)]
        self.assertEqual((other["__count"], other["skp_count:sum"], other["missing_count:sum"]), (2, 1, 1))
        self.assertEqual(rows[("Dinas Uji / Bidang Pantau",)]["__count"], 1)

    def test_skps_per_state_and_who_has_none(self):
        self.walk(self.skp_of(self.staff), "submitted")
        rows = self.progress(self.user_officer, groupby=("state",))
        self.assertEqual(
            {state: row["__count"] for (state,), row in rows.items()}, {"draft": 5, "submitted": 1, "missing": 1}
        )
        missing = self.env[PROGRESS].with_user(self.user_officer).search([("state", "=", "missing")])
        self.assertEqual(missing.employee_id, self.newcomer)
        self.assertFalse(missing.appraisal_id)
        # a closed period has nobody "without an SKP": the list was final
        self.period.with_user(self.user_officer).action_close()
        self.assertFalse(self.env[PROGRESS].with_user(self.user_officer).search([("state", "=", "missing")]))

    def test_each_number_drills_down_to_its_records(self):
        rows = self.progress(self.user_officer, groupby=("department_id", "state"))
        row = rows[("Dinas Lain", "missing")]
        records = (
            self.env[PROGRESS]
            .with_user(self.user_officer)
            .search(row["__extra_domain"] + [("period_id", "=", self.period.id)])
        )
        self.assertEqual(records.employee_id, self.newcomer)
        staff = self.env[PROGRESS].with_user(self.user_officer).search([("employee_id", "=", self.staff.id)])
        action = staff.action_open_appraisal()
        self.assertEqual((action["res_model"], action["res_id"]), ("asn.kinerja.appraisal", self.skp_of(self.staff).id))

    def test_a_unit_head_sees_their_unit_and_its_sub_units_only(self):
        rows = self.env[PROGRESS].with_user(self.user_head).search([("period_id", "=", self.period.id)])
        self.assertEqual(rows.department_id, self.department | self.sub_unit)
        self.assertNotIn(self.outsider, rows.employee_id)
        self.assertNotIn(self.newcomer, rows.employee_id)
        self.assertEqual(set(self.progress(self.user_head)), {("Dinas Uji",), ("Dinas Uji / Bidang Pantau",)})
        # heading the sub-unit only gives the sub-unit
        self.sub_unit.manager_id = self.supervisor
        rows = self.env[PROGRESS].with_user(self.user_supervisor).search([])
        self.assertEqual(rows.employee_id, self.staff2)

    def test_who_leads_no_unit_sees_nothing_and_staff_are_refused(self):
        self.assertFalse(self.env[PROGRESS].with_user(self.user_outsider).search([]))
        self.assertFalse(self.env[SPREAD].with_user(self.user_outsider).search([]))
        for model in (PROGRESS, SPREAD):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_staff).search([])

    def test_a_unit_head_opens_only_the_skps_they_may_read(self):
        row = self.env[PROGRESS].with_user(self.user_head).search([("employee_id", "=", self.staff2.id)])
        # the Kepala Dinas reviews Staf Dua's SKP (superior of the appraiser)
        self.assertEqual(row.action_open_appraisal()["res_id"], self.skp_of(self.staff2).id)
        # with another appraiser, the row stays in the unit's numbers but the SKP is not theirs to open
        self.skp_of(self.staff2).sudo().appraiser_id = self.staff
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            row.action_open_appraisal()

    def test_the_predikat_chart_per_rated_unit(self):
        self.rate_unit("outstanding")
        self.rate_unit("good", department=self.other_unit)
        self.walk_to_predicate(self.skp_of(self.staff), "very_good")
        self.walk_to_predicate(self.skp_of(self.staff2), "good")
        chart = (
            self.env[SPREAD]
            .with_user(self.user_officer)
            .formatted_read_group([("period_id", "=", self.period.id)], ["department_id", "predicate"], ["share:sum"])
        )
        self.assertEqual(
            {(row["department_id"][1], row["predicate"]): row["share:sum"] for row in chart},
            {("Dinas Uji", "very_good"): 50.0, ("Dinas Uji", "good"): 50.0},
        )
        rows = self.env[SPREAD].with_user(self.user_head).search([])
        self.assertEqual(rows.department_id, self.department)
        self.assertEqual(rows[0].allowed_spread, "Sangat Baik paling banyak 70%; sisanya predikat lain")

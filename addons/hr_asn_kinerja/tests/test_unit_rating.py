"""Capaian Kinerja Organisasi (docs/rules.md §5): HR rates each unit per period; every SKP reads it."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestUnitRating(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sub_unit = cls.env["hr.department"].create({"name": "Bidang Uji", "parent_id": cls.department.id})
        cls.staff2.department_id = cls.sub_unit
        cls.sub_skp = cls.env["asn.kinerja.appraisal"].create({"employee_id": cls.staff2.id, "period_id": cls._year()})

    @classmethod
    def _year(cls):
        return (
            cls.env["asn.kinerja.period"]
            .create({"name": "Tahun 2027", "date_start": "2027-01-01", "date_end": "2027-12-31"})
            .id
        )

    def test_every_skp_of_the_unit_prints_the_same_rating(self):
        self.rate_unit("good")
        skps = self.skp_of(self.staff) | self.skp_of(self.supervisor) | self.skp_of(self.head)
        self.assertEqual(set(skps.mapped("organization_rating")), {"good"})
        self.assertEqual(self.skp_of(self.staff).with_user(self.user_staff).organization_rating, "good")

    def test_a_sub_unit_inherits_the_nearest_rating_until_it_has_its_own(self):
        period = self.sub_skp.period_id
        self.rate_unit("outstanding", period=period)
        self.assertEqual(self.sub_skp.organization_rating, "outstanding")
        self.rate_unit("needs_improvement", department=self.sub_unit, period=period)
        self.env.invalidate_all()
        self.assertEqual(self.sub_skp.organization_rating, "needs_improvement")

    def test_a_semester_without_ratings_uses_the_annual_one(self):
        self.rate_unit("poor")
        semester = self.env["asn.kinerja.period"].create(
            {
                "name": "Semester II 2026",
                "period_type": "semester",
                "parent_id": self.period.id,
                "date_start": "2026-07-01",
                "date_end": "2026-12-31",
            }
        )
        semester.action_open()
        self.assertEqual(self.skp_of(self.staff, semester).organization_rating, "poor")

    def test_nobody_types_it_on_an_skp(self):
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        for user in (self.user_supervisor, self.user_officer, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                skp.with_user(user).write({"organization_rating": "outstanding"})
        self.assertFalse(skp.organization_rating)

    def test_only_hr_rates_units(self):
        for user in (self.user_staff, self.user_supervisor, self.user_head):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["asn.kinerja.unit.rating"].with_user(user).create(
                    {"department_id": self.department.id, "period_id": self.period.id, "rating": "good"}
                )
        rating = self.rate_unit("good")
        with self.assertRaises(AccessError):
            rating.with_user(self.user_head).rating = "outstanding"
        self.assertEqual(rating.with_user(self.user_staff).rating, "good", "everyone reads it")

    def test_one_rating_per_unit_and_period(self):
        self.rate_unit("good")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.rate_unit("outstanding")

    def test_a_period_of_another_agency_is_refused(self):
        other = self.env["res.company"].create({"name": "Kabupaten Tetangga"})
        foreign = self.env["asn.kinerja.period"].create(
            {"name": "2026 Tetangga", "date_start": "2026-01-01", "date_end": "2026-12-31", "company_id": other.id}
        )
        with self.assertRaises(ValidationError):
            self.env["asn.kinerja.unit.rating"].create(
                {"department_id": self.department.id, "period_id": foreign.id, "rating": "good"}
            )

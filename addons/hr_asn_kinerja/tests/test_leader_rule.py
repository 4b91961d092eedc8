"""The leader rule (SE MenPAN-RB 3/2023, docs/rules.md §5): the SKP of the head of a unit rated on its own takes
its rating of work results from the unit's rating; the appraiser rates the behaviour only."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestLeaderRule(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the Kepala Bidang heads Bidang Uji; the Kepala Dinas appraises him
        cls.unit = cls.env["hr.department"].create(
            {"name": "Bidang Uji", "parent_id": cls.department.id, "manager_id": cls.supervisor.id}
        )
        case = cls(methodName="run")
        cls.skp = case.skp_of(cls.supervisor)
        cls.skp.sudo().department_id = cls.unit
        case.walk(cls.skp, "self_assessed")

    def test_the_head_s_result_rating_is_the_unit_s_rating(self):
        self.rate_unit("outstanding", department=self.unit)
        appraiser = self.skp.with_user(self.user_head)
        self.assertEqual(appraiser.leader_result_rating, "above")
        self.assertIn("Bidang Uji", appraiser.result_rating_source)
        self.assertIn("Outstanding (Istimewa)", appraiser.result_rating_source)
        with self.assertRaisesRegex(UserError, "head of the unit, is the rating of Bidang Uji"):
            appraiser.write({"result_rating": "below"})
        appraiser.write({"behavior_rating": "as_expected"})
        appraiser.action_score()
        self.assertRecordValues(self.skp, [{"result_rating": "above", "predicate": "good"}])
        with self.assertRaisesRegex(UserError, "Bidang Uji"):
            appraiser.write({"result_rating": "as_expected"})
        # the head reads where his rating comes from
        self.assertIn("Bidang Uji", self.skp.with_user(self.user_supervisor).result_rating_source)

    def test_each_unit_rating_gives_its_result_rating(self):
        unit_rating = self.rate_unit("good", department=self.unit)
        for rating, result in (("good", "as_expected"), ("needs_improvement", "below"), ("very_poor", "below")):
            unit_rating.with_user(self.user_officer).rating = rating
            self.skp.invalidate_recordset()
            self.assertEqual(self.skp.leader_result_rating, result)

    def test_a_head_of_a_unit_without_its_own_rating_is_rated_by_the_appraiser(self):
        # the parent's rating is printed on the SKP, but it does not rate the sub-unit's head
        self.rate_unit("outstanding")
        self.assertFalse(self.skp.leader_unit_rating_id)
        self.assertFalse(self.skp.result_rating_source)
        self.skp.with_user(self.user_head).write({"result_rating": "below", "behavior_rating": "as_expected"})
        self.assertEqual(self.skp.predicate, "needs_improvement")

    def test_staff_of_the_unit_are_rated_as_always(self):
        self.rate_unit("outstanding", department=self.unit)
        staff_skp = self.skp_of(self.staff)
        staff_skp.sudo().department_id = self.unit
        self.walk(staff_skp, "self_assessed")
        self.assertFalse(staff_skp.leader_unit_rating_id)
        staff_skp.with_user(self.user_supervisor).write({"result_rating": "below", "behavior_rating": "below"})
        self.assertEqual(staff_skp.predicate, "very_poor")

"""Browser tours of the appraiser's journeys (desktop and phone), in headless Chromium.

The tours live in static/src/tours/ (bundle web.assets_tests). Each test builds the
organisation of KinerjaCase (Kepala Bidang appraises Staf Satu), moves the SKP server
side to where the journey starts, runs the tour as the user whose step it is, and
checks the record afterwards.
"""

import datetime

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import KinerjaCase


class KinerjaTourCase(HttpCase, KinerjaCase):
    """HttpCase with the small regency unit of KinerjaCase (MRO: HttpCase, KinerjaCase, TransactionCase)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.user_head | cls.user_supervisor | cls.user_staff | cls.user_staff2 | cls.user_officer
        if "odoobot_state" in users._fields:
            # mail_bot (auto-installed) would open its welcome chat window over the phone screen
            users.write({"odoobot_state": "disabled"})

    def run_tour(self, tour, login):
        self.start_tour("/odoo", tour, login=login)
        # the browser wrote through the test cursor: forget what this env had cached
        self.env.invalidate_all()

    def staff_skp(self, state):
        return self.walk(self.skp_of(self.staff), state)


@tagged("post_install", "-at_install")
class TestKinerjaToursDesktop(KinerjaTourCase):
    def test_approve_realize_score_form(self):
        """Supervisor approves in the form, the employee hands in the realisation, the supervisor scores."""
        skp = self.staff_skp("submitted")

        self.run_tour("hr_asn_kinerja_approve_desktop", "kin_supervisor")
        self.assertEqual(skp.state, "approved")
        self.assertTrue(skp.date_approved)

        self.run_tour("hr_asn_kinerja_realize_desktop", "kin_staff")
        self.assertEqual(skp.state, "self_assessed")
        self.assertEqual(skp.line_ids.mapped("realization"), ["12 laporan"])

        self.run_tour("hr_asn_kinerja_score_desktop", "kin_supervisor")
        self.assertRecordValues(
            skp,
            [{"state": "scored", "result_rating": "above", "behavior_rating": "as_expected", "predicate": "good"}],
        )
        self.assertTrue(skp.date_scored)

    def test_score_in_list(self):
        """Supervisor rates in the editable Subordinates list, saves, then scores from the row."""
        skp = self.staff_skp("self_assessed")
        other = self.walk(self.skp_of(self.staff2), "self_assessed")

        self.run_tour("hr_asn_kinerja_score_list", "kin_supervisor")
        self.assertRecordValues(
            skp,
            [
                {
                    "state": "scored",
                    "result_rating": "below",
                    "behavior_rating": "as_expected",
                    "predicate": "needs_improvement",
                }
            ],
        )
        # the other row of the list is untouched
        self.assertRecordValues(other, [{"state": "self_assessed", "result_rating": False, "predicate": False}])

    def test_hr_monitoring(self):
        """HR opens the progress pivot, drills a number down to its records, keeps the late ones, then
        looks at the spread of predikat and a unit's Penetapan (docs/rules.md §5, §14)."""
        today = fields.Date.context_today(self.period)
        self.period.write(
            {
                "plan_deadline": today - datetime.timedelta(days=1),
                "evaluation_deadline": today + datetime.timedelta(days=30),
            }
        )
        self.walk_to_predicate(self.staff_skp("approved"), "very_good")
        self.rate_unit("outstanding")

        self.run_tour("hr_asn_kinerja_monitoring_desktop", "kin_officer")


@tagged("post_install", "-at_install")
class TestKinerjaToursMobile(KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_approve_and_score_on_phone(self):
        """The same approve-and-score journey from the kanban cards of a phone."""
        skp = self.staff_skp("submitted")

        self.run_tour("hr_asn_kinerja_approve_mobile", "kin_supervisor")
        self.assertEqual(skp.state, "approved")

        self.walk(skp, "self_assessed")
        self.run_tour("hr_asn_kinerja_score_mobile", "kin_supervisor")
        self.assertRecordValues(
            skp,
            [{"state": "scored", "result_rating": "as_expected", "behavior_rating": "above", "predicate": "good"}],
        )

    def test_cards_name_the_employee_on_phone(self):
        """Subordinates' cards show name, NIP and predikat (or state) at phone size, for the appraiser's superior."""
        self.walk(self.skp_of(self.staff), "scored")
        self.walk(self.skp_of(self.supervisor), "submitted")
        self.run_tour("hr_asn_kinerja_cards_mobile", "kin_head")

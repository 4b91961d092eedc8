"""Onboarding inside the product: the three guided tours (static/src/onboarding/), each offered once to
every new user of its role, and run in a real browser at desktop (1366x900) and phone (390x844) size:
played by Odoo (automatic mode), and followed as a person follows the pointer (manual mode)."""

from unittest.mock import patch

from odoo.modules import module as odoo_module
from odoo.tests import new_test_user, tagged

from .common import EMPLOYEE, KinerjaCase
from .onboarding_case import APPRAISE, FIRST_SKP, FIRST_VISIT, NEXT_VISIT, OPEN_PERIOD, TOURS, OnboardingTourCase


@tagged("post_install", "-at_install")
class TestToursOffered(KinerjaCase):
    """Who is offered which tour, and how often."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kinerja_hide_odoo_extras = True
        cls.Tour = cls.env["web_tour.tour"]

    def offers(self, user):
        """The tours offered to ``user`` one after the other, each consumed once offered."""
        user.tour_enabled = True
        Tour, names = self.Tour.with_user(user), []
        while (offer := Tour.get_current_tour()) and len(names) < 10:
            names.append(offer["name"])
            Tour.consume(offer["name"])
        return names

    def test_new_kinerja_users_start_with_the_tours_switched_on(self):
        with patch.object(odoo_module, "current_test", False):
            user = new_test_user(self.env, "kin_new", groups=EMPLOYEE, name="Pegawai Baru")
            portal = new_test_user(self.env, "kin_portal", groups="base.group_portal", name="Tamu")
        self.assertTrue(user.tour_enabled)
        self.assertFalse(portal.tour_enabled)
        # while tests run, as in Odoo, tours stay off so they do not interrupt the tests' own tours
        self.assertFalse(new_test_user(self.env, "kin_test", groups=EMPLOYEE).tour_enabled)

    def test_each_role_is_offered_the_tours_of_its_roles_in_order(self):
        self.assertEqual(self.offers(self.user_staff), [FIRST_SKP])
        self.assertEqual(self.offers(self.user_supervisor), [FIRST_SKP, APPRAISE])
        self.assertEqual(self.offers(self.user_officer), [FIRST_SKP, APPRAISE, OPEN_PERIOD])

    def test_a_tour_is_offered_once_finished_or_not(self):
        self.user_staff.tour_enabled = True
        Tour = self.Tour.with_user(self.user_staff)
        self.assertEqual(Tour.get_current_tour()["name"], FIRST_SKP)
        Tour.consume(FIRST_SKP)  # what the web client does when it starts the offered tour
        self.assertFalse(Tour.get_current_tour())
        self.assertIn(self.user_staff, self.env.ref("hr_asn_kinerja.tour_first_skp").user_consumed_ids)

    def test_kinerja_tours_are_not_chained_one_at_a_time(self):
        self.user_officer.tour_enabled = True
        self.assertFalse(self.Tour.with_user(self.user_officer).consume(FIRST_SKP))
        self.assertEqual(self.Tour.with_user(self.user_officer).get_current_tour()["name"], APPRAISE)

    def test_odoo_own_tours_only_where_the_company_keeps_odoo_extras(self):
        odoo_tours = self.Tour.search([("name", "not in", TOURS), ("custom", "=", False)])
        if not odoo_tours:
            self.skipTest("no tour of Odoo's own installed")
        self.assertEqual(self.offers(self.user_staff), [FIRST_SKP])
        self.company.kinerja_hide_odoo_extras = False
        self.user_staff2.tour_enabled = True
        self.assertIn(odoo_tours[0].name, self.offers(self.user_staff2))

    def test_odoo_own_tours_go_only_where_odoo_sends_them(self):
        odoo_tours = self.Tour.search([("name", "not in", TOURS), ("custom", "=", False)])
        if not odoo_tours:
            self.skipTest("no tour of Odoo's own installed")
        self.company.kinerja_hide_odoo_extras = False
        with patch.object(odoo_module, "current_test", False):
            user = new_test_user(self.env, "kin_new_tours", groups=EMPLOYEE, name="Pegawai Baru")
        # switched on by Kinerja ASN, not by Odoo: Kinerja's tours only
        self.assertTrue(user.tour_enabled and user.kinerja_tours_only)
        self.assertEqual(self.offers(user), [FIRST_SKP])
        # switched on by the user: Odoo's onboarding too, as without us
        self.env["res.users"].with_user(user).switch_tour_enabled(True)
        self.assertIn(odoo_tours[0].name, self.offers(user))

    def test_switched_off_users_are_offered_nothing(self):
        self.user_staff.tour_enabled = False
        self.assertFalse(self.Tour.with_user(self.user_staff).get_current_tour())


class OnboardingTourTests:
    """The three tours, as a person follows them, run at both sizes by the classes below."""

    def test_my_first_skp(self):
        """The employee writes a work result and submits the plan."""
        skp = self.skp_of(self.staff)
        self.assertFalse(skp.line_ids)
        self.run_tour(FIRST_SKP, "kin_staff")
        self.assertEqual(skp.state, "submitted")
        self.assertEqual(skp.main_line_ids.mapped("target"), ["12 laporan"])

    def test_appraising_my_staff(self):
        """The appraiser approves a plan, then rates and scores a realisation."""
        to_approve = self.walk(self.skp_of(self.staff2), "submitted")
        to_score = self.walk(self.skp_of(self.staff), "self_assessed")
        self.run_tour(APPRAISE, "kin_supervisor")
        self.assertEqual(to_approve.state, "approved")
        self.assertEqual(to_score.state, "scored")
        self.assertTrue(to_score.predicate)

    def test_opening_a_period(self):
        """Pengelola Kinerja creates next year and opens it: every civil servant gets an SKP."""
        Period = self.env["asn.kinerja.period"]
        before = Period.search([])
        self.run_tour(OPEN_PERIOD, "kin_officer")
        period = Period.search([]) - before
        self.assertEqual((period.state, period.period_type), ("open", "annual"))
        self.assertEqual((period.date_start.month, period.date_start.day), (1, 1))
        self.assertEqual((period.date_end.month, period.date_end.day), (12, 31))
        self.assertEqual(period.appraisal_ids.employee_id, self.period.appraisal_ids.employee_id)


@tagged("post_install", "-at_install")
class TestOnboardingToursDesktop(OnboardingTourTests, OnboardingTourCase):
    browser_size = "1366x900"

    def test_an_appraiser_follows_the_pointer_of_the_first_plan(self):
        """The appraiser with a plan waiting lands on Subordinates and stays there when the tour starts; each
        step's text shows without hovering, on the screen; the tour ends with the plan submitted, its work
        result linked to the leader's, and its pointer does not follow him to the next page. Scrolled away from
        a step (on the phone), the "scroll" hint shows on the screen. On a desktop,
        then on a phone (390x844, touch): each call of the browser starts a Chrome of the test's size."""
        self.walk(self.skp_of(self.staff2), "submitted")
        own = self.skp_of(self.supervisor)
        own.line_ids.unlink()
        tour = self.env.ref("hr_asn_kinerja.tour_first_skp")
        # on the phone (the page too short for it on a desktop) the person scrolls away from a step first
        away = "Add a main work result: what you will deliver this year."
        for size, touch, scroll_away in (("1366x900", False, None), ("390x844", True, away)):
            with self.subTest(size=size), self.env.cr.savepoint() as before:
                self.browser_size, self.touch_enabled = size, touch
                self.follow_the_offered_tour(
                    self.user_supervisor,
                    FIRST_SKP,
                    "Subordinates",
                    "hr_asn_kinerja.action_appraisal_subordinates",
                    scroll_away=scroll_away,
                )
                self.assertEqual(own.state, "submitted")
                self.assertRecordValues(
                    own.main_line_ids,
                    [
                        {
                            "name": "Menyusun laporan kinerja bulanan",
                            "target": "12 laporan",
                            "parent_line_id": self.head_result.id,
                        }
                    ],
                )
                self.assertIn(self.user_supervisor, tour.user_consumed_ids)
                # the plan unwritten and the tour not yet offered again, for the next size
                before.rollback()
                self.env.invalidate_all()

    def test_a_new_employee_is_offered_the_tour_at_login(self):
        """At the first visit the tour points at its first step; it is marked consumed at once, and lasts that
        visit: the next page load, in the same browser, neither offers nor resumes it."""
        self.user_staff.tour_enabled = True
        # the pointer of a tour shows; then the offer is spent
        url = self.env.ref("hr_asn_kinerja.tour_first_skp").url
        self.two_visits(url, FIRST_VISIT, NEXT_VISIT, login="kin_staff")
        self.assertIn(self.user_staff, self.env.ref("hr_asn_kinerja.tour_first_skp").user_consumed_ids)
        self.assertFalse(self.env["web_tour.tour"].with_user(self.user_staff).get_current_tour())


@tagged("post_install", "-at_install")
class TestOnboardingToursPhone(OnboardingTourTests, OnboardingTourCase):
    browser_size = "390x844"
    touch_enabled = True

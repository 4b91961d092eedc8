"""First day, in the browser: what the employee, the appraiser and the HR officer meet after login,
on a desktop (1366x900) and on a phone (390x844). The tours are in static/src/tours/kinerja_first_day_tours.js.

The company hides Odoo's extras (as in the demo); the users have never logged in (OdooBot not started).
"""

from odoo.tests import HttpCase, new_test_user, tagged

from .common import EMPLOYEE, KinerjaCase

RETURN_REASON = "Target terlalu rendah"
# (result rating, behaviour rating) of finished SKPs giving every predikat but Good (the officer's own)
FINISHED = {
    "Staf Tiga": ("above", "above"),  # very good
    "Staf Empat": ("below", "as_expected"),  # needs improvement
    "Staf Lima": ("as_expected", "below"),  # poor
    "Staf Enam": ("below", "below"),  # very poor
}


class FirstDayCase(HttpCase, KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kinerja_hide_odoo_extras = True
        users = cls.user_head | cls.user_supervisor | cls.user_staff | cls.user_staff2 | cls.user_officer
        if "odoobot_state" in users._fields:
            users.write({"odoobot_state": "not_initialized"})
        cls.finished_staff = cls.env["hr.employee"]
        for seq, name in enumerate(FINISHED, start=10):
            user = new_test_user(cls.env, name.lower().replace(" ", "_"), groups=EMPLOYEE, name=name)
            cls.finished_staff |= cls.env["hr.employee"].create(cls._employee_vals(user, seq, parent=cls.supervisor))
        cls.period.with_user(cls.user_officer).action_open()  # their SKPs
        # Staf Satu's plan came back; Staf Dua's waits for the appraiser; the others are finished. Walked once
        # for the class (each test rolls back to it), not before every test
        case = cls(methodName="run")  # the walk helpers are instance methods
        cls.skp = case.walk(case.skp_of(cls.staff), "submitted")
        cls.skp.with_user(cls.user_supervisor).action_return(RETURN_REASON)
        case.walk(case.skp_of(cls.staff2), "submitted")
        cls.officer_skp = case.walk(case.skp_of(cls.officer), "done")
        for employee in cls.finished_staff:
            case.walk(case.skp_of(employee), "done", *FINISHED[employee.name])

    def run_tour(self, tour, login, url="/odoo"):
        self.start_tour(url, tour, login=login)
        self.env.invalidate_all()


class FirstDayTests:
    """The journeys, run at both sizes by the classes below."""

    def test_employee(self):
        """Lands on the returned SKP with its reason and next step, and submits it again."""
        self.run_tour("hr_asn_kinerja_first_day_employee", "kin_staff")
        self.assertEqual((self.skp.state, self.skp.status, self.skp.return_reason), ("submitted", "submitted", False))
        if "odoobot_state" in self.user_staff._fields:
            self.assertEqual(self.user_staff.odoobot_state, "disabled", "no OdooBot onboarding")

    def test_appraiser(self):
        """Lands on Subordinates, Awaiting Me (a plan waits); the cards name the employees; approves with a confirmation."""
        self.run_tour("hr_asn_kinerja_first_day_appraiser", "kin_supervisor")
        self.assertEqual(self.skp_of(self.staff2).state, "approved")

    def test_officer(self):
        """Lands on All SKP of the open periods: names, NIP, the returned badge, predikat in order and colour."""
        self.run_tour("hr_asn_kinerja_first_day_officer", "kin_officer")

    def test_finished_skp(self):
        """A finished SKP shows its result and what comes next first, and fits the screen."""
        url = f"/odoo/action-hr_asn_kinerja.action_appraisal_mine/{self.officer_skp.id}"
        self.run_tour("hr_asn_kinerja_finished_skp", "kin_officer", url)


@tagged("post_install", "-at_install")
class TestFirstDayDesktop(FirstDayTests, FirstDayCase):
    browser_size = "1366x900"


@tagged("post_install", "-at_install")
class TestFirstDayPhone(FirstDayTests, FirstDayCase):
    browser_size = "390x844"
    touch_enabled = True

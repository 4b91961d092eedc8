"""Onboarding inside the product: the three guided tours (static/src/onboarding/), each offered once to
every new user of its role, and run in a real browser at desktop (1366x900) and phone (390x844) size:
played by Odoo (automatic mode), and followed as a person follows the pointer (manual mode)."""

import json
from unittest.mock import patch

from odoo.modules import module as odoo_module
from odoo.tests import HttpCase, new_test_user, tagged

from .common import EMPLOYEE, TOUR_POINTER_SHOWS, KinerjaCase

FIRST_SKP = "hr_asn_kinerja_onboarding_first_skp"
APPRAISE = "hr_asn_kinerja_onboarding_appraise"
OPEN_PERIOD = "hr_asn_kinerja_onboarding_open_period"
TOURS = (FIRST_SKP, APPRAISE, OPEN_PERIOD)


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


# A person follows the pointer of the tour offered at login, and the test checks what they see: where they
# landed (the tour does not move them), the text of every step open without hovering anything, the pointer
# on the screen, and, once the tour is done, no pointer on the next page. The person does what the pointer
# says (click, write) and, in a drop-down it opened, takes the first choice; then goes back to the page he landed on.
FOLLOW_THE_POINTER = """
(async () => {
    const { tourState } = odoo.loader.modules.get("@web_tour/js/tour_state");
    const { registry } = odoo.loader.modules.get("@web/core/registry");
    const { tour, landing, elsewhere } = %s;
    const steps = registry.category("web_tour.tours").get(tour).steps();
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const fail = (message) => { console.error(message); throw new Error(message); };
    const visible = (selector) => [...document.querySelectorAll(selector)].find((el) => el.offsetParent);
    async function waitFor(check, what, timeout = 30000) {
        for (const end = Date.now() + timeout; Date.now() < end; await sleep(100)) {
            const value = check();
            if (value) { return value; }
        }
        fail(`waited in vain for ${typeof what === "function" ? what() : what}`);
    }
    const running = () => tourState.getCurrentTour() === tour;
    const openPointer = () => document.querySelector(".o_tour_pointer.o_open");
    const breadcrumb = () => document.querySelector(".o_breadcrumb .active")?.textContent || "";

    await waitFor(() => running() && openPointer(), "the pointer of the tour offered at login");
    await waitFor(breadcrumb, "the page landed on");
    if (!breadcrumb().includes(landing)) {
        fail(`the tour moved the person: ${breadcrumb()} instead of ${landing}`);
    }
    let hints = 0;
    while (running()) {
        const index = tourState.getCurrentIndex();
        const pointer = await waitFor(() => !running() || openPointer(), `the pointer of step ${index}`);
        if (!running()) { break; }
        await sleep(400);  // the pointer opens in 200 ms
        const content = pointer.querySelector(".o_tour_pointer_content");
        const text = content.querySelector("span").textContent.trim();
        const box = pointer.getBoundingClientRect();
        if (content.classList.contains("invisible") || getComputedStyle(content).color === "rgba(0, 0, 0, 0)") {
            fail(`step ${index}: its text "${text}" shows only on hover`);
        }
        if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
            fail(`step ${index}: the pointer "${text}" is off the screen: ${JSON.stringify(box)}`);
        }
        const step = steps[index];
        if (pointer.classList.contains("cursor-pointer")) {
            // "scroll down/up to reach the next step": the person taps it, the page scrolls
            if (++hints > 20) { fail(`step ${index}: scroll hints without end`); }
            pointer.click();
            await sleep(600);
            continue;
        }
        if (text !== String(step.content)) {
            fail(`step ${index}: the pointer says "${text}", not "${step.content}"`);
        }
        const hoot = odoo.loader.modules.get("@odoo/hoot-dom");
        const target = await waitFor(() => hoot.queryFirst(step.trigger, { visible: true }), `the target of step ${index}`);
        const clicked = target.outerHTML.slice(0, 120);
        const seen = [];
        const watch = setInterval(() => {
            const now = `${tourState.getCurrentIndex()}/${document.querySelectorAll(".o_data_row .o_data_cell[name=period_id]").length}`;
            if (seen.at(-1) !== now) { seen.push(now); }
        }, 10);
        console.log(`step ${index}: "${text}" -> ${step.run}`);
        target.focus?.();
        if (step.run.startsWith("edit ")) {
            target.value = step.run.slice(5);
            target.dispatchEvent(new Event("input", { bubbles: true }));
            target.dispatchEvent(new Event("change", { bubbles: true }));
        } else {
            target.click();
            await sleep(800);
            const choice = visible(".o-autocomplete--dropdown-item:not([class*=o_m2o_dropdown_option]) a");
            if (choice) { choice.click(); }
        }

        await waitFor(
            () => !running() || tourState.getCurrentIndex() !== index,
            () => `the tour to go past step ${index} (${clicked}) on ${location.href}, ${breadcrumb()}, now `
                + `${tourState.getCurrentIndex()}: ${openPointer()?.textContent || "no pointer"}; seen ${seen.join(" ")}`
        );
        clearInterval(watch);
    }
    await sleep(1000);
    if (document.querySelector(".o_tour_pointer")) { fail("the pointer stays once the tour is finished"); }
    // back to the page he landed on, what waits for him: no pointer there either
    await odoo.__WOWL_DEBUG__.root.env.services.action.doAction(elsewhere);
    await waitFor(() => breadcrumb().trim() === landing, "the next page");
    await sleep(1500);
    if (document.querySelector(".o_tour_pointer") || tourState.getCurrentTour()) {
        fail("the pointer of a finished tour follows the person to the next page");
    }
    console.log("test successful");
})();
"""


class OnboardingTourCase(HttpCase, KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kinerja_hide_odoo_extras = True
        # the appraiser's own result, that the first plan's work result supports (the cascade)
        cls.leader_result = cls.env["asn.kinerja.appraisal.line"].create(
            {
                "appraisal_id": cls.env["asn.kinerja.appraisal"]
                .search([("employee_id", "=", cls.supervisor.id), ("period_id", "=", cls.period.id)])
                .id,
                "name": "Terwujudnya layanan bidang tepat waktu",
                "target": "100%",
            }
        )
        cls.head_result = cls.env["asn.kinerja.appraisal.line"].create(
            {
                "appraisal_id": cls.env["asn.kinerja.appraisal"]
                .search([("employee_id", "=", cls.head.id), ("period_id", "=", cls.period.id)])
                .id,
                "name": "Meningkatnya kinerja dinas",
                "target": "100%",
            }
        )

    def follow_the_offered_tour(self, user, tour, landing, elsewhere):
        """``user`` logs in with tours switched on and follows the tour offered, as a person does."""
        user.tour_enabled = True
        params = json.dumps({"tour": tour, "landing": landing, "elsewhere": elsewhere})
        self.browser_js("/odoo", FOLLOW_THE_POINTER % params, login=user.login, timeout=300)
        self.env.invalidate_all()

    def run_tour(self, tour, login):
        url = self.env["web_tour.tour"].search([("name", "=", tour)]).url
        self.start_tour(url, tour, login=login)
        self.env.invalidate_all()


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
        result linked to the leader's, and its pointer does not follow him to the next page."""
        self.walk(self.skp_of(self.staff2), "submitted")
        own = self.skp_of(self.supervisor)
        own.line_ids.unlink()
        self.follow_the_offered_tour(
            self.user_supervisor, FIRST_SKP, "Subordinates", "hr_asn_kinerja.action_appraisal_subordinates"
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

    def test_a_new_employee_is_offered_the_tour_at_login(self):
        """At the first visit the tour points at its first step; it is marked consumed at once."""
        self.user_staff.tour_enabled = True
        # the pointer of a tour shows; then the offer is spent
        url = self.env.ref("hr_asn_kinerja.tour_first_skp").url
        self.browser_js(url, TOUR_POINTER_SHOWS, login="kin_staff")
        self.assertIn(self.user_staff, self.env.ref("hr_asn_kinerja.tour_first_skp").user_consumed_ids)
        self.assertFalse(self.env["web_tour.tour"].with_user(self.user_staff).get_current_tour())


@tagged("post_install", "-at_install")
class TestOnboardingToursPhone(OnboardingTourTests, OnboardingTourCase):
    browser_size = "390x844"
    touch_enabled = True

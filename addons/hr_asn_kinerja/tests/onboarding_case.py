"""The base of the onboarding tours' browser tests (tests/test_onboarding.py): a person who follows the pointer
of the tour offered at login, as a script the browser runs, and the regency unit with the results a first plan
links to."""

import json
from concurrent.futures import Future
from unittest.mock import patch
from urllib.parse import urljoin

from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser

from .common import KinerjaCase

FIRST_SKP = "hr_asn_kinerja_onboarding_first_skp"
APPRAISE = "hr_asn_kinerja_onboarding_appraise"
OPEN_PERIOD = "hr_asn_kinerja_onboarding_open_period"
TOURS = (FIRST_SKP, APPRAISE, OPEN_PERIOD)

# A person follows the pointer of the tour offered at login, and the test checks what they see: where they
# landed (the tour does not move them), the text of every step open without hovering anything, the pointer
# on the screen, and, once the tour is done, no pointer on the next page. The person does what the pointer
# says (click, write) and, in a drop-down it opened, takes the first choice; then goes back to the page he landed on.
# Once, at the step whose text is ``scroll_away``, he scrolls its element out of sight first: the "scroll" hint
# shows, on the screen, and he taps it.
FOLLOW_THE_POINTER = """
(async () => {
    const { tourState } = odoo.loader.modules.get("@web_tour/js/tour_state");
    const { registry } = odoo.loader.modules.get("@web/core/registry");
    const { tour, landing, elsewhere, scroll_away } = %s;
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
    let scrolledAway = !scroll_away;
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
        if (!scrolledAway && text === scroll_away) {
            scrolledAway = true;
            const anchor = hoot.queryFirst(step.trigger, { visible: true });
            let area = anchor.parentElement;
            while (area && !(area.scrollHeight > area.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(area).overflowY))) {
                area = area.parentElement;
            }
            area = area || document.scrollingElement;
            area.scrollTo({ top: area.scrollHeight, behavior: "instant" });
            await sleep(300);
            if (anchor.getBoundingClientRect().bottom > 0 && anchor.getBoundingClientRect().top < innerHeight) {
                fail(`step ${index}: scrolling ${area.className} (${area.scrollTop}/${area.scrollHeight}) leaves "${text}" `
                    + `in sight at ${Math.round(anchor.getBoundingClientRect().top)} px`);
            }
            await waitFor(
                () => document.querySelector(".o_tour_pointer.o_open.cursor-pointer"),
                `the scroll hint of step ${index}, out of sight`, 5000
            );
            continue;  // the hint is checked (on the screen) and tapped at the top of the loop
        }
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
    if (scroll_away && !hints) { fail("no scroll hint was shown"); }
    console.log(`followed to the end, ${hints} scroll hint(s) tapped, each on the screen`);
    console.log("test successful");
})();
"""


class OnboardingTourCase(HttpCase, KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kinerja_hide_odoo_extras = True
        # the appraiser's own result, that the first plan's work result supports (the cascade)
        cls.leader_result = cls._result_of(cls.supervisor, "Terwujudnya layanan bidang tepat waktu")
        cls.head_result = cls._result_of(cls.head, "Meningkatnya kinerja dinas")

    @classmethod
    def _result_of(cls, employee, name):
        """A work result ``name`` in the SKP of ``employee`` for the open period."""
        skp = cls.env["asn.kinerja.appraisal"].search(
            [("employee_id", "=", employee.id), ("period_id", "=", cls.period.id)]
        )
        return cls.env["asn.kinerja.appraisal.line"].create({"appraisal_id": skp.id, "name": name, "target": "100%"})

    def follow_the_offered_tour(self, user, tour, landing, elsewhere, scroll_away=None):
        """``user`` logs in with tours switched on and follows the tour offered, as a person does; at the step
        that says ``scroll_away``, he scrolls away from it first."""
        user.tour_enabled = True
        params = json.dumps({"tour": tour, "landing": landing, "elsewhere": elsewhere, "scroll_away": scroll_away})
        self.browser_js("/odoo", FOLLOW_THE_POINTER % params, login=user.login, timeout=300)
        self.env.invalidate_all()

    def two_visits(self, url, first, second, login):
        """Run ``first`` at ``url``, reload the page in the same browser (its storage kept) and run ``second``:
        each script signals success as browser_js scripts do."""
        wait_code_ok = ChromeBrowser._wait_code_ok

        def visits(browser, code, timeout, error_checker=None):
            wait_code_ok(browser, first, timeout, error_checker)
            browser._result = Future()  # pylint: disable=protected-access
            browser.navigate_to(urljoin(self.base_url(), url), wait_stop=True)
            return wait_code_ok(browser, second, timeout, error_checker)

        with patch.object(ChromeBrowser, "_wait_code_ok", visits):
            self.browser_js(url, first, login=login)

    def run_tour(self, tour, login):
        url = self.env["web_tour.tour"].search([("name", "=", tour)]).url
        self.start_tour(url, tour, login=login)
        self.env.invalidate_all()


# The first visit of a person offered a tour: its pointer shows. The next page load, in the same browser and
# its storage (OnboardingTourCase.two_visits reloads), offers it no more and resumes nothing, unfinished as it is.
FIRST_VISIT = """
(async () => {
    const { tourState } = odoo.loader.modules.get("@web_tour/js/tour_state");
    for (const end = Date.now() + 30000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
        if (document.querySelector(".o_tour_pointer") && tourState.getCurrentTour()) {
            // unfinished: Odoo would resume it at the next page load
            console.log(`the pointer of ${tourState.getCurrentTour()} shows`);
            console.log("test successful");
            return;
        }
    }
    console.error("the pointer of the tour offered never showed");
})();
"""
NEXT_VISIT = """
(async () => {
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    for (const end = Date.now() + 30000; !document.querySelector(".o_action_manager .o_view_controller"); await sleep(100)) {
        if (Date.now() > end) { console.error("the next page never showed"); return; }
    }
    await sleep(2000);
    const { tourState } = odoo.loader.modules.get("@web_tour/js/tour_state");
    if (document.querySelector(".o_tour_pointer") || tourState.getCurrentTour()) {
        console.error(`the unfinished tour ${tourState.getCurrentTour()} comes back at the next page load`);
    } else {
        console.log("test successful");
    }
})();
"""

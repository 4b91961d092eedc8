/**
 * A Kinerja ASN tour is offered once to each new user of its role (models/web_tour_tour.py): when the
 * session offers one and no tour is running, it is marked as consumed at once (so it is not offered
 * again, finished or not) and started where the user landed: the tour never changes the landing
 * (``_home_action``, models/asn_kinerja_appraisal_home.py); its first step points at the menu of its page.
 *
 * A tour lasts one visit: Odoo resumes a running tour at every page load, so a tour left unfinished
 * would point at the same menu on every page, every day; the Panduan page starts it again. Finished,
 * Odoo ends it (the pointer goes, nothing is resumed).
 *
 * Odoo's tour service would start the offer itself, and take the user to the tour's page; this module
 * runs before the services start, takes the offer out of the session and hands it to the service below.
 */
import { registry } from "@web/core/registry";
import { session } from "@web/session";
import { tourState } from "@web_tour/js/tour_state";

export const KINERJA_TOUR_PREFIX = "hr_asn_kinerja_onboarding_";

if (tourState.getCurrentTour()?.startsWith(KINERJA_TOUR_PREFIX) && tourState.getCurrentConfig().mode === "manual") {
    tourState.clear();
}

const offered = session.current_tour;
if (offered?.name?.startsWith(KINERJA_TOUR_PREFIX) && !tourState.getCurrentTour()) {
    session.current_tour = false;
    registry.category("services").add("kinerja_onboarding", {
        dependencies: ["orm", "tour_service"],
        async start(env, { orm, tour_service }) {
            await orm.call("web_tour.tour", "consume", [offered.name]);
            tour_service.startTour(offered.name, {
                mode: "manual",
                redirect: false,
                rainbowManMessage: offered.rainbowManMessage,
            });
        },
    });
}

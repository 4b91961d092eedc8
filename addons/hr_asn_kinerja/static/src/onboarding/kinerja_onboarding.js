/**
 * A Kinerja ASN tour is offered once to each new user of its role (models/web_tour_tour.py): when the
 * session offers one and no tour is running, it is marked as consumed at once (so it is not offered
 * again, finished or not) and started on its own page, where its first step is.
 *
 * Odoo's tour service would start it where the user landed; this module runs before the services
 * start, takes the offer out of the session and hands it to the service below.
 */
import { registry } from "@web/core/registry";
import { session } from "@web/session";
import { tourState } from "@web_tour/js/tour_state";

export const KINERJA_TOUR_PREFIX = "hr_asn_kinerja_onboarding_";

const offered = session.current_tour;
if (offered?.name?.startsWith(KINERJA_TOUR_PREFIX) && !tourState.getCurrentTour()) {
    session.current_tour = false;
    registry.category("services").add("kinerja_onboarding", {
        dependencies: ["orm", "tour_service"],
        async start(env, { orm, tour_service }) {
            await orm.call("web_tour.tour", "consume", [offered.name]);
            const here = window.location.pathname + window.location.search;
            tour_service.startTour(offered.name, {
                mode: "manual",
                startUrl: here,
                rainbowManMessage: offered.rainbowManMessage,
            });
        },
    });
}

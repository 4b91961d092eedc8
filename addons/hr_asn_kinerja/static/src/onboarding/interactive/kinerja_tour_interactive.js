/**
 * A Kinerja ASN tour followed by a person (bundle web_tour.interactive, loaded with the first such tour).
 *
 * Odoo moves the pointer back to the previous step as soon as the current step's element is gone, e.g.
 * when the person closed the dialog the step is in. A page that draws itself again (a list after its
 * menu was clicked) removes that element for a moment too: the pointer then went back to the menu just
 * clicked, and the person clicked it again and again. Here it goes back only if the element stays away.
 */
import { patch } from "@web/core/utils/patch";
import { TourInteractive } from "@web_tour/js/tour_interactive/tour_interactive";
import { tourState } from "@web_tour/js/tour_state";
import { KINERJA_TOUR_PREFIX } from "@hr_asn_kinerja/onboarding/kinerja_onboarding";

const GONE_FOR = 800; // ms

patch(TourInteractive.prototype, {
    backward() {
        if (!tourState.getCurrentTour()?.startsWith(KINERJA_TOUR_PREFIX)) {
            return super.backward();
        }
        const index = this.currentActionIndex;
        clearTimeout(this.kinerjaBackward);
        this.kinerjaBackward = setTimeout(() => {
            if (this.currentActionIndex === index && !this.findTriggers().length) {
                super.backward();
            }
        }, GONE_FOR);
    },
});

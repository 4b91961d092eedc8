/**
 * The pointer of a Kinerja ASN tour (kinerja_onboarding_tours.js), for people who never used a guided tour:
 *
 * - its text shows at once: Odoo's pointer opens it on hover only, which a phone has not, and a new user
 *   does not try;
 * - the "scroll down/up" hint stays on the screen: Odoo places it at the edge of the scrolling area,
 *   which on a phone is the whole page, below the screen.
 *
 * Odoo's own tours keep their pointer as it is.
 */
import { useEffect } from "@odoo/owl";
import { patch } from "@web/core/utils/patch";
import { TourPointer } from "@web_tour/js/tour_pointer/tour_pointer";
import { tourState } from "@web_tour/js/tour_state";
import { KINERJA_TOUR_PREFIX } from "./kinerja_onboarding";

function inKinerjaTour() {
    return Boolean(tourState.getCurrentTour()?.startsWith(KINERJA_TOUR_PREFIX));
}

/** Odoo's hint anchor: a fixed empty <div> of the body, where the next step is out of sight. */
function isScrollHint(anchor) {
    return anchor?.parentElement === document.body && anchor.className === "position-fixed";
}

patch(TourPointer.prototype, {
    setup() {
        // before Odoo's own effects: the hint is moved on the screen before the pointer is placed at it
        useEffect(() => this.keepHintOnScreen());
        super.setup();
    },

    get isOpen() {
        return inKinerjaTour() ? Boolean(this.content) : super.isOpen;
    },

    keepHintOnScreen() {
        const { anchor } = this.props.pointerState;
        if (!inKinerjaTour() || !this.props.pointerState.isVisible || !isScrollHint(anchor)) {
            return;
        }
        const margin = 2 * TourPointer.height;
        const clamp = (value, max) => `${Math.max(margin, Math.min(parseFloat(value) || 0, max - margin))}px`;
        anchor.style.top = clamp(anchor.style.top, window.innerHeight);
        anchor.style.left = clamp(anchor.style.left, window.innerWidth);
    },
});

/**
 * Phone journeys of the appraiser (390x844, touch): the Subordinates action opens
 * on cards, one person under the other; a card opens the SKP form.
 */
import { registry } from "@web/core/registry";
import {
    chooseSelection,
    clickHeaderButton,
    formInState,
    openSubordinates,
} from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const STAFF = "Staf Satu";
// Subordinates is one list of people (no status columns): the card of Staf Satu, showing ``stateLabel``
const staffCard = (stateLabel) => `.o_kanban_view .o_kanban_record:contains('${STAFF}'):contains('${stateLabel}')`;

/** Appraiser on a phone: Subordinates kanban > card of the submitted SKP > Approve Plan. */
registry.category("web_tour.tours").add("hr_asn_kinerja_approve_mobile", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        {
            content: "Open the card of the submitted SKP",
            trigger: staffCard("Submitted"),
            run: "click",
        },
        ...formInState(STAFF, "Submitted"),
        clickHeaderButton("Approve Plan"),
        ...formInState(STAFF, "Approved"),
    ],
});

/** Appraiser on a phone: card of the self-assessed SKP > Evaluation tab > both ratings > Score. */
registry.category("web_tour.tours").add("hr_asn_kinerja_score_mobile", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        {
            content: "Open the card of the self-assessed SKP",
            trigger: staffCard("Self-assessed"),
            run: "click",
        },
        ...formInState(STAFF, "Self-assessed"),
        // the ratings sit at the top of the sheet while the SKP is being rated
        ...chooseSelection(".o_form_view", "result_rating", "As Expected"),
        ...chooseSelection(".o_form_view", "behavior_rating", "Above Expectations"),
        clickHeaderButton("Score"),
        ...formInState(STAFF, "Scored"),
        {
            content: "The predikat follows from the matrix",
            trigger: ".o_form_view .o_field_widget[name=predicate] .badge:text('Good')",
        },
    ],
});

/** A kanban card's name, NIP and badge must be readable on a phone (not squeezed to 0 px). */
function cardShows(name, text) {
    return {
        content: `The card of ${name} shows ${text}`,
        trigger: `.o_kanban_view .o_kanban_record:contains('${name}') :contains('${text}'):not(:has(*:contains('${text}')))`,
        run({ anchor }) {
            if (anchor.getBoundingClientRect().width < 10) {
                throw new Error(`"${text}" is not readable on the card of ${name}`);
            }
        },
    };
}

/** The appraiser's superior on a phone: every card names the employee, the NIP and the predikat or state. */
registry.category("web_tour.tours").add("hr_asn_kinerja_cards_mobile", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        cardShows("Staf Satu", "Staf Satu"),
        cardShows("Staf Satu", "198503152010011003"),
        cardShows("Staf Satu", "Good"),
        cardShows("Kepala Bidang", "Kepala Bidang"),
        cardShows("Kepala Bidang", "198503152010011002"),
        cardShows("Kepala Bidang", "Submitted"),
    ],
});

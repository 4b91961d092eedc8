/**
 * The supervisor's path through Subordinates, on a phone (390x844, touch) and on a desktop: a list of people
 * one under the other, each with the button of its step; Score opens a small dialog on the list.
 * And the SKP form at phone size: no tab, dialog or field wider than the screen.
 */
import { registry } from "@web/core/registry";
import { openSubordinates } from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const card = (name) => `.o_asn_subordinate_cards .o_kanban_record:contains('${name}')`;

/** Desktop: Subordinates opens as a table; the cards are one click away (the phone opens on them). */
function openSubordinateCards() {
    return [
        ...openSubordinates(),
        {
            isActive: ["desktop"],
            content: "Show the people as cards",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "One list of people, not columns per status",
            trigger: ".o_asn_subordinate_cards:not(:has(.o_kanban_group))",
        },
    ];
}

/** Tap Score on the card of ``name``: the dialog asks both ratings in one choice, As Expected until changed. */
function openScoreDialog(name) {
    return [
        {
            content: `Score ${name} from the card`,
            trigger: `${card(name)} button[name=action_open_quick_score]`,
            run: "click",
        },
        {
            content: `The dialog scores ${name}`,
            trigger: `.modal:has(.o_asn_quick_score) .modal-title:contains('${name}')`,
        },
        fitsThePhone("the scoring dialog"),
    ];
}

/** One tap sets both ratings: the cell ``pair`` ("result:behaviour") of the matrix, which names ``predikat``. */
function rate(pair, predikat) {
    const choices = ".modal .o_asn_quick_score .o_field_widget[name=rating_pair]";
    return [
        {
            content: `Ratings ${pair}`,
            trigger: `${choices} input[data-value='${pair}']`,
            run: "click",
        },
        {
            content: `The choice names its predikat: ${predikat}`,
            trigger: `${choices} .o_radio_item:has(input[data-value='${pair}']:checked):contains('${predikat}')`,
        },
    ];
}

/** From here, every tap (pointerdown) on the page is counted, up to ``tapsAre``. */
const countTaps = {
    content: "Count the taps",
    trigger: "body",
    run() {
        window.__asnTaps = 0;
        if (!window.__asnTapCounter) {
            window.__asnTapCounter = () => window.__asnTaps++;
            document.addEventListener("pointerdown", window.__asnTapCounter, true);
        }
    },
};

function tapsAre(count, who) {
    return {
        content: `${who} took ${count} taps`,
        trigger: "body",
        run() {
            if (window.__asnTaps !== count) {
                throw new Error(`${who} took ${window.__asnTaps} taps, not ${count}`);
            }
        },
    };
}

function confirmScore(name) {
    return [
        {
            content: "Score",
            trigger: ".modal:has(.o_asn_quick_score) .modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: `${name} is scored: the card leaves "Awaiting Me", the list stays`,
            trigger: `.o_asn_subordinate_cards:not(:has(.o_kanban_record:contains('${name}')))`,
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal .o_asn_quick_score))",
        },
    ];
}

/**
 * Three people scored without leaving the list: Staf Satu as expected in both (2 taps: Score, Score), Staf Dua
 * above expectations in both, Very Good (3 taps: Score, the choice, Score), Staf Tiga below expectations in the
 * work results (3 taps), refused until the reason is written.
 */
registry.category("web_tour.tours").add("hr_asn_kinerja_score_three_from_list", {
    url: "/odoo",
    steps: () => [
        ...openSubordinateCards(),
        {
            content: "The next step and its buttons are on each card, Return beside them",
            trigger: `${card("Staf Satu")} .o_asn_card_next_step:contains('score') ~ .o_asn_card_steps button[name=action_open_return_wizard]`,
        },
        countTaps,
        ...openScoreDialog("Staf Satu"),
        ...confirmScore("Staf Satu"),
        tapsAre(2, "Staf Satu, both ratings as expected,"),
        countTaps,
        ...openScoreDialog("Staf Dua"),
        ...rate("above:above", "Very Good"),
        ...confirmScore("Staf Dua"),
        tapsAre(3, "Staf Dua, both ratings changed,"),
        countTaps,
        ...openScoreDialog("Staf Tiga"),
        ...rate("below:as_expected", "Needs Improvement"),
        {
            content: "Below Expectations without a reason: refused",
            trigger: ".modal:has(.o_asn_quick_score) .modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The reason is asked for",
            trigger: ".modal .o_asn_quick_score .o_field_invalid[name=appraiser_feedback]",
        },
        {
            content: "Write the reason and the recommendation",
            trigger: ".modal .o_asn_quick_score .o_field_widget[name=appraiser_feedback] textarea",
            run: "edit Target laporan belum tercapai; ikuti bimbingan penyusunan laporan.",
        },
        ...confirmScore("Staf Tiga"),
    ],
});

/** Fails on anything wider than the screen: the page's scroll width, then each visible element's right edge. */
function fitsThePhone(where) {
    return {
        content: `Nothing is wider than the phone: ${where}`,
        trigger: "body",
        run() {
            const width = window.innerWidth;
            const page = document.documentElement.scrollWidth;
            if (page > width) {
                throw new Error(`${where}: the page is ${page} px wide on a ${width} px screen`);
            }
            const scope = document.querySelector(".modal .modal-content") || document.querySelector(".o_action_manager");
            const wide = [];
            for (const element of scope.querySelectorAll("*")) {
                const box = element.getBoundingClientRect();
                if (!box.width || !box.height || box.right <= width + 1 || !element.checkVisibility()) {
                    continue;
                }
                // cut off on purpose (an ellipsis, a clipped avatar): not reachable, not wider either
                const clipped = element.parentElement.closest(".text-truncate, [style*='overflow: hidden']");
                if (!clipped) {
                    wide.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} ` +
                        `(${Math.round(box.right)} px): ${(element.textContent || "").trim().slice(0, 40)}`);
                }
            }
            if (wide.length) {
                throw new Error(`${where}: wider than ${width} px: ${wide.slice(0, 5).join(" | ")}`);
            }
        },
    };
}

const TABS = ["results", "behavior", "evaluation", "feedback", "history", "attachment"];

function openDialog(content, trigger, where) {
    return [
        { content, trigger, run: "click" },
        { content: `The ${where} dialog is open`, trigger: ".modal .modal-content .o_form_view, .modal .o_form_renderer" },
        fitsThePhone(where),
        {
            content: `Close the ${where} dialog`,
            trigger: ".modal .modal-header button[aria-label=Close]",
            run: "click",
        },
        { content: "The dialog is closed", trigger: "body:not(:has(.modal))" },
    ];
}

/** The SKP at phone size: the plan before the identity, every tab reachable, every tab and dialog fits. */
registry.category("web_tour.tours").add("hr_asn_kinerja_skp_fits_phone", {
    steps: () => [
        {
            content: "The work results come before the identity blocks",
            trigger: ".o_asn_skp_form .o_asn_skp_notebook",
            run() {
                const plan = document.querySelector(".o_asn_skp_notebook").getBoundingClientRect().top;
                const identity = document.querySelector(".o_asn_identity").getBoundingClientRect().top;
                if (identity < plan) {
                    throw new Error("the identity fields still push the plan down");
                }
            },
        },
        fitsThePhone("the SKP form"),
        ...TABS.flatMap((tab) => [
            {
                content: `Tab ${tab}: its title is on the screen`,
                trigger: `.o_asn_skp_notebook .nav-link[name=${tab}]`,
                run({ anchor }) {
                    const box = anchor.getBoundingClientRect();
                    if (box.right > window.innerWidth || box.left < 0) {
                        throw new Error(`the tab ${tab} is off the screen (${Math.round(box.left)}-${Math.round(box.right)} px)`);
                    }
                    anchor.click();
                },
            },
            { content: `Tab ${tab} is open`, trigger: `.o_asn_skp_notebook .nav-link.active[name=${tab}]` },
            fitsThePhone(`the tab ${tab}`),
        ]),
        {
            content: "Back to the work results",
            trigger: ".o_asn_skp_notebook .nav-link[name=results]",
            run: "click",
        },
        {
            content: "Open a work result",
            trigger: ".o_field_widget[name=main_line_ids] .o_kanban_record:not(.o_kanban_ghost)",
            run: "click",
        },
        {
            content: "The realisation input shows its line",
            trigger: ".modal .o_asn_line_form .o_field_widget[name=realization] input",
            run({ anchor }) {
                const line = getComputedStyle(anchor);
                if (!parseFloat(line.borderBottomWidth) || line.borderBottomColor === "rgba(0, 0, 0, 0)") {
                    throw new Error("the realisation input is invisible until tapped");
                }
                const labels = [...document.querySelectorAll(".modal .o_asn_line_form .o_form_label")].map(
                    (label) => label.textContent.trim()
                );
                if (new Set(labels).size !== labels.length) {
                    throw new Error(`two fields share a label: ${labels.join(", ")}`);
                }
            },
        },
        fitsThePhone("the work result dialog"),
        {
            content: "Close it",
            trigger: ".modal .modal-header button[aria-label=Close]",
            run: "click",
        },
        { content: "The dialog is closed", trigger: "body:not(:has(.modal))" },
        {
            content: "Open the Work Behaviour tab",
            trigger: ".o_asn_skp_notebook .nav-link[name=behavior]",
            run: "click",
        },
        ...openDialog(
            "Open a behaviour",
            ".o_field_widget[name=behavior_line_ids] .o_kanban_record:not(.o_kanban_ghost)",
            "behaviour"
        ),
    ],
});

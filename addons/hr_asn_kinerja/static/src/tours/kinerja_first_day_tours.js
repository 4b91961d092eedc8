/**
 * First day: what the employee, the appraiser and the HR officer meet, on a desktop (1366x900)
 * and on a phone (390x844). Run by hr_asn_kinerja/tests/test_first_day.py, which prepares the
 * SKPs (Staf Satu's plan returned, Staf Dua's submitted, finished ones with every predikat).
 */
import { registry } from "@web/core/registry";
import { clickHeaderButton, openKinerjaMenu } from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const tours = registry.category("web_tour.tours");
const RETURN_REASON = "Target terlalu rendah";

/** The form of ``employee``'s SKP is the screen. */
function skpForm(employee) {
    return {
        content: `The SKP of ${employee} is shown`,
        trigger: `.o_form_view .o_field_widget[name=employee_id]:contains('${employee}')`,
    };
}

/** The "next step" line of the form says ``text``. */
function nextStep(text) {
    return {
        content: `Next step: ${text}`,
        trigger: `.o_form_view .o_asn_next_step:visible:contains('${text}')`,
    };
}

/** The returned SKP says so, with the reason, at the top of its form. */
function returnedBadge() {
    return {
        content: "The form says the SKP came back, and why",
        trigger: `.o_form_view .o_asn_returned:visible:contains('Returned'):contains('${RETURN_REASON}')`,
    };
}

/** The landing screen: no OdooBot chat, no Apps menu, no Odoo.com account, Help opens the guide. */
function noOdooExtras() {
    return [
        {
            content: "No OdooBot chat window",
            trigger: "body:not(:has(.o-mail-ChatWindow))",
        },
        {
            isActive: ["desktop"],
            content: "Open the user menu",
            trigger: ".o_user_menu button",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Help opens the Kinerja ASN guide; no Odoo.com account, no shortcuts",
            trigger: ".dropdown-menu [data-menu=support][href='/kinerja/panduan']",
            run() {
                const menu = document.querySelector(".dropdown-menu");
                for (const item of ["odoo_account", "shortcuts"]) {
                    if (menu.querySelector(`[data-menu=${item}]`)) {
                        throw new Error(`The user menu still offers "${item}"`);
                    }
                }
            },
        },
        {
            isActive: ["desktop"],
            content: "Close the user menu",
            trigger: ".o_user_menu button",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button:enabled",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Kinerja ASN is there, the Apps menu (install requests) is not",
            trigger:
                ".o-dropdown--menu:has(.o_app[data-menu-xmlid='hr_asn_kinerja.menu_kinerja_root'])" +
                ":not(:has(.o_app[data-menu-xmlid='base.menu_management']))",
        },
        {
            isActive: ["desktop"],
            content: "Close the apps menu",
            trigger: ".o_navbar_apps_menu button:enabled",
            run: "click",
        },
    ];
}

/** Every card of the kanban names its employee, readably (not squeezed to 0 px). */
function namesOnEveryCard(minimum) {
    return {
        content: `At least ${minimum} cards, each with the employee's name`,
        trigger: `.o_kanban_view .o_kanban_record:not(.o_kanban_ghost):eq(${minimum - 1})`,
        run() {
            const cards = document.querySelectorAll(".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)");
            for (const card of cards) {
                const name = card.querySelector(".o_asn_card_name");
                if (!name || !name.textContent.trim() || name.getBoundingClientRect().width < 10) {
                    throw new Error(`A card does not show the employee's name: ${card.textContent}`);
                }
            }
        },
    };
}

/** The card of ``employee`` shows ``text`` (a badge, a next step). */
function cardShows(employee, text) {
    return {
        content: `The card of ${employee} shows "${text}"`,
        trigger: `.o_kanban_view .o_kanban_record:contains('${employee}'):contains('${text}')`,
    };
}

/** No element of the form is wider than the screen, and the page never scrolls sideways. */
function fitsTheScreen() {
    return {
        content: "Nothing of the SKP form is wider than the screen",
        trigger: ".o_form_view .o_form_sheet",
        run() {
            const width = window.innerWidth;
            const wide = [...document.querySelectorAll(".o_form_view, .o_form_view *")].filter(
                (el) => el.getBoundingClientRect().width > width + 1
            );
            if (wide.length) {
                const names = wide.slice(0, 5).map((el) => `${el.tagName}.${[...el.classList].join(".")}`);
                throw new Error(`Wider than the ${width} px screen: ${names.join(", ")}`);
            }
            if (document.documentElement.scrollWidth > width + 1) {
                throw new Error(`The page scrolls sideways (${document.documentElement.scrollWidth} px)`);
            }
        },
    };
}

/** On a phone the work results are cards, each with every column of the desktop table. */
function workResultCards() {
    // the columns of the desktop table
    const labels = ["Individual Performance Indicator", "Aspect", "Target", "Realisation", "Evidence", "Appraiser's Feedback", "Thread"];
    return [
        {
            isActive: ["mobile"],
            content: "The main work results are cards, not a table",
            trigger: ".o_field_widget[name=main_line_ids] .o_field_x2many_kanban .o_kanban_record:contains('Laporan kegiatan')",
            run() {
                const field = document.querySelector(".o_field_widget[name=main_line_ids]");
                if (field.querySelector("table")) {
                    throw new Error("The work results are still a table");
                }
                const card = field.querySelector(".o_kanban_record:not(.o-kanban-button-new)");
                const shown = [...card.querySelectorAll("dt")].map((dt) => dt.textContent.trim());
                for (const label of labels) {
                    if (!shown.includes(label)) {
                        throw new Error(`The card lacks ${label}`);
                    }
                }
            },
        },
        fitsTheScreen(),
        {
            isActive: ["mobile"],
            content: "Open the work behaviour",
            trigger: ".o_form_view .o_notebook .nav-link:contains('Work Behaviour')",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "The behaviour rows are cards with their rating",
            trigger: ".o_field_widget[name=behavior_line_ids] .o_field_x2many_kanban .o_kanban_record:contains('Rating')",
        },
    ];
}

// ---------------------------------------------------------------------------------------------
// employee
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_first_day_employee", {
    steps: () => [
        // lands on the current SKP, not in Discuss
        skpForm("Staf Satu"),
        returnedBadge(),
        nextStep("Your turn: complete the plan and submit it"),
        ...noOdooExtras(),
        ...workResultCards(),
        fitsTheScreen(),
        {
            content: "Back to the work results",
            trigger: ".o_form_view .o_notebook .nav-link:contains('Work Results')",
            run: "click",
        },
        // the list says the same
        ...openKinerjaMenu("hr_asn_kinerja.menu_appraisal_mine", "My SKP"),
        {
            isActive: ["desktop"],
            content: "My SKP lists the returned SKP with its badge and reason",
            trigger: `.o_list_view .o_data_row:contains('Staf Satu') .o_field_widget[name=status]:contains('Returned')`,
        },
        {
            isActive: ["desktop"],
            content: "... and why",
            trigger: `.o_list_view .o_data_row:contains('Staf Satu'):contains('${RETURN_REASON}')`,
        },
        {
            isActive: ["desktop"],
            content: "Open it again",
            trigger: ".o_list_view .o_data_row:contains('Staf Satu') .o_data_cell[name=employee_id]",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "My SKP shows the card with the badge and the reason",
            trigger: `.o_kanban_view .o_kanban_record:contains('Staf Satu'):contains('Returned'):contains('${RETURN_REASON}')`,
            run: "click",
        },
        skpForm("Staf Satu"),
        clickHeaderButton("Submit Plan"),
        {
            content: "A message confirms the step and says what comes next",
            trigger: ".o_notification:contains('Plan submitted for approval'):contains('Waiting for Kepala Bidang to approve the plan')",
        },
        nextStep("Waiting for Kepala Bidang to approve the plan"),
        {
            content: "Submitted: the badge is gone, rows can be neither added nor removed",
            trigger: ".o_form_view:not(:has(.o_asn_returned:visible))",
            run() {
                const rows = document.querySelector(".o_field_widget[name=main_line_ids]");
                if (rows.querySelector(".o_field_x2many_list_row_add, .o_list_record_remove, .o-kanban-button-new")) {
                    throw new Error("A submitted plan still offers to add or delete rows");
                }
            },
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// appraiser
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_first_day_appraiser", {
    steps: () => [
        // a plan waits for him: he lands on what waits, not on his own SKP (one landing rule, docs/rules.md §26)
        {
            content: "Lands on Subordinates, filtered on what awaits him",
            trigger: ".o_breadcrumb .active:contains('Subordinates')",
        },
        {
            isActive: ["desktop"],
            content: "... the filter Awaiting Me is on",
            trigger: ".o_searchview .o_facet_values:contains('Awaiting Me')",
        },
        {
            isActive: ["desktop"],
            content: "Switch to the cards",
            trigger: ".o_control_panel .o_switch_view.o_kanban",
            run: "click",
        },
        namesOnEveryCard(1),
        cardShows("Staf Dua", "Waiting for your approval"),
        {
            content: "Open the card of Staf Dua",
            trigger: ".o_kanban_view .o_kanban_record:contains('Staf Dua') .o_asn_card_name",
            run: "click",
        },
        skpForm("Staf Dua"),
        nextStep("Waiting for your approval"),
        clickHeaderButton("Approve Plan"),
        {
            content: "A message confirms the approval and says what comes next",
            trigger: ".o_notification:contains('Plan approved'):contains('Waiting for Staf Dua to enter the realisation')",
        },
        nextStep("Waiting for Staf Dua to enter the realisation"),
        fitsTheScreen(),
    ],
});

// ---------------------------------------------------------------------------------------------
// HR officer
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_first_day_officer", {
    steps: () => [
        {
            content: "HR lands on All SKP, on the open periods",
            trigger: ".o_breadcrumb .active:contains('All SKP')",
        },
        {
            isActive: ["desktop"],
            content: "... filtered on the open periods",
            trigger: ".o_searchview_facet:contains('Open Periods')",
        },
        ...noOdooExtras(),
        {
            isActive: ["desktop"],
            content: "The list shows the returned SKP with its badge and reason",
            trigger: `.o_list_view .o_data_row:contains('Staf Satu'):contains('Returned'):contains('${RETURN_REASON}')`,
        },
        {
            isActive: ["desktop"],
            content: "... and the NIP",
            trigger: ".o_list_view .o_data_row:contains('Staf Satu'):contains('198503152010011003')",
        },
        {
            isActive: ["desktop"],
            content: "Switch to the cards",
            trigger: ".o_control_panel .o_switch_view.o_kanban",
            run: "click",
        },
        namesOnEveryCard(6),
        cardShows("Staf Satu", "Returned"),
        cardShows("Staf Satu", RETURN_REASON),
        cardShows("Staf Dua", "198503152010012004"),
        {
            isActive: ["desktop"],
            content: "Open the pivot",
            trigger: ".o_control_panel .o_switch_view.o_pivot",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "The predikat columns follow the scale, Very Good first",
            trigger: ".o_pivot thead .o_pivot_header_cell_closed:contains('Very Poor')",
            run() {
                const order = ["Very Good", "Good", "Needs Improvement", "Poor / Misconduct", "Very Poor"];
                const headers = [...document.querySelectorAll(".o_pivot thead .o_pivot_header_cell_closed")]
                    .map((th) => th.textContent.trim())
                    .filter((text) => order.includes(text));
                const expected = [...headers].sort((a, b) => order.indexOf(a) - order.indexOf(b));
                if (headers.length !== 5 || headers.join() !== expected.join()) {
                    throw new Error(`Predikat columns in the wrong order: ${headers.join(", ")}`);
                }
            },
        },
        {
            isActive: ["desktop"],
            content: "Open the graph",
            trigger: ".o_control_panel .o_switch_view.o_graph",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Each predikat has its colour, green to red",
            trigger: ".o_graph_renderer canvas",
            run() {
                const chart = window.Chart?.getChart(document.querySelector(".o_graph_renderer canvas"));
                const colors = Object.fromEntries(
                    (chart?.data.datasets || []).map((dataset) => [dataset.label, dataset.backgroundColor])
                );
                const expected = { "Very Good": "#1e7b34", "Needs Improvement": "#f2c12e", "Very Poor": "#c8232c" };
                for (const [label, color] of Object.entries(expected)) {
                    if (colors[label] !== color) {
                        throw new Error(`${label} is drawn in ${colors[label]}, not ${color}`);
                    }
                }
            },
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// a finished SKP
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_finished_skp", {
    steps: () => [
        skpForm("Pengelola BKPSDM"),
        {
            content: "Ratings, predikat and what happens next come before the people",
            trigger: ".o_form_view .o_field_widget[name=predicate] .badge:contains('Good')",
            run() {
                const top = (selector) => document.querySelector(selector).getBoundingClientRect().top;
                const people = top(".o_form_view .o_inner_group:has(.o_field_widget[name=employee_nip])");
                for (const selector of [".o_asn_next_step:not(.d-none)", ".o_field_widget[name=predicate]", ".o_field_widget[name=result_rating]"]) {
                    const element = document.querySelector(`.o_form_view ${selector}`);
                    if (!element || element.getBoundingClientRect().top > people) {
                        throw new Error(`${selector} is not above the people`);
                    }
                }
                if (top(".o_form_view .o_field_widget[name=predicate]") > window.innerHeight) {
                    throw new Error("The predikat is below the first screen");
                }
            },
        },
        // the officer reads their own final result: theirs to read (docs/rules.md §21)
        nextStep("Your turn: read your result, then say that you have read it or file an objection"),
        fitsTheScreen(),
    ],
});

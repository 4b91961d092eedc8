/**
 * Mutasi / Promosi (docs/rules.md §17): HR records a transfer from the employee form, then the appraiser of
 * the new post opens the new SKP, sees the earlier part next to it and sets the result of the year.
 *
 * Run by hr_asn_kinerja/tests/test_tours.py and test_transfer_tours.py; the test moves "Staf Satu" (appraised
 * by "Kepala Bidang") to "Dinas Lain", headed by "Pegawai Lain", and checks the records server side.
 */
import { registry } from "@web/core/registry";
import {
    chooseSelection,
    clickHeaderButton,
    formInState,
    openSubordinates,
} from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const STAFF = "Staf Satu";
const OLD_APPRAISER = "Kepala Bidang";
const NEW_UNIT = "Dinas Lain";
const NEW_APPRAISER = "Pegawai Lain";
const NEW_JOB = "Analis Kinerja";

function chooseMany2one(name, search, label) {
    return [
        {
            content: `Search ${search} in ${name}`,
            trigger: `.modal .o_field_widget[name=${name}] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose ${label}`,
            trigger: `.o-autocomplete--dropdown-item:contains('${label}')`,
            run: "click",
        },
        {
            content: `${name} is ${label}`,
            trigger: `.modal .o_field_widget[name=${name}] input:value('${label}')`,
        },
    ];
}

/** Pengelola Kinerja: employee form > ASN tab > Mutasi / Promosi > date, unit, job, reason > Apply. */
registry.category("web_tour.tours").add("hr_asn_kinerja_transfer_desktop", {
    steps: () => [
        {
            content: "Open the ASN tab of the employee",
            trigger: ".o_form_view .o_notebook a.nav-link[name=asn_identity]",
            run: "click",
        },
        {
            content: "Mutasi / Promosi",
            trigger: ".o_form_view button[name=action_open_transfer_wizard]",
            run: "click",
        },
        {
            content: "Open the date picker of the first day in the new post",
            trigger: ".modal .o_field_widget[name=date] button",
            run: "click",
        },
        {
            content: "The first day in the new post",
            trigger: ".modal .o_field_widget[name=date] input",
            run: "edit 07/01/2026 && press Enter",
        },
        {
            content: "The dialog says what happens to the SKP",
            trigger: ".modal .o_field_widget[name=preview]:contains('a new SKP starts on 2026-07-01')",
        },
        ...chooseMany2one("department_id", NEW_UNIT, NEW_UNIT),
        {
            content: "The head of the new unit becomes the appraiser",
            trigger: `.modal .o_field_widget[name=appraiser_id] input:value('${NEW_APPRAISER}')`,
        },
        ...chooseMany2one("job_id", "Analis", NEW_JOB),
        {
            content: "The decree of the transfer",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit SK Bupati 800/123/BKPSDM/2026",
        },
        {
            content: "Apply the transfer",
            trigger: ".modal .modal-footer button[name=action_apply]",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        ...formInState(STAFF, "Draft"),
        {
            content: "The new SKP shows the earlier part",
            trigger: `.o_form_view .o_field_widget[name=parts_html]:contains('${OLD_APPRAISER}')`,
        },
    ],
});

/** The new appraiser: Subordinates > the new SKP > the parts of the period, the earlier one with its appraiser. */
registry.category("web_tour.tours").add("hr_asn_kinerja_transfer_parts_desktop", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        {
            content: "Open the SKP of the new post",
            trigger: `.o_list_view .o_data_row:contains('${STAFF}'):contains('Submitted') .o_list_record_open_form_view button`,
            run: "click",
        },
        ...formInState(STAFF, "Submitted"),
        {
            content: "The earlier part is listed with its appraiser, end and state",
            trigger:
                `.o_form_view .o_field_widget[name=parts_html] tr:contains('${OLD_APPRAISER}')` +
                ":contains('2026-06-30'):contains('Approved')",
        },
        {
            content: "and the part of the new post",
            trigger: `.o_form_view .o_field_widget[name=parts_html] tr:contains('${NEW_APPRAISER}'):contains('${NEW_UNIT}')`,
        },
    ],
});

/** The same on a phone: the card of the new SKP in the Submitted column of the Subordinates kanban. */
registry.category("web_tour.tours").add("hr_asn_kinerja_transfer_parts_mobile", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        {
            content: "Open the card of the SKP of the new post",
            // Subordinates is one list of people, no status columns
            trigger: `.o_kanban_view .o_kanban_record:contains('${STAFF}'):contains('Submitted')`,
            run: "click",
        },
        ...formInState(STAFF, "Submitted"),
        {
            content: "The earlier part is listed with its appraiser, end and state",
            trigger:
                `.o_form_view .o_field_widget[name=parts_html] tr:contains('${OLD_APPRAISER}')` +
                ":contains('2026-06-30'):contains('Approved')",
        },
    ],
});

/**
 * The result of the year, by the appraiser of the last post (test_transfer_tours.py): the earlier part
 * (January to March, 3 months) was scored Above Expectations on both by Kepala Bidang; the part of the new
 * post (9 months) is rated As Expected on both, so the proposal weighing each part by its months is As
 * Expected on both, predikat Good.
 */
function openSelfAssessedSkp() {
    return [
        ...openSubordinates(),
        {
            isActive: ["desktop"],
            content: "Open the self-assessed SKP of the new post",
            trigger: `.o_list_view .o_data_row:contains('${STAFF}'):contains('Self-assessed') .o_list_record_open_form_view button`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the card of the self-assessed SKP of the new post",
            // Subordinates is one list of people, no status columns
            trigger: `.o_kanban_view .o_kanban_record:contains('${STAFF}'):contains('Self-assessed')`,
            run: "click",
        },
        ...formInState(STAFF, "Self-assessed"),
    ];
}

function seeTheEarlierPartAndRateThisPost() {
    const parts = ".o_form_view .o_field_widget[name=parts_html]";
    return [
        {
            content: "The earlier part: its appraiser, months, ratings, predikat and state, side by side",
            trigger:
                `${parts} tr:contains('${OLD_APPRAISER}'):contains('2026-03-31'):contains('3.0')` +
                ":contains('Above Expectations'):contains('Very Good'):contains('Scored')",
        },
        {
            content: "and the part of the new post, 9 months",
            trigger: `${parts} tr:contains('${NEW_APPRAISER}'):contains('${NEW_UNIT}'):contains('9.0')`,
        },
        ...chooseSelection(".o_form_view", "part_result_rating", "As Expected"),
        ...chooseSelection(".o_form_view", "part_behavior_rating", "As Expected"),
        {
            content: "The proposal weighs the parts by their months: As Expected, predikat Good",
            trigger:
                ".o_form_view .o_field_widget[name=proposed_result_rating]:contains('As Expected')" +
                ":not(:contains('Above'))",
        },
        {
            content: "The proposed predikat",
            trigger: ".o_form_view .o_field_widget[name=proposed_predicate]:text('Good')",
        },
    ];
}

/** Desktop: the appraiser chooses otherwise than the proposal, is asked why, writes it, and scores. */
registry.category("web_tour.tours").add("hr_asn_kinerja_transfer_annual_desktop", {
    url: "/odoo",
    steps: () => [
        ...openSelfAssessedSkp(),
        ...seeTheEarlierPartAndRateThisPost(),
        // the strong first months weigh for more than their share, in the appraiser's judgement
        ...chooseSelection(".o_form_view", "result_rating", "Above Expectations"),
        ...chooseSelection(".o_form_view", "behavior_rating", "As Expected"),
        clickHeaderButton("Score"),
        {
            content: "A choice other than the proposal needs the appraiser's reason",
            trigger: ".modal:contains('differ from the proposal')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The SKP is still self-assessed",
            trigger: "body:not(:has(.modal)) .o_form_view .o_statusbar_status button[aria-checked=true]:contains('Self-assessed')",
        },
        {
            content: "Open the Evaluation tab",
            trigger: ".o_form_view .o_notebook a.nav-link[name=evaluation]",
            run: "click",
        },
        {
            content: "Say why the result differs from the proposal",
            trigger: ".o_form_view .o_field_widget[name=appraiser_feedback] textarea",
            run: "edit Target Januari-Maret jauh terlampaui; bobotnya lebih dari tiga bulan.",
        },
        clickHeaderButton("Score"),
        ...formInState(STAFF, "Scored"),
        {
            content: "The predikat of the year",
            trigger: ".o_form_view .o_field_widget[name=predicate] .badge:text('Good')",
        },
        {
            content: "The chatter explains the choice against the proposal and lists the parts",
            trigger:
                ".o-mail-Message:contains('Result of the period over 2 parts'):contains('chose otherwise than the proposal')" +
                `:contains('${OLD_APPRAISER}')`,
        },
    ],
});

/** Phone: the appraiser keeps the proposal and scores. */
registry.category("web_tour.tours").add("hr_asn_kinerja_transfer_annual_mobile", {
    url: "/odoo",
    steps: () => [
        ...openSelfAssessedSkp(),
        ...seeTheEarlierPartAndRateThisPost(),
        {
            content: "Use the proposal",
            trigger: ".o_form_view button[name=action_use_proposal]",
            run: "click",
        },
        {
            content: "The result of the year takes the proposal",
            trigger: ".o_form_view .o_field_widget[name=result_rating] .o_select_menu_toggler:value('As Expected')",
        },
        {
            content: "on both ratings",
            trigger: ".o_form_view .o_field_widget[name=behavior_rating] .o_select_menu_toggler:value('As Expected')",
        },
        clickHeaderButton("Score"),
        ...formInState(STAFF, "Scored"),
        {
            content: "The chatter says the result follows the proposal and lists the parts",
            trigger:
                ".o-mail-Message:contains('Result of the period over 2 parts'):contains('follows the proposal')" +
                `:contains('${OLD_APPRAISER}')`,
        },
    ],
});

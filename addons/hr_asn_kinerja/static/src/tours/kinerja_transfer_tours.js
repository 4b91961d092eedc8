/**
 * Mutasi / Promosi (docs/rules.md §17): HR records a transfer from the employee form, then the appraiser of
 * the new post opens the new SKP and sees the earlier part next to it.
 *
 * Run by hr_asn_kinerja/tests/test_tours.py; the test moves "Staf Satu" (appraised by "Kepala Bidang") to
 * "Dinas Lain", headed by "Pegawai Lain", and checks the records server side.
 */
import { registry } from "@web/core/registry";
import { formInState, openSubordinates } from "@hr_asn_kinerja/tours/kinerja_tour_utils";

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

/**
 * The competency needs plan (AKPK, docs/rules.md §25) and the talent box (docs/rules.md §18) in the
 * browser, on a desktop (1366x900) and on a phone (390x844): the head of the unit generates and submits
 * the plan of the unit, HR sets it and finds the training requests it made; a member of the Komite
 * Talenta sets the talent box and sees the grid of boxes; the employee reads their own box on
 * Pengembangan Saya. Run by hr_asn_training/tests/test_tour_development.py, which prepares the records
 * and checks them afterwards. Every step waits on a real element of the UI, none on a timer.
 */
import { registry } from "@web/core/registry";
import { openKinerjaApp, openNavbarSubmenu } from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const tours = registry.category("web_tour.tours");
const UNIT = "Dinas Uji";
const NEEDS_MENU = "hr_asn_training.menu_training_needs";
const NEEDS = "Competency Needs (AKPK)";

/** Kinerja ASN > ``section`` > ``menu``: a dropdown of the navbar (desktop) or the app sidebar (phone). */
function openSubmenu(sectionXmlid, menuXmlid, breadcrumb) {
    const [openSection, openMenu, shown] = openNavbarSubmenu(sectionXmlid, menuXmlid, breadcrumb);
    return [
        ...openKinerjaApp(),
        { ...openSection, isActive: ["desktop"] },
        { ...openMenu, isActive: ["desktop"] },
        {
            isActive: ["mobile"],
            content: "Open the app sidebar",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: `Open ${breadcrumb}`,
            trigger: `.o_app_menu_sidebar li[data-menu-xmlid='${menuXmlid}']`,
            run: "click",
        },
        shown,
    ];
}

/** The status bar of the form shows ``label`` (a row of steps on a desktop, a dropdown on a phone). */
function stateIs(label) {
    return {
        content: `The record is ${label}`,
        trigger:
            `.o_form_view .o_statusbar_status button[aria-checked=true]:contains('${label}'),` +
            `.o_form_view .o_statusbar_status .dropdown-toggle:contains('${label}')`,
    };
}

/** A header button visible at once, also on a phone (where the others go under "More"). */
function clickHeader(name, label) {
    return {
        content: `Click "${label}"`,
        trigger: `.o_form_view .o_statusbar_buttons > button[name=${name}]:enabled:contains('${label}')`,
        run: "click",
    };
}

/** The list ``scope`` has exactly ``count`` records. */
function rowCount(scope, count) {
    return {
        content: `${count} rows are listed`,
        trigger: `${scope} tbody:has(.o_data_row:nth-child(${count})):not(:has(.o_data_row:nth-child(${count + 1})))`,
    };
}

function openRow(text, state) {
    return [
        {
            content: `The row of ${text} is ${state}`,
            trigger: `.o_list_view .o_data_row:contains('${text}') .badge:contains('${state}')`,
        },
        {
            content: `Open the row of ${text}`,
            trigger: `.o_list_view .o_data_row:contains('${text}') td.o_data_cell:first`,
            run: "click",
        },
    ];
}

/** Click the smart button ``name`` showing ``text`` (on a phone the smart buttons wait behind a button). */
function clickStatButton(name, text, content) {
    return [
        {
            isActive: ["mobile"],
            content: "Show the smart buttons",
            trigger: ".o_form_view .o-form-buttonbox .o_button_more",
            run: "click",
        },
        {
            content,
            trigger: `.o-form-buttonbox .oe_stat_button[name=${name}]:contains('${text}')`,
            run: "click",
        },
    ];
}

const LINES = ".o_form_view .o_field_widget[name=line_ids]";

/** Head of the unit: AKPK > the draft plan of the unit > Generate Needs > Submit to HR. */
tours.add("hr_asn_training_akpk_unit_head", {
    url: "/odoo",
    steps: () => [
        ...openSubmenu("hr_asn_training.menu_training_root", NEEDS_MENU, NEEDS),
        ...openRow(UNIT, "Draft"),
        stateIs("Draft"),
        {
            content: "Nothing is planned yet",
            trigger: `${LINES}:not(:has(.o_data_row))`,
        },
        clickHeader("action_generate", "Generate Needs"),
        // Staf Satu is below the standard in one competency, Staf Dua (no profile yet) in both
        rowCount(LINES, 3),
        {
            content: "Staf Satu needs the course that teaches Penyusunan Laporan",
            trigger: `${LINES} .o_data_row:contains('Staf Satu'):contains('Penyusunan Laporan'):contains('Bimtek Uji')`,
        },
        {
            content: "Staf Dua needs the integrity course",
            trigger: `${LINES} .o_data_row:contains('Staf Dua'):contains('Pelatihan Integritas')`,
        },
        {
            content: "Two people are in the plan",
            trigger: ".o_form_view .o_field_widget[name=people_count]:text('2')",
        },
        clickHeader("action_submit", "Submit to HR"),
        stateIs("Submitted"),
        {
            content: "The unit can only send it back now",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name=action_submit]))",
        },
    ],
});

/** HR: AKPK > the submitted plan > Set the Plan (confirmed) > the training requests it made. */
tours.add("hr_asn_training_akpk_hr", {
    url: "/odoo",
    steps: () => [
        ...openSubmenu("hr_asn_training.menu_training_root", NEEDS_MENU, NEEDS),
        ...openRow(UNIT, "Submitted"),
        stateIs("Submitted"),
        clickHeader("action_set", "Set the Plan"),
        {
            content: "Confirm: setting the plan creates the training requests",
            trigger: ".modal:contains('creates the training requests') .modal-footer .btn-primary",
            run: "click",
        },
        stateIs("Set"),
        {
            content: "The plan wears the Set ribbon",
            trigger: ".o_form_view .ribbon:contains('Set')",
        },
        ...clickStatButton("action_view_requests", "3", "One request per person and course: three"),
        {
            content: "The training requests are shown",
            trigger: ".o_breadcrumb .active:contains('Training Requests')",
        },
        rowCount(".o_list_view", 3),
        {
            content: "Staf Satu's request for Bimtek Uji is among them",
            trigger: ".o_list_view .o_data_row:contains('Staf Satu'):contains('Bimtek Uji')",
        },
    ],
});

const boxColumn = (label) => `.o_kanban_view .o_kanban_group:has(.o_column_title:contains('${label}'))`;

/** A member of the Komite Talenta: Talent Box > the reviewed box > Set > the grid of the nine boxes. */
tours.add("hr_asn_training_talent_committee", {
    url: "/odoo",
    steps: () => [
        ...openSubmenu("hr_asn_training.menu_training_root", "hr_asn_training.menu_talent_box", "Talent Box"),
        ...openRow("Tahun 2026", "Reviewed"),
        stateIs("Reviewed"),
        clickHeader("action_set", "Set"),
        stateIs("Set"),
        {
            content: "The minutes name who set it",
            trigger: ".o_form_view .o_field_widget[name=set_by_id]:contains('Anggota Komite')",
        },
        ...clickStatButton("action_view_lines", "2", "Open the grid of its two employees"),
        {
            content: "Staf Satu sits in box 9: high potential, above expectation",
            trigger: `${boxColumn("9 - High potential, above expectation")} .o_kanban_record:contains('Staf Satu')`,
        },
        {
            content: "Staf Dua sits in box 3: medium potential, below expectation",
            trigger: `${boxColumn("3 - Medium potential, below expectation")} .o_kanban_record:contains('Staf Dua')`,
        },
        {
            content: "Nobody waits for a potential",
            trigger: `${boxColumn("No Potential Yet")}:not(:has(.o_kanban_record))`,
        },
    ],
});

/** The employee: My Development shows their own box once it is set, and nobody else's page. */
tours.add("hr_asn_training_talent_employee", {
    url: "/odoo",
    steps: () => [
        ...openSubmenu(
            "hr_asn_training.menu_training_root",
            "hr_asn_training.menu_training_development",
            "My Development"
        ),
        {
            content: "My card shows my talent box",
            trigger: ".o_kanban_view .o_kanban_record:contains('Staf Satu') div:contains('Talent box') > span:text('9')",
        },
        {
            content: "Only my own page is there",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Staf Dua')))",
        },
        {
            content: "Open my page",
            trigger: ".o_kanban_view .o_kanban_record:contains('Staf Satu')",
            run: "click",
        },
        {
            content: "The page shows box 9",
            trigger: ".o_form_view .o_field_widget[name=talent_box]:text('9')",
        },
    ],
});

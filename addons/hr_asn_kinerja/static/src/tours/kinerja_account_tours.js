/**
 * Accounts for everyone (docs/rules.md §23), as HR does it after the SIASN import:
 * - desktop: Monitoring > Data Quality, filter "Without User", select two people, "Create Accounts", read the
 *   summary; then, on a phone as on a desktop, open their unit and download its account letters (one PDF).
 * - demo: Import from SIASN offers the repository's sample files in one click; the preview counts them.
 * Run by hr_asn_kinerja/tests/test_account_tours.py, which prepares the people and checks them afterwards.
 */
import { registry } from "@web/core/registry";
import { download } from "@web/core/network/download";
import { openKinerjaApp, openNavbarSubmenu } from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const tours = registry.category("web_tour.tours");
const PEOPLE = ["Rina Pindahan", "Yusuf Pindahan"];
const LETTERS = "report_account_letter";

/** Keep what the page downloads on the body (data-kinerja-download), then download it as usual. */
function watchDownloads() {
    return {
        content: "Watch what the page downloads",
        trigger: "body",
        run() {
            const original = download._download;
            download._download = (options) => {
                document.body.dataset.kinerjaDownload = options.data?.data || options.url;
                return original(options);
            };
        },
    };
}

function openActionMenu() {
    return [
        {
            content: "Open the action menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
    ];
}

tours.add("hr_asn_kinerja_create_accounts", {
    steps: () => [
        ...openKinerjaApp(),
        ...openNavbarSubmenu(
            "hr_asn_kinerja.menu_kinerja_monitoring",
            "hr_asn_kinerja.menu_employee_data_quality",
            "Data Quality"
        ),
        {
            content: "Leave the default filter",
            trigger: ".o_searchview_facet:contains('Without Appraiser') .o_facet_remove",
            run: "click",
        },
        {
            content: "Open the filters",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Keep the people without a user",
            trigger: ".o_filter_menu .o-dropdown-item:contains('Without User')",
            run: "click",
        },
        {
            content: "The list shows the people without a user (those with one, as Staf Satu, are gone)",
            trigger:
                ".o_list_view:has(.o_data_row:contains('Rina Pindahan')):not(:has(.o_data_row:contains('Staf Satu')))",
        },
        ...PEOPLE.flatMap((name) => [
            {
                content: `Select ${name}`,
                trigger: `.o_list_view .o_data_row:contains('${name}') .o_list_record_selector input:not(:checked)`,
                run: "click",
            },
            {
                content: `${name} is selected`,
                trigger: `.o_list_view .o_data_row:contains('${name}') .o_list_record_selector input:checked`,
            },
        ]),
        {
            content: "Two people are selected",
            trigger: ".o_selection_box:contains('2 selected')",
        },
        ...openActionMenu(),
        {
            content: "Create their accounts",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Create Accounts')",
            run: "click",
        },
        {
            content: "HR reads the summary: two accounts, one invitation, one letter to print",
            trigger:
                ".o_notification:contains('Accounts for employees')" +
                ":contains('2 account(s) created, 1 invited by e-mail, 1 without e-mail')",
        },
        {
            content: "They leave the list of people without a user",
            trigger: `.o_list_view:not(:has(.o_data_row:contains('${PEOPLE[0]}')))`,
        },
    ],
});

// the unit's form (desktop or phone): its account letters in one PDF
tours.add("hr_asn_kinerja_unit_letters", {
    steps: () => [
        watchDownloads(),
        {
            content: "The unit is shown",
            trigger:
                ".o_form_view .o_field_widget[name=name] input:value('Bidang Pindahan')," +
                ".o_form_view .o_field_widget[name=name]:contains('Bidang Pindahan')",
        },
        ...openActionMenu(),
        {
            content: "Print the unit's account letters",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Print Account Letters')",
            run: "click",
        },
        {
            content: "The letters of the unit are downloaded as one PDF",
            trigger: `body[data-kinerja-download*='/report/pdf/hr_asn_kinerja.${LETTERS}/']`,
        },
        {
            content: "HR stays on the unit, nothing blocks the screen",
            trigger: "body:not(:has(.o_blockUI)) .o_form_view",
        },
    ],
});

// demo: Configuration > Import from SIASN loads the sample files in one click, and previews them
tours.add("hr_asn_kinerja_import_samples", {
    steps: () => [
        ...openKinerjaApp(),
        {
            content: "Open Configuration",
            trigger: ".o_menu_sections [data-menu-xmlid='hr_asn_kinerja.menu_kinerja_config']",
            run: "click",
        },
        {
            content: "Open Import from SIASN",
            trigger: ".o-dropdown--menu [data-menu-xmlid='hr_asn_kinerja.menu_siasn_import']",
            run: "click",
        },
        {
            content: "Load the sample files",
            trigger: ".modal .o_form_view button[name=action_load_samples]",
            run: "click",
        },
        {
            content: "The employee file is chosen",
            trigger: ".modal .o_field_widget[name=employee_file] input:value('export_data_asn.csv')",
        },
        {
            content: "The unit reference is chosen",
            trigger: ".modal .o_field_widget[name=unor_file] input:value('ref_unor.json')",
        },
        {
            content: "Preview",
            trigger: ".modal footer button[name=action_preview]:contains('Preview')",
            run: "click",
        },
        {
            content: "The preview counts what the sample would create, without a problem",
            trigger: ".modal .o_field_widget[name=count_create]:visible",
        },
        {
            content: "No problem in the sample",
            trigger: ".modal .o_field_widget[name=count_problem]:visible:contains('0')",
        },
        {
            content: "The import is offered",
            trigger: ".modal footer button[name=action_import]:visible",
        },
    ],
});

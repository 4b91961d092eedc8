/**
 * Journeys of Pengelola Kinerja (BKPSDM) through the monitoring (docs/rules.md §5, §14, §26): on a desktop,
 * and the dashboard also on a phone.
 *
 * Run by hr_asn_kinerja/tests/test_tours.py: the test rates "Dinas Uji", finishes the SKP of
 * "Staf Satu" and moves the plan deadline into the past, so the drafts are late.
 */
import { registry } from "@web/core/registry";
import { openKinerjaApp, openNavbarSubmenu } from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const MONITORING = "hr_asn_kinerja.menu_kinerja_monitoring";

/** HR: Monitoring > Progress (pivot per unit and state) > a number > its records > Late filter; then the spread. */
registry.category("web_tour.tours").add("hr_asn_kinerja_monitoring_desktop", {
    url: "/odoo",
    steps: () => [
        ...openKinerjaApp(),
        ...openNavbarSubmenu(MONITORING, "hr_asn_kinerja.menu_monitoring_progress", "Progress"),
        {
            content: "The pivot has a row per unit",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('Dinas Uji')",
        },
        {
            content: "It counts the SKPs per state",
            trigger: ".o_pivot thead .o_pivot_header_cell_closed:contains('Done')",
        },
        {
            content: "Drill down: the total of Dinas Uji's civil servants",
            trigger: ".o_pivot tbody tr:has(.o_pivot_header_cell_closed:contains('Dinas Uji')) td.o_pivot_cell_value:last",
            run: "click",
        },
        {
            content: "The records behind the number, one per civil servant",
            trigger: ".o_list_view .o_data_row:contains('Staf Satu'):contains('Done')",
        },
        {
            content: "Open the filters",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Keep the late SKPs only",
            trigger: ".o_filter_menu .o_menu_item:contains('Late')",
            run: "click",
        },
        {
            content: "The finished SKP is not late; a draft is",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Staf Satu'))) .o_data_row:contains('Staf Dua')",
        },
        ...openNavbarSubmenu(MONITORING, "hr_asn_kinerja.menu_monitoring_distribution", "Predikat Distribution"),
        {
            content: "The spread of predikat per unit, as a chart",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        ...openNavbarSubmenu(MONITORING, "hr_asn_kinerja.menu_unit_rating", "Penetapan Predikat"),
        {
            content: "Open the Penetapan of Dinas Uji",
            trigger: ".o_list_view .o_data_row:contains('Dinas Uji') .o_data_cell[name=department_id]",
            run: "click",
        },
        {
            content: "It shows the allowed spread next to the actual one",
            trigger: ".o_form_view .o_field_widget[name=allowed_spread]:contains('Sangat Baik paling banyak 70%')",
        },
        {
            content: "Its only finished SKP is Sangat Baik: 100% breaks the rule of an Istimewa unit",
            trigger: ".o_form_view .alert-warning:contains('Very Good 100% > 70%')",
        },
    ],
});

/** HR: Monitoring > Dashboard (docs/rules.md §26): the units step by step, then the late rows with who holds them
 * up, and "Remind All Late" with its summary; on a desktop (navbar) and on a phone (sidebar, view switcher sheet). */
function dashboardSteps() {
    return [
        ...openKinerjaApp(),
        {
            isActive: ["desktop"],
            content: "Open Monitoring",
            trigger: `.o_menu_sections [data-menu-xmlid='${MONITORING}']`,
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Open the Dashboard",
            trigger: ".o-dropdown--menu [data-menu-xmlid='hr_asn_kinerja.menu_monitoring_dashboard']",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the app sidebar",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the Dashboard",
            trigger: ".o_app_menu_sidebar li[data-menu-xmlid='hr_asn_kinerja.menu_monitoring_dashboard']",
            run: "click",
        },
        {
            content: "The Dashboard is shown",
            trigger: ".o_breadcrumb .active:contains('Dashboard')",
        },
        {
            isActive: ["desktop"],
            content: "The dashboard opens on the current year",
            trigger: ".o_searchview .o_facet_value:contains('Tahun 2026')",
        },
        {
            content: "One row per unit",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('Dinas Uji')",
        },
        {
            isActive: ["desktop"],
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the choice of views",
            trigger: ".o_control_panel .o_cp_switch_buttons button",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Switch to the list",
            trigger: ".o_cp_switch_buttons .dropdown-item:has(.oi-view-list)",
            run: "click",
        },
        {
            content: "A late plan says who holds it up",
            trigger: ".o_list_view .o_data_row:contains('Staf Dua') .o_data_cell[name=blocker]:contains('Employee')",
        },
        {
            content: "Remind everyone late",
            trigger: "button[name=action_remind_late]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The summary says what was done",
            trigger: ".o_notification:contains('reminders created')",
        },
    ];
}

registry.category("web_tour.tours").add("hr_asn_kinerja_dashboard_desktop", { url: "/odoo", steps: dashboardSteps });
registry.category("web_tour.tours").add("hr_asn_kinerja_dashboard_phone", { url: "/odoo", steps: dashboardSteps });

/**
 * Journeys of a training request in the browser: the employee requests a training, the
 * appraiser approves it from the phone-friendly kanban, then an HR officer gives the
 * final approval. Run by hr_asn_training/tests/test_tour.py, which checks the result
 * server side. Every step waits on a real element of the UI, none on a timer.
 */
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const STAFF = "Staf Satu";
const COURSE = "Bimtek Uji";

/** Apps menu > Kinerja ASN > Competency Development > ``menuXmlid``. */
function openTrainingMenu(menuXmlid, breadcrumb) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja ASN app",
            trigger: ".o_app[data-menu-xmlid='hr_asn_kinerja.menu_kinerja_root']",
            run: "click",
        },
        {
            content: "Open Competency Development",
            trigger: ".o_menu_sections .o-dropdown[data-menu-xmlid='hr_asn_training.menu_training_root']",
            run: "click",
        },
        {
            content: `Open ${breadcrumb}`,
            trigger: `.o-dropdown-item[data-menu-xmlid='${menuXmlid}']`,
            run: "click",
        },
        {
            content: `${breadcrumb} is shown`,
            trigger: `.o_breadcrumb .active:contains('${breadcrumb}')`,
        },
    ];
}

/** Pick ``label`` in the many2one field ``name`` of the form. */
function pickMany2one(name, search, label) {
    return [
        {
            content: `Search ${search} in ${name}`,
            trigger: `.o_form_view .o_field_widget[name=${name}] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose ${label}`,
            trigger: `.o-autocomplete--dropdown-menu .dropdown-item:contains('${label}')`,
            run: "click",
        },
        {
            content: `${name} shows ${label}`,
            trigger: `.o_form_view .o_field_widget[name=${name}] input:value('${label}')`,
        },
    ];
}

registry.category("web_tour.tours").add("hr_asn_training_request_tour", {
    url: "/odoo",
    steps: () => [
        ...openTrainingMenu("hr_asn_training.menu_training_request_mine", "My Training Requests"),
        {
            content: "New request",
            trigger: ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "The request is for me",
            trigger: `.o_form_view .o_field_widget[name=employee_id] input:value('${STAFF}')`,
        },
        ...pickMany2one("course_id", "Bimtek", COURSE),
        {
            content: "The learning hours come from the catalogue",
            trigger: ".o_form_view .o_field_widget[name=jp_hours] input:value('16.00')",
        },
        ...pickMany2one("course_schedule_id", "Angkatan", "Bimtek Uji Angkatan I"),
        {
            content: "Say why",
            trigger: ".o_form_view .o_field_widget[name=reason] textarea",
            run: "edit Laporan bulanan masih sering terlambat",
        },
        {
            content: "Submit (saves first)",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_submit]",
            run: "click",
        },
        {
            content: "The request is submitted",
            trigger: ".o_form_view .o_statusbar_status button[aria-checked=true]:contains('Submitted')",
        },
        {
            content: "A message confirms the step and says what comes next",
            trigger: ".o_notification:contains('Submitted for approval'):contains('Waiting for Kepala Bidang to approve')",
        },
        {
            content: "The next step: it awaits the appraiser",
            trigger: ".o_form_view .o_asn_next_step:contains('Waiting for Kepala Bidang to approve')",
        },
    ],
});

/** Appraiser or HR officer: To Approve (kanban) > the card of Staf Satu > ``button``. */
function approveFromKanban(tourName, buttonName) {
    registry.category("web_tour.tours").add(tourName, {
        url: "/odoo",
        steps: () => [
            ...openTrainingMenu("hr_asn_training.menu_training_request_to_approve", "To Approve"),
            {
                content: "The request of Staf Satu awaits me",
                trigger: `.o_kanban_view .o_kanban_record:contains('${STAFF}'):contains('${COURSE}')`,
            },
            {
                content: "Approve from the card",
                trigger: `.o_kanban_view .o_kanban_record:contains('${STAFF}') button[name=${buttonName}]`,
                run: "click",
            },
            {
                content: "Nothing awaits me any more",
                trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Staf Satu')))",
            },
        ],
    });
}

approveFromKanban("hr_asn_training_approve_tour", "action_approve");
approveFromKanban("hr_asn_training_validate_tour", "action_validate");

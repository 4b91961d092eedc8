/**
 * Guided tours of Kinerja ASN, shipped with the web client (web.assets_backend).
 *
 * - "My First SKP" (employee): write a work result, link it to the appraiser's result it supports (the
 *   cascade), and submit the plan;
 * - "Appraising My Staff" (appraiser): approve a plan, then rate and score a realisation;
 * - "Opening a Period" (Pengelola Kinerja): create the year and open it.
 *
 * A new user of the role is offered each once (models/web_tour_tour.py, kinerja_onboarding.js); the
 * Panduan page starts them again. A person follows the pointer (manual mode): steps without a `run`
 * are only checks of the automatic mode, in which the tests (tests/test_onboarding.py) run the same
 * tours at desktop and phone size. The texts are English in the code and Indonesian in i18n/id.po,
 * like every text of the addons: a user in another language still reads them in theirs.
 * Triggers name fields, buttons and menus by their technical names, never by a translated label.
 */
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;
const tours = registry.category("web_tour.tours");

/**
 * Show where the menu ``xmlid`` is and open it: in the navbar (desktop), in the sidebar behind the
 * burger (phone). A tour starts where its user landed, so its first step is always the way to its page.
 */
function pointAtMenu(xmlid, content, parentXmlid = null) {
    const steps = [];
    if (parentXmlid) {
        steps.push({
            isActive: ["desktop"],
            trigger: `.o_menu_sections [data-menu-xmlid='${parentXmlid}']`,
            content,
            tooltipPosition: "bottom",
            run: "click",
        });
    }
    steps.push(
        {
            isActive: ["desktop"],
            trigger: parentXmlid
                ? `.dropdown-menu [data-menu-xmlid='${xmlid}']`
                : `.o_menu_sections [data-menu-xmlid='${xmlid}']`,
            content,
            tooltipPosition: parentXmlid ? "right" : "bottom",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: ".o_main_navbar .o_menu_toggle",
            content: _t("Open the menu."),
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: `.o_app_menu_sidebar li[data-menu-xmlid='${xmlid}']`,
            content,
            tooltipPosition: "bottom",
            run: "click",
        }
    );
    return steps;
}

/** Click the header button of the form that calls ``method``. */
function headerButton(method, content) {
    return {
        trigger: `.o_form_view .o_statusbar_buttons button[name=${method}]:enabled`,
        content,
        tooltipPosition: "bottom",
        run: "click",
    };
}

/**
 * Open the list row (desktop) of a record that offers the button ``method``; on a phone the card that
 * offers ``cardButton`` (the step's own button, or the one that leads to it).
 */
function openRecordOffering(method, content, cardButton = method) {
    const card = `.o_kanban_record:has(button[name=${cardButton}])`;
    return [
        {
            isActive: ["desktop"],
            trigger: `.o_list_view .o_data_row:has(button[name=${method}]) .o_list_record_open_form_view button`,
            content,
            tooltipPosition: "left",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: `.o_kanban_view ${card} .o_asn_card_name`,
            content,
            tooltipPosition: "bottom",
            run: "click",
        },
    ];
}

/** Open the selection field ``name`` (a rating), and, in the automatic mode, choose its first value. */
function rate(name, content) {
    return [
        {
            trigger: `.o_form_view .o_field_widget[name=${name}] .o_select_menu_toggler`,
            content,
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            isActive: ["auto"],
            trigger: ".o_select_menu_menu .o_select_menu_item:not(:empty)",
            run: "click",
        },
        {
            isActive: ["auto"],
            trigger: `.o_form_view .o_field_widget[name=${name}] .o_select_menu_toggler:not(:value(''))`,
        },
    ];
}

/**
 * Link the work result being written (in ``scope``: the row on a desktop, the dialog on a phone) to the
 * appraiser's result it supports (the cascade: plans without it are returned). The person picks the result
 * (tests/test_onboarding.py follows the pointer and takes the first): in the drop-down on a desktop, in the
 * search sheet the field opens on a phone, where the pointer shows it; the automatic mode only opens the field
 * on a desktop.
 */
function linkToLeader(scope) {
    const onPhone = scope === ".modal";
    const isActive = [onPhone ? "mobile" : "desktop"];
    const field = `${scope} .o_field_widget[name=parent_result_id]`;
    const open = {
        // on a phone the field opens its own search sheet: the person's steps only
        isActive: onPhone ? [...isActive, "manual"] : isActive,
        trigger: `${field} input`,
        content: _t("Link it to the result of your appraiser that it supports: a plan without this link is returned."),
        tooltipPosition: "bottom",
        run: "click",
    };
    if (onPhone) {
        // the sheet covers the dialog: the pointer follows the person into it
        return [
            open,
            {
                isActive: [...isActive, "manual"],
                trigger: [".o_kanban_record:not(.o_kanban_ghost)", ".o_data_row .o_data_cell"]
                    .map((record) => `.o_select_create_dialog_content ${record}`)
                    .join(", "),
                content: _t("Choose the result of your appraiser that your work supports."),
                tooltipPosition: "bottom",
                run: "click",
            },
        ];
    }
    const next = { isActive: [...isActive, "auto"], trigger: `${scope} .o_field_widget[name=target] input`, run: "click" };
    return [open, next];
}

// ---------------------------------------------------------------------------------------------
// "SKP pertama saya": the employee writes a work result and submits the plan
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_onboarding_first_skp", {
    url: "/odoo/action-hr_asn_kinerja.action_appraisal_mine",
    steps: () => [
        ...pointAtMenu(
            "hr_asn_kinerja.menu_appraisal_mine",
            _t("Your SKPs are always here: Kinerja ASN > My SKP.")
        ),
        {
            isActive: ["desktop"],
            trigger: ".o_list_view .o_data_row .o_data_cell[name=period_id]",
            content: _t("Open the SKP of this year."),
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost) .o_asn_card_name",
            content: _t("Open the SKP of this year."),
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=main_line_ids]",
        },
        // desktop: a new row of the table
        {
            isActive: ["desktop"],
            trigger: ".o_field_widget[name=main_line_ids] .o_field_x2many_list_row_add a",
            content: _t("Add a main work result: what you will deliver this year."),
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            isActive: ["desktop"],
            trigger: ".o_field_widget[name=main_line_ids] .o_selected_row .o_field_widget[name=name] textarea",
            content: _t("Write the work result, e.g. the report or service you are responsible for."),
            tooltipPosition: "bottom",
            run: "edit Menyusun laporan kinerja bulanan",
        },
        {
            isActive: ["desktop"],
            trigger: ".o_field_widget[name=main_line_ids] .o_selected_row .o_field_widget[name=indicator_name] input",
            content: _t("How is it measured? Write the indicator."),
            tooltipPosition: "bottom",
            run: "edit Jumlah laporan tepat waktu",
        },
        {
            isActive: ["desktop"],
            trigger: ".o_field_widget[name=main_line_ids] .o_selected_row .o_field_widget[name=target] input",
            content: _t("Write the target with its unit, e.g. 12 laporan."),
            tooltipPosition: "bottom",
            run: "edit 12 laporan",
        },
        ...linkToLeader(".o_field_widget[name=main_line_ids] .o_selected_row"),
        // phone: a card, filled in a dialog
        {
            isActive: ["mobile"],
            trigger: ".o_field_widget[name=main_line_ids] .o-kanban-button-new",
            content: _t("Add a main work result: what you will deliver this year."),
            tooltipPosition: "bottom",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: ".modal .o_field_widget[name=name] textarea",
            content: _t("Write the work result, e.g. the report or service you are responsible for."),
            tooltipPosition: "bottom",
            run: "edit Menyusun laporan kinerja bulanan",
        },
        {
            isActive: ["mobile"],
            trigger: ".modal .o_field_widget[name=indicator_name] input",
            content: _t("How is it measured? Write the indicator."),
            tooltipPosition: "bottom",
            run: "edit Jumlah laporan tepat waktu",
        },
        {
            isActive: ["mobile"],
            trigger: ".modal .o_field_widget[name=target] input",
            content: _t("Write the target with its unit, e.g. 12 laporan."),
            tooltipPosition: "bottom",
            run: "edit 12 laporan",
        },
        ...linkToLeader(".modal"),
        {
            isActive: ["mobile"],
            trigger: ".modal .o_form_button_save",
            content: _t("Keep this work result."),
            tooltipPosition: "top",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: "body:not(:has(.modal)) .o_field_widget[name=main_line_ids] .o_kanban_record:contains('Menyusun laporan kinerja bulanan')",
        },
        headerButton("action_submit", _t("Done? Submit the plan: your appraiser approves it or returns it with a reason.")),
        {
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name=action_submit]))",
        },
        {
            trigger: ".o_form_view .o_asn_next_step:visible",
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// "Menilai bawahan": the appraiser approves a plan, then rates and scores a realisation
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_onboarding_appraise", {
    url: "/odoo/action-hr_asn_kinerja.action_appraisal_subordinates",
    steps: () => [
        ...pointAtMenu(
            "hr_asn_kinerja.menu_appraisal_subordinates",
            _t("The SKPs of the employees you appraise are here, those waiting for you first.")
        ),
        ...openRecordOffering("action_approve", _t("Open a plan waiting for your approval.")),
        {
            trigger: ".o_form_view .o_field_widget[name=main_line_ids]",
            content: _t("Read the work results and their targets."),
        },
        headerButton(
            "action_approve",
            _t("Agree to the plan. If it needs changes, use Return instead and say why.")
        ),
        {
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name=action_approve]))",
        },
        {
            trigger: ".o_back_button",
            content: _t("Back to your staff."),
            tooltipPosition: "bottom",
            run: "click",
        },
        ...openRecordOffering("action_score", _t("Open a realisation waiting for your rating."), "action_open_quick_score"),
        ...rate("result_rating", _t("Rate the work results: above, as or below expectations.")),
        ...rate("behavior_rating", _t("Rate the work behaviour (the seven BerAKHLAK values).")),
        {
            trigger: ".o_form_view .o_field_widget[name=predicate] .badge",
            content: _t("The predikat follows from the two ratings."),
        },
        headerButton("action_score", _t("Score: the result goes to your superior, who sets the final result.")),
        {
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name=action_score]))",
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// "Membuka periode": Pengelola Kinerja creates the year and opens it
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_onboarding_open_period", {
    url: "/odoo/action-hr_asn_kinerja.action_period",
    steps: () => {
        const year = DateTime.now().year + 1;
        return [
            ...pointAtMenu(
                "hr_asn_kinerja.menu_period",
                _t("Performance periods are under Configuration."),
                "hr_asn_kinerja.menu_kinerja_config"
            ),
            {
                trigger: ".o_control_panel button.o_list_button_add:visible",
                content: _t("Create the performance year."),
                tooltipPosition: "bottom",
                run: "click",
            },
            {
                trigger: ".o_form_view .o_field_widget[name=name] input",
                content: _t("Name it, e.g. Tahun 2027."),
                tooltipPosition: "bottom",
                run: `edit Tahun ${year}`,
            },
            {
                trigger: ".o_form_view .o_field_widget[name=date_start] input",
                content: _t("First day of the year."),
                tooltipPosition: "bottom",
                run: `edit ${formatDate(DateTime.local(year, 1, 1))}`,
            },
            {
                trigger: ".o_form_view .o_field_widget[name=date_end] input",
                content: _t("Last day of the year."),
                tooltipPosition: "bottom",
                run: `edit ${formatDate(DateTime.local(year, 12, 31))}`,
            },
            {
                trigger: ".o_form_view .o_form_button_save:visible",
                content: _t("Save the period."),
                tooltipPosition: "bottom",
                run: "click",
            },
            headerButton(
                "action_open",
                _t("Open it: every civil servant with a NIP and an ASN type gets an SKP for the year.")
            ),
            {
                trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name=action_open].btn-primary))",
            },
            {
                isActive: ["desktop"],
                trigger: ".o_form_view button[name=action_view_appraisals]",
                content: _t("See the SKPs created."),
                tooltipPosition: "bottom",
                run: "click",
            },
            {
                isActive: ["mobile"],
                trigger: ".o_main_navbar .o_menu_toggle",
                content: _t("See the SKPs created: open the menu."),
                tooltipPosition: "bottom",
                run: "click",
            },
            {
                isActive: ["mobile"],
                trigger: ".o_app_menu_sidebar [data-menu-xmlid='hr_asn_kinerja.menu_appraisal_all']",
                content: _t("All SKP lists them, by period."),
                tooltipPosition: "bottom",
                run: "click",
            },
            {
                trigger: ".o_list_view .o_data_row, .o_kanban_view .o_kanban_record:not(.o_kanban_ghost)",
            },
        ];
    },
});

/**
 * Desktop journeys of the appraiser (Pejabat Penilai) and of the employee.
 *
 * Run by hr_asn_kinerja/tests/test_tours.py; the test prepares the SKP of
 * "Staf Satu" (appraised by "Kepala Bidang") and checks the result server side.
 */
import { registry } from "@web/core/registry";
import {
    chooseSelection,
    clickHeaderButton,
    formInState,
    openKinerjaMenu,
    openSubordinates,
} from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const STAFF = "Staf Satu";
const staffRow = (stateLabel) => `.o_data_row:contains('${STAFF}'):contains('${stateLabel}')`;

/** Appraiser: Subordinates list > open the submitted SKP > Approve Plan. */
registry.category("web_tour.tours").add("hr_asn_kinerja_approve_desktop", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        {
            content: "Open the submitted SKP in its form",
            trigger: `.o_list_view ${staffRow("Submitted")} .o_list_record_open_form_view button`,
            run: "click",
        },
        ...formInState(STAFF, "Submitted"),
        clickHeaderButton("Approve Plan"),
        ...formInState(STAFF, "Approved"),
    ],
});

/** Employee: My SKP > own SKP > realisation of the work result > Submit Realisation. */
registry.category("web_tour.tours").add("hr_asn_kinerja_realize_desktop", {
    url: "/odoo",
    steps: () => [
        ...openKinerjaMenu("hr_asn_kinerja.menu_appraisal_mine", "My SKP"),
        {
            content: "Open my approved SKP",
            trigger: `.o_list_view .o_data_row:contains('${STAFF}'):contains('Approved') .o_data_cell[name=employee_id]`,
            run: "click",
        },
        ...formInState(STAFF, "Approved"),
        {
            content: "Edit the realisation of the work result",
            trigger:
                ".o_field_widget[name=main_line_ids] .o_data_row:contains('Laporan kegiatan') .o_data_cell[name=realization]",
            run: "click",
        },
        {
            content: "Type the realisation",
            trigger: ".o_field_widget[name=main_line_ids] .o_selected_row .o_field_widget[name=realization] input",
            run: "edit 12 laporan",
        },
        clickHeaderButton("Submit Realisation"),
        ...formInState(STAFF, "Self-assessed"),
        {
            content: "The realisation is saved",
            trigger: ".o_field_widget[name=main_line_ids] .o_data_row .o_data_cell[name=realization]:contains('12 laporan')",
        },
    ],
});

/** Appraiser: Subordinates list > open the self-assessed SKP > Evaluation tab > both ratings > Score. */
registry.category("web_tour.tours").add("hr_asn_kinerja_score_desktop", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        {
            content: "Open the self-assessed SKP in its form",
            trigger: `.o_list_view ${staffRow("Self-assessed")} .o_list_record_open_form_view button`,
            run: "click",
        },
        ...formInState(STAFF, "Self-assessed"),
        // the ratings sit at the top of the sheet while the SKP is being rated
        ...chooseSelection(".o_form_view", "result_rating", "Above Expectations"),
        ...chooseSelection(".o_form_view", "behavior_rating", "As Expected"),
        clickHeaderButton("Score"),
        ...formInState(STAFF, "Scored"),
        {
            content: "The predikat follows from the matrix",
            trigger: ".o_form_view .o_field_widget[name=predicate] .badge:text('Good')",
        },
    ],
});

/** Appraiser: rate straight in the Subordinates list, save, then the row's Score button. */
registry.category("web_tour.tours").add("hr_asn_kinerja_score_list", {
    url: "/odoo",
    steps: () => [
        ...openSubordinates(),
        {
            content: "Edit the row of the self-assessed SKP",
            trigger: `.o_list_view ${staffRow("Self-assessed")} .o_data_cell[name=result_rating]`,
            run: "click",
        },
        ...chooseSelection(".o_list_view .o_selected_row", "result_rating", "Below Expectations"),
        {
            content: "Next: the behaviour rating",
            trigger: ".o_list_view .o_selected_row .o_data_cell[name=behavior_rating]",
            run: "click",
        },
        ...chooseSelection(".o_list_view .o_selected_row", "behavior_rating", "As Expected"),
        {
            content: "Save the row",
            trigger: ".o_list_button_save:enabled",
            run: "click",
        },
        {
            content: "The row is saved with its predikat",
            trigger: `.o_list_view:not(:has(.o_selected_row)) ${staffRow("Self-assessed")} .o_data_cell[name=predicate]:contains('Needs Improvement')`,
        },
        {
            content: "Score from the row",
            trigger: `.o_list_view ${staffRow("Self-assessed")} button[name=action_score]`,
            run: "click",
        },
        {
            content: "Scored, the row leaves the 'Awaiting Me' list; the other subordinate's stays",
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Staf Satu'))) .o_data_row:contains('Staf Dua')",
        },
    ],
});

/**
 * Two-way and transparent (docs/rules.md §13, §21), on a desktop (1366x900) and on a phone (390x844):
 * the employee answers the appraiser's feedback on a work result and acknowledges the final result;
 * the employee objects to a result and the appraiser's superior hears both sides and decides.
 * Run by hr_asn_kinerja/tests/test_tours.py, which prepares the SKP and checks it afterwards.
 */
import { registry } from "@web/core/registry";
import {
    chooseSelection,
    clickHeaderButton,
    formInState,
    openKinerjaMenu,
} from "@hr_asn_kinerja/tours/kinerja_tour_utils";

const tours = registry.category("web_tour.tours");
const STAFF = "Staf Satu";
const ROW = "Laporan kegiatan";
const FEEDBACK = "Lengkapi bukti dukung bulan Maret.";
const ANSWER = "Bukti dukung Maret sudah saya unggah.";
const RESPONSE = "Terima kasih, saya akan menjaga ketepatan waktu laporan.";
const REASON = "Laporan Maret terlambat karena gangguan aplikasi, bukan kelalaian saya.";
const THREAD = ".o_form_view .o_field_widget[name=feedback_ids]";

function skpForm() {
    return {
        content: `The SKP of ${STAFF} is shown`,
        trigger: `.o_form_view .o_field_widget[name=employee_id]:contains('${STAFF}')`,
    };
}

function openTab(label) {
    return {
        content: `Open the ${label} tab`,
        trigger: `.o_form_view .o_notebook .nav-link:contains('${label}')`,
        run: "click",
    };
}

/** The thread shows ``text``: a row of the list (desktop) or a card (phone). */
function threadShows(text) {
    return {
        content: `The thread shows "${text}"`,
        trigger: `${THREAD} .o_data_row:contains('${text}'), ${THREAD} .o_kanban_record:contains('${text}')`,
    };
}

function nextStep(text) {
    return {
        content: `Next step: ${text}`,
        trigger: `.o_form_view .o_asn_next_step:visible:contains('${text}')`,
    };
}

function saveForm() {
    return [
        {
            content: "Save the SKP",
            trigger: ".o_form_status_indicator_buttons:not(.invisible) .o_form_button_save",
            run: "click",
        },
        {
            content: "The SKP is saved",
            trigger: ".o_form_view:not(:has(.o_form_status_indicator_buttons:not(.invisible)))",
        },
    ];
}

// ---------------------------------------------------------------------------------------------
// the employee answers the appraiser's feedback on a work result
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_answer_feedback", {
    steps: () => [
        skpForm(),
        openTab("Feedback"),
        threadShows(FEEDBACK),
        {
            content: "Answer in the thread",
            trigger: `${THREAD} .o_field_x2many_list_row_add a, ${THREAD} .o-kanban-button-new`,
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "About the same work result",
            trigger: ".modal .o_field_widget[name=line_id] input",
            run: "edit Laporan",
        },
        {
            isActive: ["desktop"],
            content: `Choose "${ROW}"`,
            trigger: `.o-autocomplete--dropdown-item:contains('${ROW}')`,
            run: "click",
        },
        // on a phone the field opens the list of the SKP's work results
        {
            isActive: ["mobile"],
            content: "About a work result",
            trigger: ".modal .o_field_widget[name=line_id] input",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: `Choose "${ROW}"`,
            trigger: `.modal .o_data_row:contains('${ROW}') .o_data_cell, .modal .o_kanban_record:contains('${ROW}')`,
            run: "click",
        },
        {
            content: `The entry is about "${ROW}"`,
            trigger: `.modal .o_field_widget[name=line_id] input:value('${ROW}')`,
        },
        {
            content: "Write the answer",
            trigger: ".modal .o_field_widget[name=body] textarea",
            run: `edit ${ANSWER}`,
        },
        {
            content: "Keep the entry",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        threadShows(ANSWER),
        ...saveForm(),
        threadShows(ANSWER),
        // the row now holds a thread of two: the appraiser's feedback and the answer
        openTab("Work Results"),
        {
            content: "The work result counts its thread",
            trigger:
                `.o_field_widget[name=main_line_ids] .o_data_row:contains('${ROW}') .o_data_cell[name=feedback_count]:contains('2'),` +
                `.o_field_widget[name=main_line_ids] .o_kanban_record:contains('${ROW}'):contains('2 entries')`,
        },
        {
            isActive: ["desktop"],
            content: "Open the thread of the work result",
            trigger: `.o_field_widget[name=main_line_ids] .o_data_row:contains('${ROW}') button[name=action_feedback_thread]`,
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "The row's thread holds the feedback and the answer",
            trigger: `.modal .o_field_widget[name=feedback_ids]:contains('${FEEDBACK}'):contains('${ANSWER}')`,
        },
        {
            isActive: ["desktop"],
            content: "Close it",
            trigger: ".modal .o_form_button_cancel, .modal .btn-close",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// the employee reads the final result, how it came about, and says so (read, not agreed)
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_acknowledge_result", {
    steps: () => [
        skpForm(),
        nextStep("Your turn: read your result, then say that you have read it or file an objection"),
        {
            content: "The objection is offered beside the reading, as an equal choice",
            trigger: ".o_form_view .o_asn_acknowledge button.btn-primary[name=action_open_objection]",
        },
        {
            content: "The matrix marks the cell of the result",
            trigger: ".o_form_view .o_asn_matrix .o_asn_matrix_mine:contains('Good')",
        },
        {
            content: "Write a response",
            trigger: ".o_form_view .o_asn_acknowledge .o_field_widget[name=employee_comment] textarea",
            run: `edit ${RESPONSE}`,
        },
        {
            content: "Say that you have read the result",
            trigger: ".o_form_view .o_asn_acknowledge button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "A message confirms it",
            trigger: ".o_notification:contains('The employee has read the result.')",
        },
        {
            content: "The form says it is read, with the response",
            trigger: `.o_form_view .o_asn_acknowledged:visible:contains('${RESPONSE}')`,
        },
        nextStep("Finished"),
        openTab("History"),
        {
            content: "The history lists every step, the reading last",
            trigger: ".o_form_view .o_field_widget[name=history_html]:contains('Final result set.'):contains('The employee has read the result.')",
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// the objection: filed by the employee ...
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_file_objection", {
    steps: () => [
        skpForm(),
        clickHeaderButton("File an Objection"),
        {
            content: "Write the reasons",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: `edit ${REASON}`,
        },
        {
            content: "File it",
            trigger: ".modal button:contains('File Objection')",
            run: "click",
        },
        {
            content: "The SKP shows the objection and its status",
            trigger: ".o_form_view .o_asn_objection:visible:contains('Submitted')",
        },
        {
            content: "No second objection is offered",
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button:contains('File an Objection')))",
        },
        {
            content: "While the objection waits, reading the result is not asked",
            trigger: ".o_form_view:not(:has(.o_asn_acknowledge:visible)):not(:has(button[name=action_acknowledge]))",
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// ... and decided by the appraiser's superior after hearing both sides
// ---------------------------------------------------------------------------------------------
tours.add("hr_asn_kinerja_decide_objection", {
    steps: () => [
        ...openKinerjaMenu("hr_asn_kinerja.menu_objection", "Objections"),
        {
            isActive: ["desktop"],
            content: "Open the objection of Staf Satu",
            trigger: `.o_list_view .o_data_row:contains('${STAFF}') .o_data_cell[name=employee_id]`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the objection of Staf Satu",
            trigger: `.o_kanban_view .o_kanban_record:contains('${STAFF}')`,
            run: "click",
        },
        ...formInState(STAFF, "Submitted"),
        nextStep("Your turn: hear the appraiser and the employee, then decide"),
        {
            content: "The reasons of the employee",
            trigger: `.o_form_view .o_field_widget[name=reason]:contains('${REASON}')`,
        },
        {
            content: "Record what the appraiser explains",
            trigger: ".o_form_view .o_field_widget[name=appraiser_explanation] textarea",
            run: "edit Laporan Maret diterima tanggal 20 April.",
        },
        {
            content: "Record what the employee explains",
            trigger: ".o_form_view .o_field_widget[name=employee_explanation] textarea",
            run: "edit Aplikasi keuangan tidak dapat diakses 1-15 April; surat dinas terlampir.",
        },
        ...chooseSelection(".o_form_view", "result_rating", "As Expected"),
        ...chooseSelection(".o_form_view", "behavior_rating", "As Expected"),
        {
            content: "The matrix gives the decided predikat",
            trigger: ".o_form_view .o_field_widget[name=new_predicate]:contains('Good')",
        },
        clickHeaderButton("Accept"),
        {
            content: "Confirm: the decision is final",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        ...formInState(STAFF, "Accepted"),
        {
            content: "Decided: nothing more to do",
            trigger: ".o_form_view .o_asn_next_step:visible:contains('The decision is final')",
        },
    ],
});

// ---------------------------------------------------------------------------------------------
// a low result, end to end: the employee reads why, objects, the superior decides, the employee reads
// the decided result and says so (read, not accepted)
// ---------------------------------------------------------------------------------------------
const LOW_REASON = "Perlu bimbingan kinerja: ketepatan waktu laporan.";

tours.add("hr_asn_kinerja_low_result_object", {
    steps: () => [
        skpForm(),
        {
            content: "The low result is shown",
            trigger: ".o_form_view .o_field_widget[name=predicate]:contains('Needs Improvement')",
        },
        nextStep("Your turn: read your result, then say that you have read it or file an objection"),
        {
            content: "Reading it and objecting are offered side by side",
            trigger:
                ".o_form_view .o_asn_acknowledge:has(button[name=action_acknowledge]) button.btn-primary[name=action_open_objection]",
        },
        openTab("Evaluation"),
        {
            content: "The appraiser's reason for the low rating is there to read",
            trigger: `.o_form_view .o_field_widget[name=appraiser_feedback]:contains('${LOW_REASON}')`,
        },
        ...registry.category("web_tour.tours").get("hr_asn_kinerja_file_objection").steps().slice(1),
    ],
});

tours.add("hr_asn_kinerja_low_result_read", {
    steps: () => [
        skpForm(),
        {
            content: "The objection is decided: the predikat the superior set",
            trigger: ".o_form_view .o_field_widget[name=predicate]:contains('Good')",
        },
        {
            content: "The SKP shows the decided objection",
            trigger: ".o_form_view .o_asn_objection:visible:contains('Accepted')",
        },
        nextStep("Your turn: read your result, then say that you have read it or file an objection"),
        {
            content: "No second objection on the same result",
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button:contains('File an Objection')))",
        },
        {
            content: "Say that you have read the result",
            trigger: ".o_form_view .o_asn_acknowledge button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "A message confirms it",
            trigger: ".o_notification:contains('The employee has read the result.')",
        },
        nextStep("Finished"),
    ],
});

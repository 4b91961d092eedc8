from odoo import models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .asn_kinerja_appraisal import OPEN_STATES

_lt = LazyTranslate(__name__)

EMPLOYEE_OR_OFFICER = ("employee", "officer")
# action: {from state: (to state, roles that may take the step)}
TRANSITIONS = {
    "submit": {"draft": ("submitted", EMPLOYEE_OR_OFFICER)},
    "approve": {"submitted": ("approved", ("appraiser",))},
    "return": {"submitted": ("draft", ("appraiser",)), "self_assessed": ("approved", ("appraiser",))},
    "submit_realization": {"approved": ("self_assessed", EMPLOYEE_OR_OFFICER)},
    "score": {"self_assessed": ("scored", ("appraiser",))},
    "done": {"scored": ("done", ("superior", "officer"))},
    "cancel": dict.fromkeys(OPEN_STATES, ("cancel", ("officer",))),
    "reopen": {"done": ("scored", ("officer",))},
    "reset": {"cancel": ("draft", ("officer",))},
    # the employee says they have read the final result (read, not agreed): the state stays (docs/rules.md §21)
    "acknowledge": {"done": ("done", ("employee",))},
}
# the steps a confirmed Penetapan forbids on the SKPs it counted: every step that changes the state
# (cancel, reopen, reset, ...), derived from the table so that a new step is frozen too (docs/rules.md §5)
FROZEN_BY_PENETAPAN = tuple(
    action for action, moves in TRANSITIONS.items() if any(to != state for state, (to, _roles) in moves.items())
)
TRANSITION_MESSAGES = {
    "submit": _lt("Plan submitted for approval."),
    "approve": _lt("Plan approved."),
    "return": _lt("Returned to the employee."),
    "submit_realization": _lt("Realisation submitted for scoring."),
    "score": _lt("Scored."),
    "done": _lt("Final result set."),
    "cancel": _lt("Cancelled."),
    "reopen": _lt("Reopened for correction."),
    "reset": _lt("Reset to draft."),
    "acknowledge": _lt("The employee has read the result."),
}
# state reached -> (activity type, who acts next): also what "Awaiting Me" (is_my_turn) finds
NEXT_ACTIVITY = {
    "draft": ("hr_asn_kinerja.mail_act_skp_revise", "employee_id"),
    "submitted": ("hr_asn_kinerja.mail_act_skp_approve", "appraiser_id"),
    "approved": ("hr_asn_kinerja.mail_act_skp_realize", "employee_id"),
    "self_assessed": ("hr_asn_kinerja.mail_act_skp_score", "appraiser_id"),
    "scored": ("hr_asn_kinerja.mail_act_skp_finalize", "appraiser_superior_id"),
}
# how the "next step" line names each activity: (for its assignee, for the others)
NEXT_STEP_PHRASES = {
    "hr_asn_kinerja.mail_act_skp_revise": (
        _lt("Your turn: complete the plan and submit it"),
        _lt("Waiting for %(person)s to complete and submit the plan"),
    ),
    "hr_asn_kinerja.mail_act_skp_approve": (
        _lt("Waiting for your approval"),
        _lt("Waiting for %(person)s to approve the plan"),
    ),
    "hr_asn_kinerja.mail_act_skp_realize": (
        _lt("Your turn: enter the realisation and submit it"),
        _lt("Waiting for %(person)s to enter the realisation"),
    ),
    "hr_asn_kinerja.mail_act_skp_score": (
        _lt("Waiting for you to score"),
        _lt("Waiting for %(person)s to score"),
    ),
    "hr_asn_kinerja.mail_act_skp_finalize": (
        _lt("Waiting for you to set the final result"),
        _lt("Waiting for %(person)s to set the final result"),
    ),
    "hr_asn_kinerja.mail_act_skp_acknowledge": (
        _lt("Your turn: read your result, then say that you have read it or file an objection"),
        _lt("Finished: waiting for %(person)s to read the result"),
    ),
}


class AsnKinerjaAppraisal(models.Model):
    """The SKP's steps (docs/rules.md §2-§3): who takes which one, and who acts next."""

    _inherit = "asn.kinerja.appraisal"

    _transitions = TRANSITIONS
    _transition_messages = TRANSITION_MESSAGES
    _next_activities = NEXT_ACTIVITY
    _next_step_phrases = NEXT_STEP_PHRASES

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        """Employee (or HR): send the plan to the appraiser for approval."""

        def check(appraisal):
            if not appraisal.line_ids.filtered(lambda line: line.kind == "main"):
                raise UserError(
                    self.env._(
                        "The SKP of %(employee)s needs at least one main work result.",
                        employee=appraisal.employee_id.name,
                    )
                )
            if not appraisal.appraiser_id:
                raise UserError(
                    self.env._(
                        "The SKP of %(employee)s has no appraiser; ask Pengelola Kinerja to set one.",
                        employee=appraisal.employee_id.name,
                    )
                )

        # a plan sent again is no longer "returned"
        return self._transition("submit", vals={"return_reason": False}, check=check)

    def action_approve(self):
        """Appraiser: agree to the plan."""
        return self._transition("approve")

    def action_return(self, reason):
        """Appraiser: send a plan (or a self-assessment) back to the employee, with the reason."""
        self._check_reason(reason, self.env._("Say why the SKP goes back to the employee."))
        return self._transition("return", reason, {"return_reason": reason})

    def action_submit_realization(self):
        """Employee (or HR): hand in the realisation for scoring."""

        def check(appraisal):
            if missing := appraisal.line_ids.filtered(lambda line: not line.realization):
                raise UserError(
                    self.env._(
                        "Enter the realisation of every work result first (missing: %(rows)s).",
                        rows=", ".join(missing.mapped("name")),
                    )
                )

        return self._transition("submit_realization", vals={"return_reason": False}, check=check)

    def action_score(self):
        """Appraiser: fix both ratings; the predikat follows from the matrix."""

        def check(appraisal):
            if not ((appraisal.leader_result_rating or appraisal.result_rating) and appraisal.behavior_rating):
                raise UserError(
                    self.env._(
                        "Rate both the work results and the work behaviour of %(employee)s first.",
                        employee=appraisal.employee_id.name,
                    )
                )
            appraisal._check_low_rating_reason()

        # a unit head's work result rating is the unit's (docs/rules.md §5): the step writes it
        return self._transition("score", vals=lambda appraisal: appraisal._leader_vals(), check=check)

    def _check_low_rating_reason(self):
        """A rating Below Expectations is never given without the appraiser's reason and recommendation in
        ``appraiser_feedback``: the employee reads it, the Dokumen prints it (docs/rules.md §5, §21)."""
        if "below" in (self.result_rating, self.behavior_rating) and not (self.appraiser_feedback or "").strip():
            labels = dict(self._fields["result_rating"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(rating)s needs the appraiser's reason: write why, and what %(employee)s can do to improve, "
                    'in "%(field)s" (tab Evaluation) first.',
                    rating=labels["below"],
                    employee=self.employee_id.name,
                    field=self._fields["appraiser_feedback"]._description_string(self.env),
                )
            )

    def action_done(self):
        """Appraiser's superior or HR: finalise the SKP (a low predikat is confirmed in the form first)."""
        # the appraiser is kept as they sign the final result: SIASN records them per SKP (docs/rules.md §10)
        self._transition(
            "done",
            vals=lambda skp: {"result_mail_pending": True, **skp._final_appraiser_vals()},
            check=lambda appraisal: appraisal._check_low_rating_reason(),
        )
        self._on_done()
        self._send_result()
        # the confirmation names what the final result sets off (e.g. a coaching session)
        return self._transition_result("done")

    def action_cancel(self):
        """HR: cancel an SKP that is not done."""
        return self._transition("cancel")

    def action_reopen(self, reason):
        """HR: reopen a done SKP for correction, with the reason; not while the Penetapan Predikat Kinerja
        of its unit is confirmed (docs/rules.md §5)."""
        self._check_reason(reason, self.env._("Say why the SKP is reopened."))

        def check(appraisal):
            if appraisal.sudo().objection_ids.filtered(lambda o: o.state == "submitted"):
                raise UserError(
                    self.env._(
                        "The objection of %(employee)s to this result is not decided yet: its decider changes the "
                        "result, not a reopening.",
                        employee=appraisal.sudo().employee_id.name,
                    )
                )

        # the result being corrected is no longer the one the employee acknowledged
        vals = {
            "reopen_reason": reason,
            "acknowledged_date": False,
            "employee_comment": False,
            "result_received_date": False,
        }
        result = self._transition("reopen", reason, vals, check=check)
        self.sudo().activity_unlink(["hr_asn_kinerja.mail_act_skp_acknowledge"])
        return result

    def action_reset(self):
        """HR: bring a cancelled SKP back to draft."""
        return self._transition("reset")

    def _on_done(self):
        """Hook for what follows a final result (hr_asn_training adds coaching and training)."""
        return True

    def _check_workflow_open(self):
        self._check_period_open()

    def _check_step_open(self, action):
        # a Penetapan counts finished SKPs only: the other steps cost no look-up
        if action in FROZEN_BY_PENETAPAN and self.state == "done":
            self.env["asn.kinerja.unit.rating"]._check_not_confirmed(self)

    def _next_step_idle(self):
        if self.state == "scored":
            # no superior above the appraiser: Pengelola Kinerja sets the final result (docs/rules.md §3)
            return self.env._("Waiting for Pengelola Kinerja (BKPSDM) to set the final result")
        if self.state == "done":
            return self.env._("Finished: the final result is set.")
        if self.state == "cancel":
            return self.env._("Cancelled: nothing more to do.")
        return ""

    def _workflow_name(self):
        return self.env._("the SKP of %(employee)s", employee=self.sudo().employee_id.name)

    # ------------------------------------------------------------------
    # wizards
    # ------------------------------------------------------------------
    def action_open_return_wizard(self):
        return self._reason_wizard("return", self.env._("Return to the employee"))

    def action_open_reopen_wizard(self):
        return self._reason_wizard("reopen", self.env._("Reopen the SKP"))

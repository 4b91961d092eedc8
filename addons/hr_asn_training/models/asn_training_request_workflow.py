from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools.translate import LazyTranslate

from odoo.addons.hr_asn_kinerja.tools.words import one_stop

from .asn_training_request import ANYONE

_lt = LazyTranslate(__name__)

APPROVE = "hr_asn_training.mail_act_training_approve"
VALIDATE = "hr_asn_training.mail_act_training_validate"
ATTEND = "hr_asn_training.mail_act_training_attend"
CLOSE = "hr_asn_training.mail_act_training_close"
REVISE = "hr_asn_training.mail_act_training_revise"

# action: {from state: (to state, roles that may do it)}; the two approvals are two states: ``submitted``
# awaits the appraiser, ``final_approval`` an HR officer
TRANSITIONS = {
    # to final_approval at once when no appraiser has a user to approve (_submit_vals)
    "submit": {"draft": ("submitted", ANYONE)},
    "approve": {"submitted": ("final_approval", ("appraiser",))},
    # from submitted only while the appraiser has no user (action_validate)
    "validate": {"submitted": ("approved", ("officer",)), "final_approval": ("approved", ("officer",))},
    "done": {"approved": ("done", ("officer",))},
    "reject": {"submitted": ("rejected", ("appraiser", "officer")), "final_approval": ("rejected", ("officer",))},
    "cancel": {
        "draft": ("cancel", ANYONE),
        "submitted": ("cancel", ("employee", "officer")),
        "final_approval": ("cancel", ("employee", "officer")),
        "approved": ("cancel", ("officer",)),
    },
    "reset": {"rejected": ("draft", ANYONE), "cancel": ("draft", ANYONE)},
}
TRANSITION_MESSAGES = {
    "submit": _lt("Submitted for approval."),
    "approve": _lt("Approved by the appraiser; awaiting the final approval of an HR officer."),
    "validate": _lt("Final approval given."),
    "done": _lt("Training completed; its learning hours count."),
    "reject": _lt("Rejected."),
    "cancel": _lt("Cancelled."),
    "reset": _lt("Reset to draft."),
}

# state reached: (activity, who does it); an approved request's step is in _next_activity_steps
NEXT_ACTIVITIES = {
    "submitted": (APPROVE, "employee_id.appraiser_id"),
    "final_approval": (VALIDATE, "final_approver_id"),
    "rejected": (REVISE, "employee_id"),
}
# how the "next step" line names each activity: (for its assignee, for the others)
NEXT_STEP_PHRASES = {
    APPROVE: (
        _lt("Waiting for your approval"),
        _lt("Waiting for %(person)s to approve"),
    ),
    VALIDATE: (
        _lt("Waiting for your final approval"),
        _lt("Waiting for %(person)s (BKPSDM) to give the final approval"),
    ),
    ATTEND: (
        _lt("Your turn: attend the training and upload the certificate"),
        _lt("Waiting for %(person)s to attend the training and upload the certificate"),
    ),
    CLOSE: (
        _lt("Your turn: check the certificate and close the request"),
        _lt("Waiting for %(person)s (BKPSDM) to check the certificate"),
    ),
    REVISE: (
        _lt("Your turn: revise the request or leave it"),
        _lt("Waiting for %(person)s to revise the request"),
    ),
}


class AsnTrainingRequest(models.Model):
    """The request's steps: two approvals, attendance, closing (docs/rules.md §8)."""

    _inherit = "asn.training.request"

    _transitions = TRANSITIONS
    _transition_messages = TRANSITION_MESSAGES
    _next_activities = NEXT_ACTIVITIES
    _next_step_phrases = NEXT_STEP_PHRASES

    final_approver_id = fields.Many2one(
        "res.users", compute="_compute_final_approver", help="The HR officer who gives the final approval."
    )

    @api.depends("company_id.training_officer_id")
    def _compute_final_approver(self):
        for request in self:
            request.final_approver_id = request.company_id.sudo()._training_officer() if request.company_id else False

    def _search_is_my_turn(self, operator, value):
        """The requests whose open workflow activity is the reader's: the steps the form's line names (the
        "To Approve" list). Not the engine's search of the table: the final approver is computed and an
        approved request's step follows its evidence (``_next_activity_steps``), neither searchable."""
        if operator not in ("in", "not in"):
            return NotImplemented
        Data = self.env["ir.model.data"]
        types = [Data._xmlid_to_res_id(xmlid, raise_if_not_found=False) for xmlid in self._workflow_activity_types()]
        ours = [("res_model", "=", self._name), ("user_id", "=", self.env.uid), ("activity_type_id", "in", types)]
        activities = self.env["mail.activity"].sudo()._search(ours)
        mine = Domain("id", "in", activities.subselect("res_id"))
        return mine if (True in value) == (operator == "in") else ~mine

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        """Employee, appraiser or HR: send the request for approval."""

        def check(request):
            if not (request.course_id or request.title):
                raise UserError(self.env._("Choose a course from the catalogue or give the training a title."))
            if request.jp_hours <= 0:
                raise UserError(
                    self.env._("Give the learning hours (JP) of %(request)s.", request=request.display_name)
                )

        return self._transition("submit", check=check, vals=self._submit_vals)

    def _submit_vals(self, request):
        # nobody to give the first approval: the request goes to HR's at once
        return {} if request.employee_id.appraiser_id.user_id else {"state": "final_approval"}

    def action_approve(self):
        """Appraiser: first approval."""
        if awaiting_hr := self.filtered(lambda r: r.state == "final_approval"):
            raise UserError(
                self.env._(
                    "The training request %(request)s does not await the appraiser's approval.",
                    request=awaiting_hr[0].display_name,
                )
            )
        return self._transition(
            "approve", vals={"appraiser_approver_id": self.env.uid, "appraiser_approval_date": fields.Datetime.now()}
        )

    def action_validate(self):
        """HR officer: final approval; the employee joins the chosen session."""

        def check(request):
            if request.state == "submitted" and request.employee_id.appraiser_id.user_id:
                raise UserError(
                    self.env._(
                        "The appraiser must approve the training request %(request)s first.",
                        request=request.display_name,
                    )
                )
            session = request.course_schedule_id.sudo()
            if session.state in ("completed", "cancelled"):
                raise UserError(
                    self.env._(
                        "The session %(session)s is %(state)s: choose another one.",
                        session=session.name,
                        state=dict(session._fields["state"]._description_selection(self.env))[session.state],
                    )
                )

        def enrol(request):
            vals = {"officer_approver_id": self.env.uid, "officer_approval_date": fields.Datetime.now()}
            if request.course_schedule_id:
                vals["attendee_id"] = request.course_schedule_id._add_attendee(request.employee_id).id
            return vals

        return self._transition("validate", check=check, vals=enrol)

    def action_done(self):
        """HR officer: the training took place; its JP count from now on."""

        def check(request):
            passed = request.sudo().attendee_id.result == "passed"
            if not passed and request.company_id.training_require_certificate and not request.certificate:
                raise UserError(
                    self.env._(
                        "Attach the certificate of %(request)s, or record a passed result in its session, first.",
                        request=request.display_name,
                    )
                )

        return self._transition("done", check=check, vals=self._done_vals)

    def _done_vals(self, request):
        today = fields.Date.context_today(self)
        end = request.date_end or request.sudo().course_schedule_id.end_date or today
        return {"date_end": end, "date_start": request.date_start or end}

    def action_reject(self, reason):
        """Appraiser (while it awaits them) or HR officer: refuse the request, with the reason."""

        self._check_reason(reason, self.env._("Say why the training request is rejected."))
        return self._transition("reject", reason, {"reject_reason": reason})

    def action_cancel(self, reason=None):
        """Employee (before approval), appraiser (a draft) or HR officer: withdraw the request."""

        def check(request):
            if (
                not self.env.su
                and request.source == "appraisal"
                and not request._get_roles() & {"appraiser", "officer"}
            ):
                raise AccessError(
                    self.env._(
                        "A training request that follows a low predikat can only be cancelled by the appraiser "
                        "or an HR officer (%(request)s).",
                        request=request.display_name,
                    )
                )

        withdrawn = self.filtered(lambda r: r.attendee_id)
        result = self._transition("cancel", reason, {"cancel_reason": reason or False}, check=check)
        for request in withdrawn:
            session = request.course_schedule_id.sudo()
            if session.state in ("draft", "waiting_attendees"):
                session._remove_attendee(request.employee_id)
        return result

    def action_reset(self):
        """Bring a rejected or cancelled request back to draft, to revise it."""
        return self._transition(
            "reset",
            vals={
                "appraiser_approver_id": False,
                "appraiser_approval_date": False,
                "officer_approver_id": False,
                "officer_approval_date": False,
                "attendee_id": False,
                "link_cancelled": False,
            },
        )

    def _transition_details(self, action):
        request = self.sudo()
        if action == "validate" and request.course_schedule_id:
            return one_stop(
                self.env._(
                    "%(employee)s is enrolled in the session %(session)s.",
                    employee=request.employee_id.name,
                    session=request.course_schedule_id.name,
                )
            )
        return ""

    def _workflow_name(self):
        return self.env._("the training request %(request)s", request=self.sudo().display_name)

    def _next_step_idle(self):
        if self.state == "done":
            return self.env._("Finished: the learning hours count.")
        if self.state in ("rejected", "cancel"):
            return self.env._("Closed: nothing more to do.")
        return ""

    @api.model
    def _workflow_activity_types(self):
        return super()._workflow_activity_types() | {ATTEND, CLOSE}

    def _next_activity_steps(self):
        """The table's step of the state; an approved request's depends on its evidence, not a state: the
        employee attends until a certificate or a passed result is in, then HR closes the request."""
        if self.state != "approved":
            return super()._next_activity_steps()
        record = self.sudo()
        if not record.certificate and record.attendee_id.result != "passed":
            step = ATTEND, record.employee_id.user_id
        else:
            step = CLOSE, record.officer_approver_id or record.final_approver_id
        return [step] if step[1] else []

    # ------------------------------------------------------------------
    # wizards and links
    # ------------------------------------------------------------------
    def action_open_reject_wizard(self):
        return self._reason_wizard("reject", self.env._("Reject the Training Request"))

    def action_open_cancel_wizard(self):
        return self._reason_wizard("cancel", self.env._("Cancel the Training Request"))

    # ------------------------------------------------------------------
    # automation
    # ------------------------------------------------------------------
    @api.model
    def _complete_from_sessions(self, sessions):
        """Finish the approved requests of the attendees who passed these sessions."""
        requests = self.sudo().search([("course_schedule_id", "in", sessions.ids), ("state", "=", "approved")])
        passed = requests.filtered(lambda r: r.attendee_id.result == "passed")
        passed._transition("done", vals=self._done_vals)
        return passed

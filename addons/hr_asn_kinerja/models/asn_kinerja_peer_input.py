"""360 input on work behaviour (docs/rules.md §3, §20.16).

PP 30/2019 lets peers and direct subordinates give input on an employee's behaviour. Here the SKP's
appraiser asks chosen colleagues, one request each (``asn.kinerja.peer.input``, an activity for the
person asked); each answers the seven BerAKHLAK values (above / as expected / below, and a comment).
The appraiser and HR read every answer; the employee reads only a summary per value, computed on the
SKP; a colleague reads nothing but their own answer.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools.predicate import RATING_SELECTION
from .asn_edit_rules_mixin import rule

_lt = LazyTranslate(__name__)

# The appraiser asks, and colleagues answer, while the SKP is approved or self-assessed: the plan and
# the leader's expectations are agreed, the behaviour is being shown, and the rating is not fixed yet.
ASKING_STATES = ("approved", "self_assessed")
RELATIONS = [("peer", "Peer"), ("subordinate", "Direct Subordinate")]
PEER_ACTIVITY = "hr_asn_kinerja.mail_act_peer_input"


class AsnKinerjaPeerInput(models.Model):
    _name = "asn.kinerja.peer.input"
    _description = "360 Input on Work Behaviour"
    _inherit = ["asn.workflow.mixin"]
    _order = "appraisal_id, state, id"
    _check_company_auto = True

    # the record belongs to the colleague who answers: "employee" is the person asked
    _role_fields = {"employee": "employee_id", "appraiser": "appraiser_id"}
    _transitions = {
        "answer": {"asked": ("answered", ("employee",))},
        # taken by the system when the SKP leaves the asking states (scored, cancelled)
        "expire": {"asked": ("expired", ())},
    }
    _transition_messages = {
        "answer": _lt("Input sent to the appraiser."),
        "expire": _lt("Closed without an answer: the SKP has been scored or cancelled."),
    }
    _next_activities = {"asked": (PEER_ACTIVITY, "employee_id")}
    _next_step_phrases = {
        PEER_ACTIVITY: (
            _lt("Your turn: rate the work behaviour and send your input"),
            _lt("Waiting for %(person)s to give their input"),
        ),
    }
    _state_dates = {"answered": "date_answered"}
    _create_states = ("asked",)

    appraisal_id = fields.Many2one(
        "asn.kinerja.appraisal", "SKP", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, precompute=True, index=True)
    appraised_employee_id = fields.Many2one(
        related="appraisal_id.employee_id", store=True, index=True, string="Appraised Employee"
    )
    appraiser_id = fields.Many2one(related="appraisal_id.appraiser_id", store=True, index=True)
    period_id = fields.Many2one(related="appraisal_id.period_id")
    employee_id = fields.Many2one(
        "hr.employee",
        "Colleague Asked",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        help="A peer (same unit or same position type) or a direct subordinate of the appraised employee.",
    )
    relation = fields.Selection(RELATIONS, compute="_compute_relation", store=True)
    state = fields.Selection(
        [("asked", "Asked"), ("answered", "Answered"), ("expired", "Not Answered")],
        default="asked",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    date_answered = fields.Date(readonly=True, copy=False)
    line_ids = fields.One2many("asn.kinerja.peer.input.line", "input_id", "Ratings")

    _appraisal_employee_unique = models.UniqueIndex(
        "(appraisal_id, employee_id)", "This colleague was already asked for input on this SKP."
    )

    @api.depends("appraised_employee_id", "employee_id")
    def _compute_display_name(self):
        for record in self:
            record.display_name = self.env._(
                "Input on the work behaviour of %(employee)s", employee=record.sudo().appraised_employee_id.name or ""
            )

    @api.depends("employee_id.appraiser_id", "employee_id.parent_id", "appraised_employee_id")
    def _compute_relation(self):
        for record in self:
            record.relation = "subordinate" if record._is_direct_subordinate(record.employee_id) else "peer"

    def _is_direct_subordinate(self, person):
        appraised = self.sudo().appraisal_id.employee_id
        person = person.sudo()
        return bool(appraised) and appraised in (person.appraiser_id | person.parent_id)

    # ------------------------------------------------------------------
    # who may be asked
    # ------------------------------------------------------------------
    @api.model
    def _candidate_domain(self, appraisal):
        """Colleagues the appraiser may ask about the SKP ``appraisal``: peers (same unit or same
        position type) and direct subordinates of its employee, with a user, never the employee nor
        the appraiser."""
        appraisal = appraisal.sudo()
        employee = appraisal.employee_id
        related = [("department_id", "=", employee.department_id.id)] if employee.department_id else []
        if employee.asn_position_type:
            related.append(("asn_position_type", "=", employee.asn_position_type))
        related += [("appraiser_id", "=", employee.id), ("parent_id", "=", employee.id)]
        return [
            ("company_id", "=", appraisal.company_id.id),
            ("user_id", "!=", False),
            ("id", "not in", (employee | appraisal.appraiser_id).ids),
            *(["|"] * (len(related) - 1)),
            *related,
        ]

    @api.constrains("employee_id", "appraisal_id")
    def _check_colleague(self):
        for record in self.sudo():
            person, appraisal = record.employee_id, record.appraisal_id
            if person == appraisal.employee_id:
                raise ValidationError(
                    self.env._("%(employee)s cannot give input on their own SKP.", employee=person.name)
                )
            if person == appraisal.appraiser_id:
                raise ValidationError(
                    self.env._("%(person)s is the appraiser: the appraiser rates, and asks others.", person=person.name)
                )
            if not person.user_id:
                raise ValidationError(
                    self.env._("%(person)s has no user, so cannot answer in the application.", person=person.name)
                )
            if not person.filtered_domain(self._candidate_domain(appraisal)):
                raise ValidationError(
                    self.env._(
                        "%(person)s is neither a peer (same unit or same position type) nor a direct subordinate "
                        "of %(employee)s, so cannot be asked for input on their behaviour.",
                        person=person.name,
                        employee=appraisal.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # asking
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            appraisals = self.env["asn.kinerja.appraisal"].browse({vals.get("appraisal_id") for vals in vals_list})
            for appraisal in appraisals:
                appraisal._check_may_ask_peer_input()
        self._check_asked_once(vals_list)
        records = super().create(vals_list)
        lines = [
            {"input_id": record.id, "behavior_id": behavior.id}
            for record in records
            for behavior in record.sudo().appraisal_id.behavior_line_ids.behavior_id
        ]
        self.env["asn.kinerja.peer.input.line"].sudo().create(lines)
        records._schedule_next_activity()
        return records

    @api.model
    def _check_asked_once(self, vals_list):
        """A colleague is asked once per SKP: a clear error rather than the unique index's."""
        pairs = [(vals.get("appraisal_id"), vals.get("employee_id")) for vals in vals_list]
        existing = self.sudo().search(
            [("appraisal_id", "in", [a for a, _e in pairs]), ("employee_id", "in", [e for _a, e in pairs])]
        )
        known = {(record.appraisal_id.id, record.employee_id.id) for record in existing}
        for pair in pairs:
            if pair in known:
                raise ValidationError(
                    self.env._(
                        "%(person)s was already asked for input on this SKP.",
                        person=self.env["hr.employee"].sudo().browse(pair[1]).name,
                    )
                )
            known.add(pair)

    # not ``_unlink_rule``: withdrawing a request is said in its own words ("before it is answered")
    @api.ondelete(at_uninstall=False)
    def _unlink_only_unanswered(self):
        if self.env.su:
            return
        for record in self:
            if record.state != "asked" or "appraiser" not in record._get_roles():
                raise UserError(
                    self.env._("Only the appraiser withdraws a request for input, and only before it is answered.")
                )

    # ------------------------------------------------------------------
    # answering
    # ------------------------------------------------------------------
    def action_answer(self):
        """The colleague asked: send the ratings to the appraiser; an answer given is final."""
        for record in self:
            if not self.env.su and "employee" not in record._get_roles():
                raise AccessError(
                    self.env._(
                        "Only %(person)s, who was asked, can answer this request for input.",
                        person=record.sudo().employee_id.name,
                    )
                )

        def check(record):
            appraisal = record.sudo().appraisal_id
            if appraisal.state not in ASKING_STATES:
                raise UserError(
                    self.env._(
                        "The SKP of %(employee)s is %(state)s: input is no longer taken.",
                        employee=appraisal.employee_id.name,
                        state=appraisal._state_label(),
                    )
                )
            if missing := record.line_ids.filtered(lambda line: not line.rating):
                raise UserError(
                    self.env._(
                        "Rate every value first (missing: %(values)s).",
                        values=", ".join(missing.behavior_id.mapped("name")),
                    )
                )

        return self._transition("answer", check=check)

    def _check_workflow_open(self):
        self.sudo().appraisal_id._check_period_open()

    def _workflow_name(self):
        return self.env._("the request for input on %(employee)s", employee=self.sudo().appraised_employee_id.name)

    def _next_step_idle(self):
        if self.state == "answered":
            return self.env._("Answered: the appraiser reads the input.")
        if self.state == "expired":
            return self.env._("Closed without an answer.")
        return ""


class AsnKinerjaPeerInputLine(models.Model):
    _name = "asn.kinerja.peer.input.line"
    _description = "360 Input on One BerAKHLAK Value"
    _inherit = ["asn.kinerja.row.mixin"]
    _order = "input_id, sequence, id"

    # the values to rate come with the request for input: nobody adds or removes one
    _row_parent = "input_id"

    # the colleague asked rates, until the answer is sent
    _edit_rules = {"rating": rule(("asked",), ("employee",)), "comment": rule(("asked",), ("employee",))}

    input_id = fields.Many2one("asn.kinerja.peer.input", "Request", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="input_id.company_id", store=True, precompute=True, index=True)
    behavior_id = fields.Many2one(
        "asn.kinerja.behavior", "Core Value", required=True, ondelete="restrict", check_company=True
    )
    sequence = fields.Integer(related="behavior_id.sequence", store=True, precompute=True)
    guide = fields.Text(related="behavior_id.guide")
    rating = fields.Selection(RATING_SELECTION)
    comment = fields.Text(help="Read by the appraiser (and Pengelola Kinerja); never shown to the employee.")
    state = fields.Selection(related="input_id.state")

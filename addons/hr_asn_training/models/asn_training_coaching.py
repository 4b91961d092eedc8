from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools.translate import LazyTranslate

from .asn_kinerja_appraisal import COACHING_ACTIVITY

_lt = LazyTranslate(__name__)

STATES = [("draft", "Draft"), ("feedback", "Feedback Given"), ("done", "Done")]
# action: {from state: (to state, roles)}
TRANSITIONS = {
    # each form is the word of the person who signs it: B.1.8 the employee's, B.1.9 the appraiser's
    "submit_feedback": {"draft": ("feedback", ("employee",))},
    "done": {"feedback": ("done", ("appraiser",))},
    "reset": {"feedback": ("draft", ("officer",)), "done": ("draft", ("officer",))},
}
TRANSITION_MESSAGES = {
    "submit_feedback": _lt("Feedback (B.1.8) given by the employee."),
    "done": _lt("Competency evaluation (B.1.9) completed."),
    "reset": _lt("Reset to draft."),
}
# field: {state: roles that may change it}
EDIT_RULES = {
    "date": {"draft": ("appraiser", "officer"), "feedback": ("appraiser", "officer")},
    "place": {"draft": ("appraiser", "officer"), "feedback": ("appraiser", "officer")},
    "appraisal_id": {"draft": ("appraiser", "officer")},
    "employee_id": {"draft": ("officer",)},
    "appraiser_id": {"draft": ("officer",)},
    "employee_comment": {"draft": ("employee",)},
    "answer_ids": {"draft": ("employee",)},
    "competency_ids": {"draft": ("appraiser",), "feedback": ("appraiser",)},
}
# the employee's feedback (B.1.8) goes to the appraiser's superior, whom the appraiser answers to (docs/rules.md §7)
NEXT_ACTIVITIES = {
    "draft": [("hr_asn_training.mail_act_coaching_feedback", "employee_id")],
    "feedback": [
        ("hr_asn_training.mail_act_coaching_evaluate", "appraiser_id"),
        ("hr_asn_training.mail_act_coaching_review", "superior_id"),
    ],
}
NEXT_STEP_PHRASES = {
    "hr_asn_training.mail_act_coaching_feedback": (
        _lt("Your turn: give your feedback on the coaching (B.1.8)"),
        _lt("Waiting for %(person)s to give the feedback (B.1.8)"),
    ),
    "hr_asn_training.mail_act_coaching_evaluate": (
        _lt("Your turn: evaluate the competencies (B.1.9)"),
        _lt("Waiting for %(person)s to evaluate the competencies (B.1.9)"),
    ),
    "hr_asn_training.mail_act_coaching_review": (
        _lt("Your turn: read the employee's feedback (B.1.8)"),
        _lt("%(person)s reads the employee's feedback (B.1.8)"),
    ),
}


class AsnTrainingCoaching(models.Model):
    """A coaching session (bimbingan kinerja) with forms B.1.8 and B.1.9 (docs/rules.md §7)."""

    _name = "asn.training.coaching"
    _description = "Coaching (Bimbingan Kinerja)"
    _inherit = ["asn.workflow.mixin", "asn.kinerja.people.mixin"]
    _order = "date desc, id desc"
    _edit_rules = EDIT_RULES
    _create_states = ("draft",)
    _unlink_rule = (("draft",), ("appraiser", "officer"))
    _transitions = TRANSITIONS
    _transition_messages = TRANSITION_MESSAGES
    _next_activities = NEXT_ACTIVITIES
    _next_step_phrases = NEXT_STEP_PHRASES
    _role_fields = {"employee": "employee_id", "appraiser": "appraiser_id", "superior": "superior_id"}
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict", check_company=True
    )
    appraiser_id = fields.Many2one(
        "hr.employee",
        "Appraiser (Pejabat Penilai)",
        compute="_compute_appraiser_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    superior_id = fields.Many2one(
        "hr.employee",
        "Appraiser's Superior",
        compute="_compute_superior_id",
        store=True,
        index="btree_not_null",
        help="Receives the employee's feedback (B.1.8) on the coaching.",
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True, default=lambda self: self.env.company)
    appraisal_id = fields.Many2one(
        "asn.kinerja.appraisal",
        "SKP",
        index="btree_not_null",
        ondelete="restrict",
        domain="[('employee_id', '=', employee_id)]",
        check_company=True,
        help="The SKP whose result the coaching follows.",
    )
    appraisal_predicate = fields.Selection(related="appraisal_id.predicate", string="SKP Predikat")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    place = fields.Char(default=lambda self: self.env.company.kinerja_sign_place)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, copy=False, tracking=True)
    answer_ids = fields.One2many("asn.training.coaching.answer", "coaching_id", "Employee's Feedback (B.1.8)")
    employee_comment = fields.Text(
        "Employee's Comment", compute="_compute_employee_comment", inverse="_inverse_employee_comment"
    )
    # part of the feedback (B.1.8), which the appraiser does not read: see _compute_employee_comment
    employee_comment_text = fields.Text(groups="base.group_system")
    is_feedback_reader = fields.Boolean(
        compute="_compute_employee_comment", help="The caller reads the employee's feedback (B.1.8)."
    )
    competency_ids = fields.One2many("asn.training.coaching.competency", "coaching_id", "Competency Evaluation (B.1.9)")
    average_feedback = fields.Float(compute="_compute_averages", digits=(3, 2))
    average_competency = fields.Float("Average Competency Score", compute="_compute_averages", digits=(3, 2))

    @api.depends("employee_id.name", "date")
    def _compute_name(self):
        for coaching in self:
            coaching.name = " - ".join(filter(None, [coaching.employee_id.name, coaching.date and str(coaching.date)]))

    @api.depends("employee_id")
    def _compute_appraiser_id(self):
        for coaching in self:
            coaching.appraiser_id = coaching.employee_id.appraiser_id

    @api.depends("appraiser_id")
    def _compute_superior_id(self):
        for coaching in self:
            coaching.superior_id = coaching.employee_id._kinerja_superior(coaching.appraiser_id)

    @api.depends_context("uid")
    def _compute_employee_comment(self):
        for coaching in self:
            coaching.is_feedback_reader = bool(coaching._get_roles() & {"employee", "superior", "officer"})
            coaching.employee_comment = coaching.is_feedback_reader and coaching.sudo().employee_comment_text

    def _inverse_employee_comment(self):
        for coaching in self:
            coaching.sudo().employee_comment_text = coaching.employee_comment

    @api.constrains("appraisal_id", "employee_id")
    def _check_appraisal(self):
        for coaching in self.filtered("appraisal_id"):
            if coaching.appraisal_id.employee_id != coaching.employee_id:
                raise ValidationError(self.env._("A coaching session follows an SKP of the same employee."))

    @api.depends("answer_ids.score", "competency_ids.score")
    def _compute_averages(self):
        for coaching in self:
            answers = coaching.answer_ids.filtered("score").mapped("score")
            scores = coaching.competency_ids.filtered("score").mapped("score")
            coaching.average_feedback = sum(answers) / len(answers) if answers else 0.0
            coaching.average_competency = sum(scores) / len(scores) if scores else 0.0

    # ------------------------------------------------------------------
    # creation and edit rules
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # the nine B.1.8 statements: a small configuration table, all of it is wanted
        statements = self.env["asn.training.coaching.statement"].sudo().search([])  # pylint: disable=no-search-all
        Employee = self.env["hr.employee"].sudo()
        for vals in vals_list:
            employee = Employee.browse(vals.get("employee_id"))
            vals["company_id"] = employee.company_id.id or self.env.company.id
            if not self.env.su:
                self._check_create(vals, employee)
            if not vals.get("answer_ids"):
                vals["answer_ids"] = [
                    Command.create({"statement_id": s.id, "sequence": s.sequence, "group": s.group, "name": s.name})
                    for s in statements
                ]
        coachings = super(AsnTrainingCoaching, self.sudo() if not self.env.su else self).create(vals_list)
        coachings = coachings.with_env(self.env)
        coachings.answer_ids._copy_statement_text()
        for coaching in coachings.filtered("appraisal_id"):
            # the line it leaves on the SKP speaks the SKP's language
            skp = coaching.appraisal_id.sudo()
            skp = skp.with_context(lang=skp._document_lang())
            skp.activity_feedback(
                [COACHING_ACTIVITY], feedback=skp.env._("Coaching recorded: %(name)s.", name=coaching.name)
            )
        coachings._schedule_next_activity()
        return coachings

    def _workflow_name(self):
        return self.env._("the coaching %(name)s", name=self.sudo().name)

    def _next_step_idle(self):
        return self.env._("Finished: the coaching is recorded.") if self.state == "done" else ""

    @api.model
    def _check_create(self, vals, employee):
        """Only HR or the employee's current appraiser records a coaching, for that appraiser."""
        company = self.env["res.company"].browse(vals["company_id"])
        roles = self._roles_towards(employee, employee.appraiser_id, company)
        if not roles & {"appraiser", "officer"}:
            raise AccessError(
                self.env._(
                    "Only the appraiser of %(employee)s or an HR officer can record a coaching session.",
                    employee=employee.name,
                )
            )
        if "officer" not in roles and vals.get("appraiser_id", employee.appraiser_id.id) != employee.appraiser_id.id:
            raise AccessError(self.env._("The coaching is held by the employee's own appraiser."))
        self._check_create_vals(vals)  # here: the record is created as superuser, past the mixin's guard
        if vals.get("answer_ids") or vals.get("employee_comment") or vals.get("employee_comment_text"):
            raise AccessError(self.env._("The employee gives the feedback (B.1.8) after the session."))

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_submit_feedback(self):
        """Employee: hand in the feedback of form B.1.8."""

        def check(coaching):
            if missing := coaching.answer_ids.filtered(lambda a: not a.score):
                raise UserError(
                    self.env._("Rate every statement from 1 to 5 first (%(count)s left).", count=len(missing))
                )

        return self._transition("submit_feedback", check=check)

    def action_done(self):
        """Appraiser: close the coaching with the competency evaluation of form B.1.9."""

        def check(coaching):
            if not coaching.competency_ids or coaching.competency_ids.filtered(lambda c: not c.score):
                raise UserError(
                    self.env._(
                        "Score at least one competency, each from 1 to 5, with the reason (%(name)s).",
                        name=coaching.name,
                    )
                )

        return self._transition("done", check=check)

    def action_reset(self):
        """HR officer: reopen a coaching record for correction."""
        return self._transition("reset")

    def action_print(self):
        self.check_access("read")  # printed for those who see the coaching, nobody else
        return self.env.ref("hr_asn_training.action_report_coaching").report_action(self)

"""Keberatan: the employee's objection to a final result (PP 30/2019, docs/rules.md §13).

The employee files it in writing, with reasons, within the company's objection period after the result
(14 days by default); one per SKP. The appraiser's superior decides it (Pengelola Kinerja where the
appraiser has no superior) after hearing the appraiser and the employee, whose explanations the decider
records: either rejects it with a reason, or sets new ratings and accepts it, and the SKP's result changes
through the matrix. The decision is final.
"""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools.misc import format_date
from odoo.tools.translate import LazyTranslate

from ..tools.predicate import PREDICATE_SELECTION, RATING_SELECTION, compute_predicate
from .asn_edit_rules_mixin import rule

_lt = LazyTranslate(__name__)

DECIDE = "hr_asn_kinerja.mail_act_objection_decide"
EXPLAIN_APPRAISER = "hr_asn_kinerja.mail_act_objection_explain_appraiser"
EXPLAIN_EMPLOYEE = "hr_asn_kinerja.mail_act_objection_explain_employee"
# the employee's "read the result" activity: not asked while the objection waits for its decision
READ_RESULT = "hr_asn_kinerja.mail_act_skp_acknowledge"
DECIDER = ("decider",)
HEARING = rule(("submitted",), DECIDER)
# what the employee writes when filing; everything else is the decider's or the engine's
FILING_FIELDS = {"appraisal_id", "reason"}
STATES = [("submitted", "Submitted"), ("accepted", "Accepted"), ("rejected", "Rejected")]


class AsnKinerjaObjection(models.Model):
    _name = "asn.kinerja.objection"
    _description = "Objection to an SKP Result (Keberatan)"
    _inherit = ["asn.workflow.mixin", "asn.kinerja.appraisal.link.mixin"]
    _order = "date_submitted desc, id desc"
    _check_company_auto = True
    # the appraiser and the employee answer the decider in its messages
    _mail_post_access = "read"

    _transitions = {
        "accept": {"submitted": ("accepted", DECIDER)},
        "reject": {"submitted": ("rejected", DECIDER)},
    }
    _transition_messages = {
        "accept": _lt("Objection accepted: the result changes."),
        "reject": _lt("Objection rejected: the result stands."),
    }
    _reason_actions = ("reject",)
    _role_fields = {
        "employee": "employee_id",
        "appraiser": "appraiser_id",
        "superior": "superior_id",
        "decider": "superior_id",
    }
    # without a superior, Pengelola Kinerja decides
    _role_fallbacks = {"decider": "officer"}
    _create_fields = FILING_FIELDS
    _state_dates = {"accepted": "date_decided", "rejected": "date_decided"}
    # an explanation recorded ends the activity that asked for it (write)
    _next_activities = {
        "submitted": [
            (DECIDE, "superior_id"),
            (EXPLAIN_APPRAISER, "appraiser_id", "appraiser_explanation"),
            (EXPLAIN_EMPLOYEE, "employee_id", "employee_explanation"),
        ]
    }
    _next_step_phrases = {
        DECIDE: (
            _lt("Your turn: hear the appraiser and the employee, then decide"),
            _lt("Waiting for %(person)s to decide the objection"),
        ),
        EXPLAIN_APPRAISER: (
            _lt("Your turn: explain your assessment to the one who decides, in a message on this objection"),
            _lt("Waiting for the explanation of %(person)s (appraiser)"),
        ),
        EXPLAIN_EMPLOYEE: (
            _lt("Your turn: give your explanation to the one who decides, in a message on this objection"),
            _lt("Waiting for the explanation of %(person)s (employee)"),
        ),
    }
    _edit_rules = dict.fromkeys(
        ("appraiser_explanation", "employee_explanation", "result_rating", "behavior_rating"), HEARING
    )

    appraisal_id = fields.Many2one(
        "asn.kinerja.appraisal", "SKP", required=True, index=True, ondelete="restrict", check_company=True
    )
    # the people of the final SKP when the objection is filed (a final SKP keeps them, docs/rules.md §20.4)
    employee_id = fields.Many2one("hr.employee", readonly=True, index=True, ondelete="restrict")
    appraiser_id = fields.Many2one("hr.employee", readonly=True, index=True, ondelete="restrict")
    superior_id = fields.Many2one(
        "hr.employee",
        "Who Decides",
        readonly=True,
        index=True,
        ondelete="restrict",
        help="The appraiser's superior decides the objection; without one, Pengelola Kinerja (BKPSDM) does.",
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    period_id = fields.Many2one(related="appraisal_id.period_id", string="Period")
    state = fields.Selection(
        STATES,
        default="submitted",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    reason = fields.Text("Reasons", required=True, help="Why the employee objects to the result, in writing.")
    date_submitted = fields.Date("Filed On", readonly=True, default=fields.Date.context_today, copy=False)
    date_decided = fields.Date("Decided On", readonly=True, copy=False)
    # the result objected to, as it was
    old_result_rating = fields.Selection(RATING_SELECTION, "Objected Work Result Rating", readonly=True)
    old_behavior_rating = fields.Selection(RATING_SELECTION, "Objected Work Behaviour Rating", readonly=True)
    old_predicate = fields.Selection(PREDICATE_SELECTION, "Objected Predikat", readonly=True)
    # the hearing, recorded by the decider
    appraiser_explanation = fields.Text("Explanation of the Appraiser")
    employee_explanation = fields.Text("Explanation of the Employee")
    # the decision
    result_rating = fields.Selection(RATING_SELECTION, "Decided Work Result Rating")
    behavior_rating = fields.Selection(RATING_SELECTION, "Decided Work Behaviour Rating")
    new_predicate = fields.Selection(
        PREDICATE_SELECTION, "Decided Predikat", compute="_compute_new_predicate", store=True, readonly=True
    )
    new_predicate_reason = fields.Char("How the Decided Predikat Follows", compute="_compute_new_predicate_reason")
    decision_reason = fields.Text("Why Rejected", readonly=True, copy=False)
    is_decider = fields.Boolean(compute="_compute_is_decider", help="The reader decides this objection.")

    _appraisal_unique = models.UniqueIndex("(appraisal_id)", "An SKP has one objection: the decision is final.")

    @api.depends("appraisal_id")
    def _compute_display_name(self):
        for objection in self:
            objection.display_name = objection.env._("Objection: %(skp)s", skp=objection.sudo().appraisal_id.name or "")

    @api.depends("result_rating", "behavior_rating")
    def _compute_new_predicate(self):
        for objection in self:
            objection.new_predicate = compute_predicate(objection.result_rating, objection.behavior_rating)

    @api.depends("result_rating", "behavior_rating")
    @api.depends_context("lang")
    def _compute_new_predicate_reason(self):
        Appraisal = self.env["asn.kinerja.appraisal"]
        for objection in self:
            objection.new_predicate_reason = Appraisal._predicate_sentence(
                objection.result_rating, objection.behavior_rating
            )

    @api.depends_context("uid")
    def _compute_is_decider(self):
        for objection in self:
            objection.is_decider = "decider" in objection._get_roles()

    def _document_lang(self):
        return self.sudo().appraisal_id._document_lang()

    def _workflow_name(self):
        return self.env._("the objection of %(employee)s", employee=self.sudo().employee_id.name)

    def _check_workflow_open(self):
        self.sudo().appraisal_id._check_period_open()

    # ------------------------------------------------------------------
    # filing
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Appraisal = self.env["asn.kinerja.appraisal"]
        for vals in vals_list:
            if not self.env.su:
                self._check_create_vals(vals)  # here: the record is created as superuser, past the mixin's guard
            skp = Appraisal.browse(vals.get("appraisal_id"))
            skp._check_can_object()
            self._check_reason(vals.get("reason"), self.env._("Write the reasons of the objection."))
            vals.update(
                employee_id=skp.sudo().employee_id.id,
                appraiser_id=skp.sudo().appraiser_id.id,
                superior_id=skp.sudo().appraiser_superior_id.id,
                company_id=skp.company_id.id,
                old_result_rating=skp.result_rating,
                old_behavior_rating=skp.behavior_rating,
                old_predicate=skp.predicate,
            )
        objections = super(AsnKinerjaObjection, self.sudo().with_context(mail_create_nosubscribe=True)).create(
            vals_list
        )
        objections._log_on_skp("filed")
        objections.appraisal_id.sudo().activity_unlink([READ_RESULT])
        objections._schedule_next_activity()
        return objections.with_env(self.env)

    def write(self, vals):
        result = super().write(vals)
        if {"appraiser_explanation", "employee_explanation"} & set(vals):
            # an explanation recorded ends the activity that asked for it
            self._schedule_next_activity()
        return result

    # a hook, not a table: Pengelola Kinerja decides as a group (``_role_fallbacks``), nobody's activity to name
    @api.depends_context("uid", "lang")
    def _compute_next_step(self):
        result = super()._compute_next_step()
        # without a superior, HR decides: the line names it even while explanations are awaited
        for objection in self.filtered(lambda o: o.state == "submitted" and not o.sudo().superior_id):
            hr = objection._next_step_idle()
            if objection.next_step and hr not in objection.next_step:
                objection.next_step = f"{objection.next_step}; {hr}"
        return result

    def _next_step_idle(self):
        if self.state == "submitted":
            return self.env._("Waiting for Pengelola Kinerja (BKPSDM) to decide the objection")
        labels = dict(self._fields["state"]._description_selection(self.env))
        return self.env._(
            "Decided on %(date)s: %(decision)s. The decision is final.",
            date=format_date(self.env, self.date_decided),
            decision=labels[self.state],
        )

    def action_file(self):
        """Employee, in the filing dialog (the objection is saved by then): a confirmation of what follows."""
        self.ensure_one()
        self.check_access("read")
        objection = self.sudo()
        message = self.env._(
            "Your objection is filed. %(decider)s hears you and your appraiser, then decides; you are told the "
            "decision. Add your explanation or evidence as a message on the objection.",
            decider=objection.superior_id.name or self.env._("Pengelola Kinerja (BKPSDM)"),
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Objection filed"),
                "message": message,
                "type": "success",
                "sticky": True,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------------
    # telling the SKP and the people
    # ------------------------------------------------------------------
    def _log_on_skp(self, event):
        """A line in the SKP's chatter (in its language): the objection filed, or rejected."""
        for objection in self.sudo():
            skp = objection.appraisal_id.with_context(lang=objection.appraisal_id._document_lang())
            env = skp.env
            if event == "filed":
                text = env._(
                    "Objection filed by %(employee)s; %(decider)s decides.",
                    employee=objection.employee_id.name,
                    decider=objection.superior_id.name or env._("Pengelola Kinerja (BKPSDM)"),
                )
                detail = objection.reason
            else:
                text = env._("Objection rejected by %(decider)s: the result stands.", decider=self.env.user.name)
                detail = objection.decision_reason
            skp._message_log(body=Markup("<p>%s</p><p>%s %s</p>") % (text, env._("Reason:"), detail))

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command, Domain
from odoo.tools import SQL, split_every

from ..tools.predicate import compute_predicate
from .asn_edit_rules_mixin import rule

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("self_assessed", "Self-assessed"),
    ("scored", "Scored"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
OPEN_STATES = ("draft", "submitted", "approved", "self_assessed", "scored")
RATINGS = [("above", "Above Expectations"), ("as_expected", "As Expected"), ("below", "Below Expectations")]
PREDICATES = [
    ("very_good", "Very Good"),
    ("good", "Good"),
    ("needs_improvement", "Needs Improvement"),
    ("poor", "Poor / Misconduct"),
    ("very_poor", "Very Poor"),
]
ORGANIZATION_RATINGS = [
    ("outstanding", "Outstanding (Istimewa)"),
    ("good", "Good (Baik)"),
    ("needs_improvement", "Needs Improvement (Butuh Perbaikan)"),
    ("poor", "Poor (Kurang)"),
    ("very_poor", "Very Poor (Sangat Kurang)"),
]
# action: ({from state: to state}, roles that may do it)
TRANSITIONS = {
    "submit": ({"draft": "submitted"}, ("employee", "officer")),
    "approve": ({"submitted": "approved"}, ("appraiser",)),
    "return": ({"submitted": "draft", "self_assessed": "approved"}, ("appraiser",)),
    "submit_realization": ({"approved": "self_assessed"}, ("employee", "officer")),
    "score": ({"self_assessed": "scored"}, ("appraiser",)),
    "done": ({"scored": "done"}, ("superior", "officer")),
    "cancel": (dict.fromkeys(OPEN_STATES, "cancel"), ("officer",)),
    "reopen": ({"done": "scored"}, ("officer",)),
    "reset": ({"cancel": "draft"}, ("officer",)),
}
# state reached -> (activity type, who acts next): also what "Awaiting Me" means
NEXT_ACTIVITY = {
    "draft": ("hr_asn_kinerja.mail_act_skp_revise", "employee_id"),
    "submitted": ("hr_asn_kinerja.mail_act_skp_approve", "appraiser_id"),
    "approved": ("hr_asn_kinerja.mail_act_skp_realize", "employee_id"),
    "self_assessed": ("hr_asn_kinerja.mail_act_skp_score", "appraiser_id"),
    "scored": ("hr_asn_kinerja.mail_act_skp_finalize", "appraiser_superior_id"),
}
DATE_OF_STATE = {"approved": "date_approved", "scored": "date_scored", "done": "date_done"}
PLANNING = ("draft", "submitted")
OPEN_BATCH_SIZE = 100  # SKPs created per batch when a period opens (the ORM inserts 100 rows a query)
RATING = ("self_assessed", "scored")


class AsnKinerjaAppraisal(models.Model):
    _name = "asn.kinerja.appraisal"
    _description = "SKP (Employee Performance Plan and Appraisal)"
    _inherit = ["mail.thread", "mail.activity.mixin", "asn.edit.rules.mixin", "asn.kinerja.people.mixin"]
    _order = "period_id desc, employee_name, id"
    _rec_name = "name"

    _edit_rules = {
        "result_rating": rule(RATING, ("appraiser", "officer")),
        "behavior_rating": rule(RATING, ("appraiser", "officer")),
        "organization_rating": rule(RATING, ("appraiser", "officer")),
        "appraiser_feedback": rule(("approved", *RATING), ("appraiser", "officer")),
        "employee_feedback": rule(OPEN_STATES, ("employee",)),
        "resource_support": rule(PLANNING, ("employee", "appraiser", "officer")),
        "accountability_scheme": rule(PLANNING, ("employee", "appraiser", "officer")),
        "consequence": rule(PLANNING, ("employee", "appraiser", "officer")),
        "attachment_ids": rule(("draft", "approved"), ("employee", "officer")),
        "appraiser_id": rule(OPEN_STATES, ("officer",)),
        "appraiser_superior_id": rule(OPEN_STATES, ("officer",)),
        # rows check their own rules
        **dict.fromkeys(
            ("line_ids", "main_line_ids", "additional_line_ids", "behavior_line_ids"),
            rule(OPEN_STATES, ("employee", "appraiser", "officer")),
        ),
    }

    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    employee_name = fields.Char(related="employee_id.name", store=True, precompute=True, string="Employee Name")
    period_id = fields.Many2one("asn.kinerja.period", required=True, index=True, ondelete="restrict")
    period_type = fields.Selection(related="period_id.period_type", string="Period Type")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    department_id = fields.Many2one("hr.department", "Unit", readonly=True, index=True, help="At creation.")
    job_id = fields.Many2one("hr.job", "Job Position", readonly=True, help="At creation.")
    appraiser_id = fields.Many2one(
        "hr.employee", "Appraiser (Pejabat Penilai)", index=True, tracking=True, ondelete="restrict"
    )
    appraiser_superior_id = fields.Many2one(
        "hr.employee", "Appraiser's Superior", index=True, tracking=True, ondelete="restrict"
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True, index=True
    )
    line_ids = fields.One2many("asn.kinerja.appraisal.line", "appraisal_id", "Work Results")
    main_line_ids = fields.One2many(
        "asn.kinerja.appraisal.line", "appraisal_id", "Main Work Results", domain=[("kind", "=", "main")]
    )
    additional_line_ids = fields.One2many(
        "asn.kinerja.appraisal.line", "appraisal_id", "Additional Work Results", domain=[("kind", "=", "additional")]
    )
    behavior_line_ids = fields.One2many("asn.kinerja.behavior.line", "appraisal_id", "Work Behaviour")
    result_rating = fields.Selection(RATINGS, "Work Result Rating", tracking=True, copy=False)
    behavior_rating = fields.Selection(RATINGS, "Work Behaviour Rating", tracking=True, copy=False)
    predicate = fields.Selection(
        PREDICATES, "Predikat", compute="_compute_predicate", store=True, tracking=True, index=True, copy=False
    )
    predicate_reason = fields.Char(
        "How the Predikat Was Set", compute="_compute_predicate_reason", help="The matrix of PermenPAN-RB 6/2022."
    )
    organization_rating = fields.Selection(ORGANIZATION_RATINGS, "Organisation Performance", copy=False)
    appraiser_feedback = fields.Text("Appraiser's Notes and Recommendations", copy=False)
    employee_feedback = fields.Text("Employee's Comments", copy=False)
    return_reason = fields.Text(readonly=True, copy=False)
    reopen_reason = fields.Text(readonly=True, copy=False)
    resource_support = fields.Text(help="Lampiran SKP: Dukungan Sumber Daya.")
    accountability_scheme = fields.Text(help="Lampiran SKP: Skema Pertanggungjawaban.")
    consequence = fields.Text("Consequences", help="Lampiran SKP: Konsekuensi.")
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence", help="Bukti dukung for the whole SKP.")
    date_approved = fields.Date(readonly=True, copy=False)
    date_scored = fields.Date(readonly=True, copy=False)
    date_done = fields.Date(readonly=True, copy=False)

    # the caller's roles on this SKP, for buttons and menus
    is_own = fields.Boolean(compute="_compute_my_roles", search="_search_is_own")
    is_appraiser = fields.Boolean(compute="_compute_my_roles", search="_search_is_appraiser")
    is_superior = fields.Boolean(compute="_compute_my_roles", search="_search_is_superior")
    is_officer = fields.Boolean(compute="_compute_my_roles")
    is_awaiting_me = fields.Boolean("Awaiting Me", compute="_compute_my_roles", search="_search_is_awaiting_me")

    _employee_period_unique = models.UniqueIndex("(employee_id, period_id)", "An employee has one SKP per period.")

    @api.depends("employee_id.name", "period_id.name")
    def _compute_name(self):
        for appraisal in self:
            appraisal.name = f"SKP {appraisal.period_id.name or ''} - {appraisal.employee_id.name or ''}"

    @api.depends("result_rating", "behavior_rating")
    def _compute_predicate(self):
        for appraisal in self:
            appraisal.predicate = compute_predicate(appraisal.result_rating, appraisal.behavior_rating)

    @api.depends("result_rating", "behavior_rating")
    def _compute_predicate_reason(self):
        labels = {
            name: dict(self._fields[name]._description_selection(self.env)) for name in ("result_rating", "predicate")
        }
        for appraisal in self:
            appraisal.predicate_reason = appraisal.predicate and self.env._(
                "Work results %(result)s and work behaviour %(behavior)s give %(predicate)s (PermenPAN-RB 6/2022 matrix).",
                result=labels["result_rating"][appraisal.result_rating],
                behavior=labels["result_rating"][appraisal.behavior_rating],
                predicate=labels["predicate"][appraisal.predicate],
            )

    @api.depends_context("uid")
    def _compute_my_roles(self):
        for appraisal in self:
            roles = appraisal._get_roles()
            appraisal.is_own = "employee" in roles
            appraisal.is_appraiser = "appraiser" in roles
            appraisal.is_superior = "superior" in roles
            appraisal.is_officer = "officer" in roles
            step = NEXT_ACTIVITY.get(appraisal.state)
            appraisal.is_awaiting_me = bool(step) and appraisal.sudo()[step[1]].user_id == self.env.user

    def _search_is_own(self, operator, value):
        return self._search_by_user("employee_id", operator, value)

    def _search_is_appraiser(self, operator, value):
        return self._search_by_user("appraiser_id", operator, value)

    def _search_is_superior(self, operator, value):
        return self._search_by_user("appraiser_superior_id", operator, value)

    def _search_is_awaiting_me(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        mine = Domain.OR(
            Domain("state", "=", state) & Domain(f"{person}.user_id", "=", self.env.uid)
            for state, (_activity, person) in NEXT_ACTIVITY.items()
        )
        return mine if (True in value) == (operator == "in") else ~mine

    def _search_by_user(self, field, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        mine = Domain(f"{field}.user_id", "=", self.env.uid)
        return mine if (True in value) == (operator == "in") else ~mine

    def _get_roles(self):
        """The caller's roles on this SKP: employee, appraiser, superior, officer."""
        self.ensure_one()
        record = self.sudo()
        return self._roles_towards(
            record.employee_id, record.appraiser_id, record.company_id, superior=record.appraiser_superior_id
        )

    def _edit_overrides_roles(self):
        return self.env.user.has_group("hr_asn_kinerja.group_kinerja_manager")

    def _check_period_open(self):
        if self.period_id.state == "closed":
            raise UserError(
                self.env._("The period %(period)s is closed: its SKPs cannot change.", period=self.period_id.name)
            )

    def _check_edit_open(self, field_names):
        self._check_period_open()
        # the Administrator alone may set a done SKP's state or predikat directly
        if self.state == "done" and not (self._edit_overrides_roles() and set(field_names) <= {"state", "predicate"}):
            raise UserError(
                self.env._(
                    "The SKP of %(employee)s is done and read-only; Pengelola Kinerja can reopen it.",
                    employee=self.employee_id.name,
                )
            )

    @api.constrains("employee_id", "appraiser_id", "appraiser_superior_id")
    def _check_people(self):
        for appraisal in self:
            if appraisal.employee_id in (appraisal.appraiser_id | appraisal.appraiser_superior_id):
                raise ValidationError(
                    self.env._("%(employee)s cannot appraise their own SKP.", employee=appraisal.employee_id.name)
                )
            if appraisal.period_id.company_id != appraisal.company_id:
                raise ValidationError(self.env._("The SKP and its period must belong to the same company."))

    # ------------------------------------------------------------------
    # creation
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("state", "draft") != "draft" or "predicate" in vals for vals in vals_list):
            raise AccessError(self.env._("A new SKP starts as a draft."))
        # iterate over whole recordsets so that each field is read once for the batch
        employees = self.env["hr.employee"].sudo().browse({vals.get("employee_id") for vals in vals_list})
        employee_by_id = {employee.id: employee for employee in employees}
        periods = self.env["asn.kinerja.period"].browse({vals.get("period_id") for vals in vals_list})
        period_by_id = {period.id: period for period in periods}
        appraiser_by_id = {appraiser.id: appraiser for appraiser in employees.appraiser_id}
        annual = self._annual_appraisals(employees, periods)
        for vals in vals_list:
            employee = employee_by_id.get(vals.get("employee_id"), employees.browse())
            period = period_by_id.get(vals.get("period_id"), periods.browse())
            vals.setdefault("company_id", employee.company_id.id or period.company_id.id)
            vals.setdefault("department_id", employee.department_id.id)
            vals.setdefault("job_id", employee.job_id.id)
            vals.setdefault("appraiser_id", employee.appraiser_id.id)
            if "appraiser_superior_id" not in vals:
                appraiser = appraiser_by_id.get(vals["appraiser_id"]) or employees.browse(vals["appraiser_id"])
                vals["appraiser_superior_id"] = appraiser.appraiser_id.id
            if "line_ids" not in vals:
                source = annual.get((employee.id, period.parent_id.id))
                if source:
                    vals["line_ids"] = [Command.create(line._copy_plan_vals()) for line in source.line_ids]
                    vals.setdefault("state", "approved")  # the plan was agreed on the annual SKP
                else:
                    vals["line_ids"] = [
                        Command.create(self.env["asn.kinerja.appraisal.line"]._prefill_vals(indicator))
                        for indicator in employee.job_id.asn_indicator_ids
                    ]
        appraisals = super().create(vals_list)
        appraisals._create_behavior_lines()
        return appraisals

    def _create_behavior_lines(self):
        """One row per active BerAKHLAK value, in a single query whatever the batch size."""
        self.env["asn.kinerja.behavior"].flush_model()
        self.env.cr.execute(
            SQL(
                """INSERT INTO asn_kinerja_behavior_line
                       (appraisal_id, behavior_id, sequence, create_uid, create_date, write_uid, write_date)
                   SELECT appraisal.id, behavior.id, behavior.sequence, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(ids)s) AS appraisal(id)
                    CROSS JOIN asn_kinerja_behavior behavior
                    WHERE behavior.active""",
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=self.ids,
            )
        )
        self.invalidate_recordset(["behavior_line_ids"])

    def _annual_appraisals(self, employees, periods):
        """The agreed annual SKP of each employee for the sub-periods being opened."""
        parents = periods.parent_id
        if not parents:
            return {}
        annual = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("period_id", "in", parents.ids),
                ("state", "in", ("approved", "self_assessed", "scored", "done")),
            ]
        )
        return {(a.employee_id.id, a.period_id.id): a for a in annual}

    @api.model
    def _create_for_period(self, period):
        """Create the missing SKP of every eligible employee of the period, in one batch."""
        eligible = self.env["hr.employee"].search(
            [("company_id", "=", period.company_id.id), ("nip", "!=", False), ("asn_type", "!=", False)]
        )
        existing = self.search_fetch([("period_id", "=", period.id)], ["employee_id"]).employee_id
        quiet = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True)
        appraisals = self.browse()
        for batch in split_every(OPEN_BATCH_SIZE, (eligible - existing).ids):
            appraisals |= quiet.create([{"employee_id": employee_id, "period_id": period.id} for employee_id in batch])
        return appraisals

    # ------------------------------------------------------------------
    # edit rules
    # ------------------------------------------------------------------
    def write(self, vals):
        self._check_edit(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.env.su:
            return
        for appraisal in self:
            if appraisal.state not in ("draft", "cancel") or "officer" not in appraisal._get_roles():
                raise UserError(
                    self.env._(
                        "Only Pengelola Kinerja can delete an SKP, and only a draft or cancelled one (%(name)s).",
                        name=appraisal.name,
                    )
                )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        """Employee (or HR): send the plan to the appraiser for approval."""
        for appraisal in self:
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
        return self._transition("submit")

    def action_approve(self):
        """Appraiser: agree to the plan."""
        return self._transition("approve")

    def action_return(self, reason):
        """Appraiser: send a plan (or a self-assessment) back to the employee, with the reason."""
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the SKP goes back to the employee."))
        return self._transition("return", reason, {"return_reason": reason})

    def action_submit_realization(self):
        """Employee (or HR): hand in the realisation for scoring."""
        for appraisal in self:
            if missing := appraisal.line_ids.filtered(lambda line: not line.realization):
                raise UserError(
                    self.env._(
                        "Enter the realisation of every work result first (missing: %(rows)s).",
                        rows=", ".join(missing.mapped("name")),
                    )
                )
        return self._transition("submit_realization")

    def action_score(self):
        """Appraiser: fix both ratings; the predikat follows from the matrix."""
        for appraisal in self:
            if not (appraisal.result_rating and appraisal.behavior_rating):
                raise UserError(
                    self.env._(
                        "Rate both the work results and the work behaviour of %(employee)s first.",
                        employee=appraisal.employee_id.name,
                    )
                )
        return self._transition("score")

    def action_done(self):
        """Appraiser's superior or HR: finalise the SKP."""
        result = self._transition("done")
        self._on_done()
        return result

    def action_cancel(self):
        """HR: cancel an SKP that is not done."""
        return self._transition("cancel")

    def action_reopen(self, reason):
        """HR: reopen a done SKP for correction, with the reason."""
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the SKP is reopened."))
        return self._transition("reopen", reason, {"reopen_reason": reason})

    def action_reset(self):
        """HR: bring a cancelled SKP back to draft."""
        return self._transition("reset")

    def _on_done(self):
        """Hook for what follows a final result (hr_asn_training adds coaching and training)."""
        return True

    def _transition(self, action, reason=None, extra_vals=None):
        moves, roles = TRANSITIONS[action]
        for appraisal in self:
            if appraisal.state not in moves:
                raise UserError(
                    self.env._(
                        "The SKP of %(employee)s is %(state)s: this step is not possible now.",
                        employee=appraisal.employee_id.name,
                        state=appraisal._state_label(),
                    )
                )
            appraisal._check_period_open()
            if not self.env.su and not (appraisal._get_roles() & set(roles)):
                raise AccessError(
                    self.env._(
                        "You are not allowed to do this on the SKP of %(employee)s.",
                        employee=appraisal.employee_id.name,
                    )
                )
        today = fields.Date.context_today(self)
        for appraisal in self:
            new_state = moves[appraisal.state]
            vals = {"state": new_state, **(extra_vals or {})}
            if date_field := DATE_OF_STATE.get(new_state):
                vals[date_field] = today
            appraisal.sudo().write(vals)
            appraisal._log_transition(action, reason)
            appraisal._schedule_next_activity()
        return True

    def _log_transition(self, action, reason):
        labels = {
            "submit": self.env._("Plan submitted for approval."),
            "approve": self.env._("Plan approved."),
            "return": self.env._("Returned to the employee."),
            "submit_realization": self.env._("Realisation submitted for scoring."),
            "score": self.env._("Scored."),
            "done": self.env._("Final result set."),
            "cancel": self.env._("Cancelled."),
            "reopen": self.env._("Reopened for correction."),
            "reset": self.env._("Reset to draft."),
        }
        body = Markup("<p>%s</p>") % labels[action]
        if reason:
            body += Markup("<p>%s %s</p>") % (self.env._("Reason:"), reason)
        self.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def _schedule_next_activity(self):
        record = self.sudo()
        record.activity_unlink([xmlid for xmlid, _who in NEXT_ACTIVITY.values()])
        step = NEXT_ACTIVITY.get(record.state)
        if not step:
            return
        xmlid, person = step
        user = record[person].user_id
        if user:
            record.activity_schedule(xmlid, user_id=user.id)

    # ------------------------------------------------------------------
    # wizards
    # ------------------------------------------------------------------
    def action_open_return_wizard(self):
        return self._reason_wizard("return")

    def action_open_reopen_wizard(self):
        return self._reason_wizard("reopen")

    def _reason_wizard(self, action):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to the employee") if action == "return" else self.env._("Reopen the SKP"),
            "res_model": "asn.kinerja.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_ids": self.ids, "default_action": action},
        }

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command

from ..tools.predicate import PREDICATE_SELECTION, RATING_SELECTION
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
# Capaian Kinerja Organisasi (docs/rules.md §5)
ORGANIZATION_RATINGS = [
    ("outstanding", "Outstanding (Istimewa)"),
    ("good", "Good (Baik)"),
    ("needs_improvement", "Needs Improvement (Butuh Perbaikan)"),
    ("poor", "Poor (Kurang)"),
    ("very_poor", "Very Poor (Sangat Kurang)"),
]
DATE_OF_STATE = {"approved": "date_approved", "scored": "date_scored", "done": "date_done"}
PLANNING = ("draft", "submitted")
RATING = ("self_assessed", "scored")


class AsnKinerjaAppraisal(models.Model):
    _name = "asn.kinerja.appraisal"
    _description = "SKP (Employee Performance Plan and Appraisal)"
    _inherit = ["asn.workflow.mixin", "asn.kinerja.people.mixin"]
    _order = "period_id desc, employee_name, id"
    _rec_name = "name"
    _check_company_auto = True

    _state_dates = DATE_OF_STATE
    _reason_actions = ("return", "reopen")
    _role_fields = {"employee": "employee_id", "appraiser": "appraiser_id", "superior": "appraiser_superior_id"}
    _unlink_rule = (("draft", "cancel"), ("officer",))
    # the appraiser alone rates and writes the appraiser's notes; HR corrects a result by reopening it
    _edit_rules = {
        "result_rating": rule(RATING, ("appraiser",)),
        "behavior_rating": rule(RATING, ("appraiser",)),
        "appraiser_feedback": rule(RATING, ("appraiser",)),
        "employee_feedback": rule(OPEN_STATES, ("employee",)),
        "resource_support": rule(PLANNING, ("employee", "appraiser", "officer")),
        "accountability_scheme": rule(PLANNING, ("employee", "appraiser", "officer")),
        "consequence": rule(PLANNING, ("employee", "appraiser", "officer")),
        "attachment_ids": rule(("draft", "approved"), ("employee", "officer")),
        "appraiser_id": rule(OPEN_STATES, ("officer",)),
        # the employee's answer to the final result, until they acknowledge it (docs/rules.md §21)
        "employee_comment": rule(("done",), ("employee",)),
        # the continuous feedback thread checks its own rules (asn.kinerja.feedback)
        "feedback_ids": rule(OPEN_STATES, ("employee", "appraiser", "superior")),
        # rows check their own rules
        **dict.fromkeys(
            ("line_ids", "main_line_ids", "additional_line_ids", "behavior_line_ids"),
            rule(OPEN_STATES, ("employee", "appraiser", "officer")),
        ),
    }

    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict", check_company=True)
    employee_name = fields.Char(related="employee_id.name", store=True, precompute=True, string="Employee Name")
    period_id = fields.Many2one(
        "asn.kinerja.period", required=True, index=True, ondelete="restrict", check_company=True
    )
    period_type = fields.Selection(related="period_id.period_type", string="Period Type")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    # the unit printed on the forms and counted by its Penetapan: archived, never deleted (docs/rules.md §22)
    department_id = fields.Many2one(
        "hr.department", "Unit", readonly=True, index=True, ondelete="restrict", help="At creation."
    )
    job_id = fields.Many2one("hr.job", "Job Position", readonly=True, help="At creation.")
    appraiser_id = fields.Many2one(
        "hr.employee", "Appraiser (Pejabat Penilai)", index=True, tracking=True, ondelete="restrict", check_company=True
    )
    appraiser_superior_id = fields.Many2one(
        "hr.employee",
        "Appraiser's Superior",
        compute="_compute_appraiser_superior_id",
        store=True,
        precompute=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        help="Atasan Pejabat Penilai Kinerja: the appraiser's own appraiser. Empty at the top of the chain, "
        "where Pengelola Kinerja sets the final result.",
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
    result_rating = fields.Selection(RATING_SELECTION, "Work Result Rating", tracking=True, copy=False)
    behavior_rating = fields.Selection(RATING_SELECTION, "Work Behaviour Rating", tracking=True, copy=False)
    predicate = fields.Selection(
        PREDICATE_SELECTION, "Predikat", compute="_compute_predicate", store=True, tracking=True, index=True, copy=False
    )
    predicate_reason = fields.Char(
        "How the Predikat Was Set", compute="_compute_predicate_reason", help="The matrix of PermenPAN-RB 6/2022."
    )
    organization_rating = fields.Selection(
        ORGANIZATION_RATINGS,
        "Organisation Performance",
        compute="_compute_organization_rating",
        help="Capaian Kinerja Organisasi: the rating HR gives the unit (or its nearest parent unit) for the period.",
    )
    periodic_appraisal_ids = fields.One2many(
        "asn.kinerja.appraisal",
        compute="_compute_periodic_appraisal_ids",
        string="Periodic Evaluations",
        help="The semester, quarter or month evaluations of this annual SKP.",
    )
    appraiser_feedback = fields.Text("Appraiser's Notes and Recommendations", copy=False)
    employee_feedback = fields.Text("Employee's Comments", copy=False)
    return_reason = fields.Text(readonly=True, copy=False)
    status = fields.Selection(
        [*STATES[:1], ("returned", "Returned"), *STATES[1:]],
        compute="_compute_status",
        store=True,
        precompute=True,
        index=True,
        help="The state as lists and cards show it: Returned while a plan or realisation sent back by the "
        "appraiser with a reason has not been handed in again.",
    )
    reopen_reason = fields.Text(readonly=True, copy=False)
    resource_support = fields.Text(help="Lampiran SKP: Dukungan Sumber Daya.")
    accountability_scheme = fields.Text(help="Lampiran SKP: Skema Pertanggungjawaban.")
    consequence = fields.Text("Consequences", help="Lampiran SKP: Konsekuensi.")
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence", help="Bukti dukung for the whole SKP.")
    date_approved = fields.Date(readonly=True, copy=False)
    date_scored = fields.Date(readonly=True, copy=False)
    date_done = fields.Date(readonly=True, copy=False)

    # per employee and period one SKP per post, consecutive (models/asn_kinerja_appraisal_part.py, docs/rules.md §17)

    @api.depends("employee_id.name", "period_id.name")
    def _compute_name(self):
        for appraisal in self:
            appraisal.name = f"SKP {appraisal.period_id.name or ''} - {appraisal.employee_id.name or ''}"

    @api.depends("state", "return_reason")
    def _compute_status(self):
        for appraisal in self:
            returned = bool(appraisal.return_reason) and appraisal.state in ("draft", "approved")
            appraisal.status = "returned" if returned else appraisal.state

    @api.depends("appraiser_id")
    def _compute_appraiser_superior_id(self):
        for appraisal in self:
            appraisal.appraiser_superior_id = appraisal.employee_id._kinerja_superior(appraisal.appraiser_id)

    def _compute_organization_rating(self):
        rating_of = self.env["asn.kinerja.unit.rating"].sudo()._rating_lookup(self.period_id)
        for appraisal in self:
            appraisal.organization_rating = rating_of(appraisal.department_id, appraisal.period_id)

    def _compute_periodic_appraisal_ids(self):
        annual = self.filtered(lambda a: a.period_type == "annual")
        periodic = self.search(
            [("employee_id", "in", annual.employee_id.ids), ("period_id.parent_id", "in", annual.period_id.ids)],
            order="period_id",
        )
        for appraisal in self:
            appraisal.periodic_appraisal_ids = periodic.filtered(
                lambda p, a=appraisal: p.employee_id == a.employee_id and p.period_id.parent_id == a.period_id
            )

    def _edit_rule_for(self, model, name):
        rules = super()._edit_rule_for(model, name)
        if self.period_type != "annual" and (periodic := getattr(model, "_periodic_edit_rules", {}).get(name)):
            return {**(rules or {}), **periodic}
        return rules

    def _check_period_open(self):
        if self.period_id.state == "closed":
            raise UserError(
                self.env._("The period %(period)s is closed: its SKPs cannot change.", period=self.period_id.name)
            )

    def _check_edit_open(self, field_names):
        self._check_period_open()
        # a final result takes the employee's answer until they acknowledge it, nothing else
        answering = field_names and set(field_names) <= {"employee_comment"} and not self.acknowledged_date
        if self.state == "done" and not answering:
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
            if appraisal.appraiser_superior_id and appraisal.appraiser_superior_id == appraisal.appraiser_id:
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot be both the appraiser and the appraiser's superior.",
                        person=appraisal.appraiser_id.name,
                    )
                )
            if appraisal.period_id.company_id != appraisal.company_id:
                raise ValidationError(self.env._("The SKP and its period must belong to the same company."))

    # ------------------------------------------------------------------
    # creation
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # its own check, not ``_create_states``: a periodic SKP starts approved (below), past the mixin's guard
        if not self.env.su and any(vals.get("state", "draft") != "draft" or "predicate" in vals for vals in vals_list):
            raise AccessError(self.env._("A new SKP starts as a draft."))
        # iterate over whole recordsets so that each field is read once for the batch
        employees = self.env["hr.employee"].sudo().browse({vals.get("employee_id") for vals in vals_list})
        employee_by_id = {employee.id: employee for employee in employees}
        periods = self.env["asn.kinerja.period"].browse({vals.get("period_id") for vals in vals_list})
        period_by_id = {period.id: period for period in periods}
        annual = self._annual_appraisals(employees, periods)
        sources = []
        for vals in vals_list:
            employee = employee_by_id.get(vals.get("employee_id"), employees.browse())
            period = period_by_id.get(vals.get("period_id"), periods.browse())
            vals.setdefault("company_id", employee.company_id.id or period.company_id.id)
            vals.setdefault("department_id", employee.department_id.id)
            vals.setdefault("job_id", employee.job_id.id)
            vals.setdefault("appraiser_id", employee.appraiser_id.id)
            source = annual.get((employee.id, period.parent_id.id))
            sources.append(source.id if source else None)
            if "line_ids" not in vals:
                if source:
                    vals["line_ids"] = [Command.create(line._copy_plan_vals()) for line in source.line_ids]
                    vals.setdefault("state", "approved")  # the plan was agreed on the annual SKP
                else:
                    # a transfer names the new post's job before the employee holds it (docs/rules.md §17)
                    job = self.env["hr.job"].sudo().browse(vals["job_id"]) if vals.get("job_id") else employee.job_id
                    vals["line_ids"] = [
                        Command.create(self.env["asn.kinerja.appraisal.line"]._prefill_vals(indicator))
                        for indicator in job.asn_indicator_ids
                        if indicator.company_id in (employee.company_id, indicator.browse())
                    ]
        appraisals = super().create(vals_list)
        appraisals._create_behavior_lines(sources)
        return appraisals

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
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
OPEN_BATCH_SIZE = 100  # SKPs created per batch when a period opens (the ORM inserts 100 rows a query)
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
    result_rating = fields.Selection(RATINGS, "Work Result Rating", tracking=True, copy=False)
    behavior_rating = fields.Selection(RATINGS, "Work Behaviour Rating", tracking=True, copy=False)
    predicate = fields.Selection(
        PREDICATES, "Predikat", compute="_compute_predicate", store=True, tracking=True, index=True, copy=False
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

    is_awaiting_me = fields.Boolean("Awaiting Me", compute="_compute_is_awaiting_me", search="_search_is_awaiting_me")

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

    @api.depends("result_rating", "behavior_rating")
    def _compute_predicate(self):
        for appraisal in self:
            appraisal.predicate = compute_predicate(appraisal.result_rating, appraisal.behavior_rating)

    @api.depends("result_rating", "behavior_rating")
    def _compute_predicate_reason(self):
        for appraisal in self:
            appraisal.predicate_reason = self._predicate_sentence(appraisal.result_rating, appraisal.behavior_rating)

    @api.model
    def _predicate_sentence(self, result_rating, behavior_rating):
        """How the matrix (``tools/predicate.py``) turns two ratings into a predikat, in one sentence of the
        reader's language; False while a rating is missing."""
        predicate = compute_predicate(result_rating, behavior_rating)
        if not predicate:
            return False
        labels = {
            name: dict(self._fields[name]._description_selection(self.env)) for name in ("result_rating", "predicate")
        }
        return self.env._(
            "Work results %(result)s and work behaviour %(behavior)s give %(predicate)s (PermenPAN-RB 6/2022 matrix).",
            result=labels["result_rating"][result_rating],
            behavior=labels["result_rating"][behavior_rating],
            predicate=labels["predicate"][predicate],
        )

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
    # home screen
    # ------------------------------------------------------------------
    @api.model
    def _home_action(self):
        """Where a Kinerja user lands after login (``action_kinerja_home``): HR officers on the SKPs of
        the open periods; everyone else on their current SKP (the latest open period's, annual first),
        else on My SKP."""
        Actions = self.env["ir.actions.act_window"]
        if self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            return Actions._for_xml_id("hr_asn_kinerja.action_appraisal_all")
        action = Actions._for_xml_id("hr_asn_kinerja.action_appraisal_mine")
        current = self.search(
            [("is_own", "=", True), ("period_id.state", "=", "open"), ("is_last_part", "=", True)],
            order="period_id desc",
        )
        current = current.sorted(lambda skp: skp.period_type != "annual")[:1]
        if current:
            action.update(res_id=current.id, view_mode="form", views=[(False, "form")])
        return action

    # ------------------------------------------------------------------
    # grouping
    # ------------------------------------------------------------------
    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        """Groups of predikat (pivot, graph, grouped lists) follow the scale, Sangat Baik first, not the
        alphabet of the keys; empty last. Other terms keep Odoo's order."""
        if "predicate" not in groupby_terms:
            return super()._read_group_orderby(order, groupby_terms, query)
        parts = []
        for part in (order or ",".join(groupby_terms)).split(","):
            term, *direction = part.split()
            if term != "predicate":
                parts.append(super()._read_group_orderby(part, groupby_terms, query))
                continue
            rank = SQL(
                "CASE %s %s END",
                groupby_terms[term],
                SQL(" ").join(SQL("WHEN %s THEN %s", key, rank) for rank, (key, _label) in enumerate(PREDICATES)),
            )
            descending = bool(direction) and direction[0].upper() == "DESC"
            parts.append(SQL("%s %s NULLS LAST", rank, SQL("DESC" if descending else "ASC")))
        return SQL(", ").join(part for part in parts if part)

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

    def _create_behavior_lines(self, sources):
        """One row per active BerAKHLAK value, in a single query whatever the batch size; a periodic
        SKP takes the leader's expectations of its annual SKP (``sources``: annual SKP id or None, per SKP)."""
        self.env["asn.kinerja.behavior"].flush_model()
        self.env["asn.kinerja.behavior.line"].flush_model(["expectation"])
        self.env.cr.execute(
            SQL(
                """INSERT INTO asn_kinerja_behavior_line
                       (appraisal_id, behavior_id, sequence, expectation, company_id,
                        create_uid, create_date, write_uid, write_date)
                   SELECT appraisal.id, behavior.id, behavior.sequence, source.expectation, skp.company_id,
                          %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(ids)s, %(sources)s::integer[]) AS appraisal(id, source_id)
                     JOIN asn_kinerja_appraisal skp ON skp.id = appraisal.id
                    CROSS JOIN asn_kinerja_behavior behavior
                     LEFT JOIN asn_kinerja_behavior_line source
                            ON source.appraisal_id = appraisal.source_id AND source.behavior_id = behavior.id
                    WHERE behavior.active AND (behavior.company_id IS NULL OR behavior.company_id = skp.company_id)""",
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=self.ids,
                sources=sources,
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
                # of several posts in the year, the current one's plan (docs/rules.md §17)
                ("is_last_part", "=", True),
            ]
        )
        return {(a.employee_id.id, a.period_id.id): a for a in annual}

    @api.model
    def _create_for_period(self, period, employees=None):
        """Create the missing SKP of every eligible employee of the period (of ``employees`` only, when
        given: one unit's job), in batches of one query each; safe to re-run: what exists is not made again."""
        return self._create_skps(period, self._missing_employees(period, employees))

    def _missing_employees(self, period, employees=None):
        """The eligible employees of the period's agency (among ``employees`` when given) without its SKP."""
        domain = [
            ("company_id", "=", period.company_id.id),
            ("nip", "!=", False),
            ("asn_type", "!=", False),
            # active on the period's first day (docs/rules.md §24)
            "|",
            ("asn_status", "=", "active"),
            ("asn_status_date", ">", period.date_start),
        ]
        if employees is not None:
            domain.append(("id", "in", employees.ids))
        eligible = self.env["hr.employee"].search(domain)
        existing = self.search_fetch([("period_id", "=", period.id)], ["employee_id"]).employee_id
        return eligible - existing

    def _create_skps(self, period, employees):
        quiet = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True)
        appraisals = self.browse()
        for batch in split_every(OPEN_BATCH_SIZE, employees.ids):
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

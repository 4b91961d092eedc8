from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

STATES = [("draft", "Draft"), ("submitted", "Submitted"), ("set", "Set")]
# the unit (its head, PyB) drafts and submits, HR (BKPSDM for the PPK) sets (docs/rules.md §25)
TRANSITIONS = {
    "submit": {"draft": ("submitted", ("unit_head", "officer"))},
    "set": {"submitted": ("set", ("officer",))},
    "reset": {"submitted": ("draft", ("unit_head", "officer"))},
}
TRANSITION_MESSAGES = {
    "submit": _lt("Submitted by the unit to HR."),
    "set": _lt("Set by HR: the training requests are created."),
    "reset": _lt("Sent back to the unit as a draft."),
}
_UNIT_AND_HR = {"draft": ("unit_head", "officer"), "submitted": ("officer",)}
EDIT_RULES = {
    "line_ids": _UNIT_AND_HR,
    "note": _UNIT_AND_HR,
    "department_id": {"draft": ("officer",)},
    "year": {"draft": ("officer",)},
}
SET_ACTIVITY = "hr_asn_training.mail_act_training_needs_set"
NEXT_STEP_PHRASES = {
    SET_ACTIVITY: (
        _lt("Your turn: check and set the competency needs plan"),
        _lt("Waiting for %(person)s (BKPSDM) to set the plan"),
    ),
}


class AsnTrainingNeeds(models.Model):
    """The competency needs plan (AKPK) of one unit for one year (docs/rules.md §25): generated from the
    two gaps of each employee, adjusted and submitted by the unit, set by HR; a set plan makes the
    training requests and its totals are the unit's RKA annex."""

    _name = "asn.training.needs"
    _description = "Competency Needs Plan (AKPK)"
    _inherit = ["asn.workflow.mixin"]
    _order = "year desc, department_id"
    _edit_rules = EDIT_RULES
    _create_states = ("draft",)
    _unlink_rule = (("draft",), ("unit_head", "officer"))
    _transitions = TRANSITIONS
    _transition_messages = TRANSITION_MESSAGES
    _next_step_phrases = NEXT_STEP_PHRASES
    _role_fields = {"unit_head": "department_id.manager_id"}
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    department_id = fields.Many2one(
        "hr.department", "Unit", required=True, index=True, ondelete="restrict", tracking=True, check_company=True
    )
    unit_head_id = fields.Many2one(related="department_id.manager_id", string="Head of Unit")
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year + 1, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True, index=True
    )
    line_ids = fields.One2many("asn.training.needs.line", "needs_id", "Needs", copy=False)
    note = fields.Text("Notes")
    generated_date = fields.Datetime("Generated on", readonly=True, copy=False)
    set_by_id = fields.Many2one("res.users", "Set by", readonly=True, copy=False)
    set_date = fields.Datetime("Set on", readonly=True, copy=False)
    people_count = fields.Integer("People", compute="_compute_totals")
    jp_total = fields.Float("Learning Hours (JP)", compute="_compute_totals")
    cost_total = fields.Monetary("Total Cost", compute="_compute_totals")
    request_count = fields.Integer("Training Requests", compute="_compute_totals")
    is_unit_head = fields.Boolean(compute="_compute_is_unit_head")

    _unit_year_unique = models.Constraint(
        "UNIQUE(company_id, department_id, year)", "A unit has one competency needs plan a year."
    )
    _year_range = models.Constraint("CHECK(year BETWEEN 2000 AND 2100)", "Give the plan's year.")

    @api.depends("department_id.name", "year")
    def _compute_name(self):
        for needs in self:
            needs.name = f"AKPK {needs.year} - {needs.department_id.name}" if needs.department_id else False

    @api.depends("line_ids.employee_id", "line_ids.jp_hours", "line_ids.cost", "line_ids.request_id")
    def _compute_totals(self):
        for needs in self:
            lines = needs.line_ids
            needs.people_count = len(lines.employee_id)
            needs.jp_total = sum(lines.mapped("jp_hours"))
            needs.cost_total = sum(lines.mapped("cost"))
            needs.request_count = len(lines.request_id)

    @api.depends_context("uid")
    def _compute_is_unit_head(self):
        for needs in self:
            needs.is_unit_head = "unit_head" in needs._roles_fetched()

    # ------------------------------------------------------------------
    # roles, creation, edits
    # ------------------------------------------------------------------
    def _roles_fetched(self):
        """unit_head: the head (hr.department.manager_id) of the plan's unit; officer: HR of its company."""
        record = self.sudo()
        roles = set()
        if record.department_id.manager_id.user_id == self.env.user:
            roles.add("unit_head")
        if (
            self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer")
            and record.company_id in self.env.user.company_ids
        ):
            roles.add("officer")
        return roles

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            department = self.env["hr.department"].sudo().browse(vals.get("department_id"))
            vals["company_id"] = department.company_id.id or vals.get("company_id") or self.env.company.id
            if not self.env.su:
                self._check_create(vals, department)
            year = vals.get("year") or self.default_get(["year"])["year"]
            if self.sudo().search_count(
                [("company_id", "=", vals["company_id"]), ("department_id", "=", department.id), ("year", "=", year)],
                limit=1,
            ):
                raise UserError(
                    self.env._(
                        "%(unit)s has a competency needs plan for %(year)s already.", unit=department.name, year=year
                    )
                )
        return super().create(vals_list)

    @api.model
    def _check_create(self, vals, department):
        is_head = department.manager_id.user_id == self.env.user
        is_officer = (
            self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer")
            and vals["company_id"] in self.env.user.company_ids.ids
        )
        if not (is_head or is_officer):
            raise AccessError(
                self.env._(
                    "Only the head of the unit or HR drafts the competency needs plan of %(unit)s.",
                    unit=department.name,
                )
            )
        if vals.get("line_ids"):
            raise UserError(self.env._("A new competency needs plan starts as an empty draft: generate its needs."))

    # ------------------------------------------------------------------
    # generation
    # ------------------------------------------------------------------
    def action_generate(self):
        """Unit head or HR, on a draft: (re)compute the needs of every employee of the unit from the two
        gaps; the lines added by hand stay. Batched over the plans: a fixed number of queries."""
        if not self.env.su:
            self.check_access("write")
            for needs in self:
                if not needs._get_roles():
                    raise AccessError(
                        self.env._("You are not allowed to do this on %(record)s.", record=needs._workflow_name())
                    )
        if drafts := self.filtered(lambda n: n.state != "draft"):
            raise UserError(
                self.env._(
                    "Only a draft plan is generated; %(plan)s is %(state)s.",
                    plan=drafts[0].display_name,
                    state=drafts[0]._state_label(),
                )
            )
        plans = self.sudo()
        plans.line_ids.filtered("generated").unlink()
        vals_list = self.env["asn.training.needs.line"]._needs_of_units(plans)
        self.env["asn.training.needs.line"].sudo().create(vals_list)
        plans.write({"generated_date": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        """Unit head (or HR for the unit): send the plan to HR."""

        def check(needs):
            if not needs.line_ids:
                raise UserError(
                    self.env._("Generate the needs of %(plan)s, or add them, first.", plan=needs.display_name)
                )

        return self._transition("submit", check=check)

    def action_set(self):
        """HR: set the plan; each person and course of it gets one training request (docs/rules.md §25)."""
        result = self._transition("set", vals={"set_by_id": self.env.uid, "set_date": fields.Datetime.now()})
        self.sudo().line_ids._make_requests()
        return result

    def action_reset(self):
        """Unit head or HR: bring a submitted plan back to draft, to revise it."""
        return self._transition("reset")

    def _next_activity_steps(self):
        record = self.sudo()
        if record.state == "submitted" and (officer := record.company_id._training_officer()):
            return [(SET_ACTIVITY, officer)]
        return []

    @api.model
    def _workflow_activity_types(self):
        return {SET_ACTIVITY}

    def _next_step_idle(self):
        if self.state == "set":
            return self.env._("Set: the training requests follow.")
        if self.state == "draft":
            return self.env._("The unit adjusts the needs and submits the plan.")
        return ""

    def _workflow_name(self):
        return self.env._("the competency needs plan %(plan)s", plan=self.sudo().display_name)

    def _rka_rows(self):
        """The RKA annex of the plan: per course (or path, when no course is suggested) the people, JP
        and cost; the totals are the plan's."""
        self.ensure_one()
        rows = {}
        for line in self.sudo().line_ids:
            key = (line.course_id.id, line.training_type) if line.course_id else (False, line.training_type)
            row = rows.setdefault(
                key,
                {
                    "label": line.course_id.name or line.competency_id.name or self.env._("Not yet chosen"),
                    "path": dict(line._fields["training_type"]._description_selection(self.env)).get(
                        line.training_type, ""
                    ),
                    "people": set(),
                    "jp": 0.0,
                    "cost": 0.0,
                },
            )
            row["people"].add(line.employee_id.id)
            row["jp"] += line.jp_hours
            row["cost"] += line.cost
        return [{**row, "people": len(row["people"])} for row in sorted(rows.values(), key=lambda r: r["label"])]

    def action_view_requests(self):
        self.ensure_one()
        name = self.env._("Training Requests")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "asn.training.request",
            "view_mode": "list,form",
            "domain": [("id", "in", self.line_ids.request_id.ids)],
            "context": {"create": False},
        }

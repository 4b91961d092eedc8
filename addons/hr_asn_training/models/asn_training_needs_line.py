from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .asn_kinerja_appraisal import OPEN_REQUEST_STATES
from .asn_training_needs import EDIT_RULES as PLAN_RULES
from .hr_course import TRAINING_TYPES

NEED_SOURCES = [
    ("competency", "Competency Gap"),
    ("performance", "Performance Gap (Predikat)"),
    ("coaching", "Coaching Evaluation (B.1.9)"),
    ("certificate", "Certificate Expired"),
    ("manual", "Added by Hand"),
]
PRIORITIES = [("high", "High"), ("medium", "Medium"), ("low", "Low")]
# what the unit and HR write on a need while the plan takes changes; the rest is set by the plan's steps
LINE_FIELDS = (
    "employee_id",
    "competency_id",
    "need_source",
    "required_level",
    "current_level",
    "predicate",
    "course_id",
    "training_type",
    "jp_hours",
    "cost",
    "priority",
    "reason",
)


class AsnTrainingNeedsLine(models.Model):
    """One need of one employee in a competency needs plan (docs/rules.md §25): the competency, why,
    the suggested course or path, its JP, cost and priority; the training request it led to."""

    _name = "asn.training.needs.line"
    _description = "Competency Need"
    _inherit = ["asn.kinerja.row.mixin"]
    _order = "needs_id, priority_rank, employee_id, id"

    # the plan decides: its state, and the caller's role on it
    _row_parent = "needs_id"
    _create_rule = PLAN_RULES["line_ids"]
    _edit_rules = dict.fromkeys(LINE_FIELDS, PLAN_RULES["line_ids"])

    needs_id = fields.Many2one("asn.training.needs", "Plan", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="needs_id.company_id", store=True, index=True, precompute=True)
    state = fields.Selection(related="needs_id.state")
    year = fields.Integer(related="needs_id.year")
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    competency_id = fields.Many2one("asn.training.competency", index="btree_not_null", ondelete="restrict")
    need_source = fields.Selection(NEED_SOURCES, "Found by", required=True, default="manual")
    required_level = fields.Integer()
    current_level = fields.Integer()
    predicate = fields.Char("Last Predikat", help="The last final predikat, when it is below Baik.")
    course_id = fields.Many2one("hr.course", "Suggested Course", ondelete="set null")
    training_type = fields.Selection(
        TRAINING_TYPES, "Path", compute="_compute_from_course", store=True, readonly=False, precompute=True
    )
    jp_hours = fields.Float("JP", compute="_compute_from_course", store=True, readonly=False, precompute=True)
    cost = fields.Float("Estimated Cost", compute="_compute_from_course", store=True, readonly=False, precompute=True)
    priority = fields.Selection(PRIORITIES, required=True, default="medium")
    priority_rank = fields.Integer(compute="_compute_priority_rank", store=True, precompute=True)
    reason = fields.Text()
    generated = fields.Boolean(readonly=True, help="Found by the generation, replaced when it runs again.")
    request_id = fields.Many2one("asn.training.request", "Training Request", readonly=True, ondelete="set null")

    _jp_positive = models.Constraint("CHECK(jp_hours >= 0)", "Learning hours (JP) cannot be negative.")
    _cost_positive = models.Constraint("CHECK(cost >= 0)", "The cost cannot be negative.")

    @api.depends("course_id")
    def _compute_from_course(self):
        for line in self:
            course = line.course_id
            line.training_type = course.training_type or line.training_type
            line.jp_hours = course.jp_hours or line.jp_hours or 0.0
            line.cost = course.estimated_cost or line.cost or 0.0

    @api.depends("priority")
    def _compute_priority_rank(self):
        ranks = {key: rank for rank, (key, _label) in enumerate(PRIORITIES)}
        for line in self:
            line.priority_rank = ranks.get(line.priority, len(ranks))

    @api.constrains("employee_id", "needs_id")
    def _check_employee(self):
        for line in self.sudo():
            if line.employee_id.company_id != line.needs_id.company_id:
                raise ValidationError(
                    self.env._("%(employee)s is not an employee of the plan's agency.", employee=line.employee_id.name)
                )
            unit = line.needs_id.department_id
            if line.employee_id.department_id.parent_path and not line.employee_id.department_id.parent_path.startswith(
                unit.parent_path or "-"
            ):
                raise ValidationError(
                    self.env._(
                        "%(employee)s does not work in %(unit)s: a plan lists the needs of its unit's people.",
                        employee=line.employee_id.name,
                        unit=unit.name,
                    )
                )

    # ------------------------------------------------------------------
    # the training requests of a set plan
    # ------------------------------------------------------------------
    def _make_requests(self):
        """One training request per person and course of these lines, never two: a request of the same
        person and course still open, or done in the plan's year (e.g. the one the low-predikat link
        created), is linked instead of a new one (docs/rules.md §25)."""
        lines = self.sudo().filtered(lambda line: line.course_id and not line.request_id)
        if not lines:
            return self.env["asn.training.request"]
        Request = self.env["asn.training.request"].sudo()
        existing = Request.search_fetch(
            [
                ("employee_id", "in", lines.employee_id.ids),
                ("course_id", "in", lines.course_id.ids),
                ("state", "in", (*OPEN_REQUEST_STATES, "done")),
            ],
            ["employee_id", "course_id", "state", "date_end"],
            order="id",
        )
        years = set(lines.needs_id.mapped("year"))
        found = {}
        for request in existing:
            if request.state != "done" or (request.date_end and request.date_end.year in years):
                found.setdefault((request.employee_id.id, request.course_id.id), request)
        to_create = {}
        for line in lines:
            key = (line.employee_id.id, line.course_id.id)
            if key not in found and key not in to_create:
                to_create[key] = {
                    "employee_id": line.employee_id.id,
                    "course_id": line.course_id.id,
                    "source": "needs",
                    "needs_id": line.needs_id.id,
                    "reason": line.reason,
                    "cost": line.cost,
                    "jp_hours": line.jp_hours or line.course_id.jp_hours,
                }
        quiet = {"mail_create_nolog": True, "mail_create_nosubscribe": True, "tracking_disable": True}
        created = Request.with_context(**quiet).create(list(to_create.values()))
        found.update({(request.employee_id.id, request.course_id.id): request for request in created})
        by_request = defaultdict(self.browse)
        for line in lines:
            by_request[found[line.employee_id.id, line.course_id.id]] |= line
        for request, request_lines in by_request.items():
            request_lines.write({"request_id": request.id})
        return created

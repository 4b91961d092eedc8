from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.hr_asn_kinerja.models.asn_edit_rules_mixin import rule

from .asn_talent_box_line import EDIT_BY_COMMITTEE, performance_status_of

_lt = LazyTranslate(__name__)

STATES = [("draft", "Draft"), ("reviewed", "Reviewed"), ("set", "Set")]
COMMITTEE_GROUP = "hr_asn_training.group_talent_committee"


class AsnTalentBox(models.Model):
    """The talent 9-box of an agency for a year (docs/rules.md §18): HR generates it from the final
    predikat, HR and the Komite Talenta enter the potential, the committee reviews and sets it."""

    _name = "asn.talent.box"
    _description = "Talent Box"
    _inherit = ["asn.workflow.mixin"]
    _order = "period_id desc, id desc"
    _check_company_auto = True

    _transitions = {
        "review": {"draft": ("reviewed", ("officer", "committee"))},
        "set": {"reviewed": ("set", ("committee",))},
        "reset": {"reviewed": ("draft", ("officer", "committee")), "set": ("draft", ("officer",))},
    }
    _transition_messages = {
        "review": _lt("Talent box reviewed by the Talent Committee."),
        "set": _lt("Talent box set by the Talent Committee."),
        "reset": _lt("Talent box reset to draft."),
    }
    _reason_actions = ("reset",)
    _role_fields = {}
    _edit_rules = {
        "period_id": rule(("draft",), ("officer",)),
        "company_id": rule(("draft",), ("officer",)),
        "minutes": EDIT_BY_COMMITTEE,
    }
    _unlink_rule = (("draft",), ("officer",))

    name = fields.Char(compute="_compute_name", store=True)
    period_id = fields.Many2one(
        "asn.kinerja.period",
        required=True,
        index=True,
        check_company=True,
        domain="[('period_type', '=', 'annual'), ('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, copy=False, tracking=True)
    line_ids = fields.One2many("asn.talent.box.line", "box_id", "Employees")
    line_count = fields.Integer("Employees Count", compute="_compute_line_count")
    minutes = fields.Html("Committee Minutes", help="Berita acara of the Talent Committee's meeting.")
    reviewed_by_id = fields.Many2one("res.users", "Reviewed by", readonly=True, copy=False)
    reviewed_date = fields.Datetime("Reviewed on", readonly=True, copy=False)
    set_by_id = fields.Many2one("res.users", "Set by", readonly=True, copy=False)
    set_date = fields.Datetime("Set on", readonly=True, copy=False)
    is_committee = fields.Boolean(compute="_compute_is_committee")

    _period_unique = models.Constraint("UNIQUE(period_id, company_id)", "An agency has one talent box per period.")

    @api.depends("period_id.name", "company_id.name")
    def _compute_name(self):
        for box in self:
            box.name = f"{box.period_id.name or ''} - {box.company_id.name or ''}"

    def _compute_line_count(self):
        counts = dict(
            self.env["asn.talent.box.line"]._read_group([("box_id", "in", self.ids)], ["box_id"], ["__count"])
        )
        for box in self:
            box.line_count = counts.get(box, 0)

    @api.depends_context("uid")
    def _compute_is_committee(self):
        for box in self:
            box.is_committee = "committee" in box._get_roles()

    def _roles_fetched(self):
        roles = super()._roles_fetched()
        user = self.env.user
        if user.has_group(COMMITTEE_GROUP) and self.sudo().company_id in user.company_ids:
            roles.add("committee")
        return roles

    def _check_edit(self, field_names):
        self.check_access("write")  # who may not change a box hears so before any rule of the box
        return super()._check_edit(field_names)

    def _workflow_name(self):
        return self.env._("the talent box %(box)s", box=self.sudo().display_name)

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_generate(self):
        """HR: fill the lines from the final predikat of the period's annual SKPs (docs/rules.md §18). Run again,
        it follows the SKPs and keeps the potential and exclusions already entered."""
        for box in self:
            if box.state != "draft" or "officer" not in box._get_roles():
                raise UserError(
                    self.env._("Only HR generates a talent box, and only a draft (%(box)s).", box=box.display_name)
                )
        for box in self.sudo():
            box._generate_lines()
        return True

    def _generate_lines(self):
        self.ensure_one()
        appraisals = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search(
                [
                    ("period_id", "=", self.period_id.id),
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "done"),
                    ("predicate", "!=", False),
                    ("employee_id.active", "=", True),
                ],
                order="id",
            )
        )
        by_employee = {appraisal.employee_id.id: appraisal for appraisal in appraisals}
        existing = {line.employee_id.id: line for line in self.line_ids}
        Line = self.env["asn.talent.box.line"].sudo()
        to_create = []
        for employee_id, appraisal in by_employee.items():
            employee = appraisal.employee_id
            vals = {
                "appraisal_id": appraisal.id,
                "performance_status": performance_status_of(appraisal.predicate),
                "department_id": employee.department_id.id,
                "job_id": employee.job_id.id,
                "asn_type": employee.asn_type,
                "asn_position_type": employee.asn_position_type,
            }
            if line := existing.get(employee_id):
                line.write(vals)
            else:
                to_create.append({**vals, "box_id": self.id, "employee_id": employee_id})
        Line.create(to_create)
        Line.browse([line.id for key, line in existing.items() if key not in by_employee]).unlink()

    def action_review(self):
        """HR or the committee: the box is complete and reviewed."""

        def check(box):
            if not box.line_ids:
                raise UserError(self.env._("Generate the talent box %(box)s first.", box=box.display_name))

        return self._transition(
            "review", check=check, vals={"reviewed_by_id": self.env.uid, "reviewed_date": fields.Datetime.now()}
        )

    def action_set(self):
        """The committee: set the talent box; each employee then reads their own line."""

        def check(box):
            if missing := box.line_ids.filtered(lambda line: not line.excluded and not line.potential):
                raise UserError(
                    self.env._(
                        "Enter the potential of %(employee)s (and %(count)s more) before setting the talent box.",
                        employee=missing[0].employee_name,
                        count=len(missing) - 1,
                    )
                )

        return self._transition("set", check=check, vals={"set_by_id": self.env.uid, "set_date": fields.Datetime.now()})

    def action_reset(self, reason):
        """HR (or the committee, before it is set): back to draft, with the reason."""
        self._check_reason(reason, self.env._("Say why the talent box goes back to draft."))
        return self._transition(
            "reset",
            reason,
            {"reviewed_by_id": False, "reviewed_date": False, "set_by_id": False, "set_date": False},
        )

    def action_open_reset_wizard(self):
        return self._reason_wizard("reset", self.env._("Reset the Talent Box"))

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_training.action_talent_box_line")
        action.update({"domain": [("box_id", "=", self.id)], "context": {"default_box_id": self.id}})
        return action

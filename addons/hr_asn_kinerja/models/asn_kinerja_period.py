from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..tools.deadlines import default_deadlines
from ..tools.periods import period_label
from .asn_edit_rules_mixin import rule

_lt = LazyTranslate(__name__)

# from this many missing SKPs on, a period opens in jobs, one per unit (docs/performance.md, "Jobs")
OPEN_IN_JOBS_FROM = 1000
OFFICER = ("officer",)
# what HR sets on a period until it is closed (a closed one says "reopen it first": _check_edit_open)
SETTINGS = (
    "name",
    "date_start",
    "date_end",
    "period_type",
    "parent_id",
    "company_id",
    "plan_deadline",
    "evaluation_deadline",
)


class AsnKinerjaPeriod(models.Model):
    _name = "asn.kinerja.period"
    _description = "Performance Period"
    _inherit = ["asn.workflow.mixin"]
    _order = "date_start desc, period_type, id"
    _check_company_auto = True

    # opening again (the button "Create Missing SKPs") is not a step: the state stays
    _transitions = {
        "open": {"draft": ("open", OFFICER)},
        "close": {"open": ("closed", OFFICER)},
        "reopen": {"closed": ("open", OFFICER)},
    }
    _transition_messages = {
        "open": _lt("Period opened."),
        "close": _lt("Period closed: its SKPs can no longer change."),
        "reopen": _lt("Period reopened for corrections."),
    }
    # nobody's own record: HR (``officer``, from the groups) takes every step
    _role_fields = {}
    _edit_rules = dict.fromkeys(SETTINGS, rule(("draft", "open"), OFFICER))

    name = fields.Char(required=True, tracking=True)
    date_start = fields.Date("Start Date", required=True, tracking=True)
    date_end = fields.Date("End Date", required=True, tracking=True)
    period_type = fields.Selection(
        [("annual", "Annual"), ("semester", "Semester"), ("quarter", "Quarter"), ("month", "Month")],
        required=True,
        default="annual",
        tracking=True,
    )
    parent_id = fields.Many2one(
        "asn.kinerja.period",
        "Annual Period",
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('period_type', '=', 'annual'), ('company_id', '=', company_id)]",
        help="The annual period a semester, quarter or month belongs to.",
    )
    child_ids = fields.One2many("asn.kinerja.period", "parent_id", "Sub-periods")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    appraisal_ids = fields.One2many("asn.kinerja.appraisal", "period_id", "SKPs")
    appraisal_count = fields.Integer("SKP Count", compute="_compute_appraisal_count")
    label = fields.Char("Form Label", compute="_compute_label", help="As printed on the evaluation forms.")
    # docs/rules.md §14: the defaults follow the dates; HR may set other ones
    plan_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="The SKP plans must be approved by this date. Default: the end of the period's first month, 31 "
        "January for a calendar year (a sub-period: 5 working days after its start, not before 31 January).",
    )
    evaluation_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
        help="The SKPs must have their final result by this date. Default: the 10th of the month after the "
        "period, 10 January of the next year for a calendar year (a sub-period: 5 working days after its end).",
    )

    @api.depends("appraisal_ids")
    def _compute_appraisal_count(self):
        counts = dict(
            self.env["asn.kinerja.appraisal"]._read_group([("period_id", "in", self.ids)], ["period_id"], ["__count"])
        )
        for period in self:
            period.appraisal_count = counts.get(period, 0)

    @api.depends("period_type", "date_start", "date_end")
    def _compute_label(self):
        for period in self:
            period.label = period_label(period.period_type, period.date_start, period.date_end)

    @api.depends("period_type", "date_start", "date_end")
    def _compute_deadlines(self):
        for period in self:
            period.plan_deadline, period.evaluation_deadline = default_deadlines(
                period.period_type, period.date_start, period.date_end
            )

    @api.constrains(
        "date_start", "date_end", "period_type", "parent_id", "company_id", "plan_deadline", "evaluation_deadline"
    )
    def _check_dates(self):
        for period in self:
            if period.date_start > period.date_end:
                raise ValidationError(
                    self.env._("%(period)s: the start date is after the end date.", period=period.name)
                )
            if period.period_type == "annual":
                if period.parent_id:
                    raise ValidationError(self.env._("An annual period cannot belong to another period."))
                overlap = self.search(
                    [
                        ("id", "!=", period.id),
                        ("company_id", "=", period.company_id.id),
                        ("period_type", "=", "annual"),
                        ("date_start", "<=", period.date_end),
                        ("date_end", ">=", period.date_start),
                    ],
                    limit=1,
                )
                if overlap:
                    raise ValidationError(
                        self.env._(
                            "The annual period %(period)s overlaps %(other)s.", period=period.name, other=overlap.name
                        )
                    )
            else:
                parent = period.parent_id
                if not parent:
                    raise ValidationError(
                        self.env._("%(period)s: a sub-period needs its annual period.", period=period.name)
                    )
                if parent.company_id != period.company_id or not (
                    parent.date_start <= period.date_start and period.date_end <= parent.date_end
                ):
                    raise ValidationError(
                        self.env._(
                            "%(period)s must lie within the annual period %(parent)s.",
                            period=period.name,
                            parent=parent.name,
                        )
                    )
            period._check_deadlines()

    def _check_deadlines(self):
        plan, evaluation = self.plan_deadline, self.evaluation_deadline
        if (plan and plan < self.date_start) or (evaluation and evaluation < self.date_start):
            raise ValidationError(
                self.env._("%(period)s: a deadline cannot come before the period starts.", period=self.name)
            )
        if plan and evaluation and plan > evaluation:
            raise ValidationError(
                self.env._("%(period)s: the plan deadline comes after the evaluation deadline.", period=self.name)
            )

    def _check_edit_open(self, field_names):
        if self.state == "closed":
            raise UserError(self.env._("The period %(period)s is closed; reopen it first.", period=self.name))

    def _check_officer(self):
        if not self.env.su and not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja may open or close performance periods."))

    def action_open(self):
        """Open the periods and create the missing SKP of every eligible employee (safe to re-run, docs/rules.md §11)."""
        self._check_officer()
        if closed := self.filtered(lambda p: p.state == "closed"):
            raise UserError(self.env._("The period %(period)s is closed.", period=closed[0].name))
        self.filtered(lambda p: p.state == "draft")._transition("open")
        # written now, the period's row makes a second opening at the same time wait, then retry (Odoo
        # retries on the serialization failure) and find the SKPs made: never two for one employee
        self.flush_recordset(["state"])
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        created, queued = Appraisal, 0
        for period in self:
            missing = Appraisal._missing_employees(period)
            if len(missing) >= OPEN_IN_JOBS_FROM:
                period._open_in_jobs(missing)
                queued += len(missing)
            else:
                created |= Appraisal._create_skps(period, missing)
        return self._open_summary(created, queued)

    def _open_summary(self, created, queued=0):
        """What opening did, said after the click (docs/rules.md §26): the SKPs created, those being created in
        the background (a large agency's, docs/performance.md "Jobs") and those already there."""
        total = self.env["asn.kinerja.appraisal"].sudo().search_count([("period_id", "in", self.ids)])
        message = self.env._(
            "%(periods)s: %(created)s SKPs created, %(kept)s already there.",
            periods=", ".join(self.mapped("name")),
            created=len(created),
            kept=total - len(created),
        )
        if queued:
            message += " " + self.env._(
                "%(count)s more are being created in the background: the period shows their progress.", count=queued
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Period open"),
                "message": message,
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                "created_count": len(created),
            },
        }

    def action_close(self):
        """Lock the periods: their SKPs can no longer change."""
        self._check_officer()
        if not_open := self.filtered(lambda p: p.state != "open"):
            raise UserError(self.env._("Only an open period can be closed: %(period)s.", period=not_open[0].name))
        self._check_no_objection_open()
        self._transition("close")
        return True

    def action_reopen(self):
        """Unlock a closed period, for corrections."""
        self._check_officer()
        if not_closed := self.filtered(lambda p: p.state != "closed"):
            raise UserError(self.env._("The period %(period)s is not closed.", period=not_closed[0].name))
        self._transition("reopen")
        return True

    @api.readonly  # a read: served by the replica when there is one (db_replica_host)
    def action_view_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_appraisal_all")
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"default_period_id": self.id}
        return action

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if self.appraisal_ids:
            raise UserError(self.env._("A period that holds SKPs cannot be deleted; close it instead."))

"""The parts of an employee's year (docs/rules.md §17): one SKP per post held in a period.

A transfer or promotion (``asn.kinerja.transfer.wizard``) ends the SKP of the old post on the day before and
starts one for the new post: per employee and period the SKPs are consecutive segments (``date_start`` ..
``date_end``), without overlap or gap. Each part is evaluated by its own appraiser as a periodic part; the
appraiser of the last part sets the result of the period, seeing the earlier parts and a proposal that
weighs each part by its months (``tools/predicate.weighted_rating``)."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.predicate import RATING_SELECTION
from .asn_edit_rules_mixin import rule
from .asn_kinerja_appraisal import RATING

DAYS_PER_MONTH = 365.25 / 12
# the last part's own ratings, given by its appraiser like the period's result (docs/rules.md §17)
PART_EDIT_RULES = {
    "part_result_rating": rule(RATING, ("appraiser",)),
    "part_behavior_rating": rule(RATING, ("appraiser",)),
}


def part_months(date_start, date_end):
    """The length of a part in months (one decimal), counted in days."""
    if not (date_start and date_end) or date_end < date_start:
        return 0.0
    return round(((date_end - date_start).days + 1) / DAYS_PER_MONTH, 1)


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    date_start = fields.Date(
        "Post From",
        compute="_compute_part_dates",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        copy=False,
        help="The first day of the post this SKP evaluates: the period's start, or the day of a transfer.",
    )
    date_end = fields.Date(
        "Post Until",
        compute="_compute_part_dates",
        store=True,
        readonly=False,
        precompute=True,
        copy=False,
        help="The last day of the post this SKP evaluates: the period's end, or the day before a transfer.",
    )
    previous_appraisal_id = fields.Many2one(
        "asn.kinerja.appraisal",
        "Earlier Part",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        help="The SKP of the post held before a transfer or promotion in the same period.",
    )
    next_appraisal_ids = fields.One2many("asn.kinerja.appraisal", "previous_appraisal_id", "Later Part", readonly=True)
    is_last_part = fields.Boolean(
        "Last Part",
        compute="_compute_is_last_part",
        store=True,
        precompute=True,
        index=True,
        help="The SKP of the current (or last) post of the period: its result is the period's result.",
    )
    part_result_rating = fields.Selection(
        RATING_SELECTION,
        "Work Result Rating of This Post",
        tracking=True,
        copy=False,
        help="In a period of several posts: the rating of this post's own part; the period's result "
        "(Work Result Rating) weighs it with the earlier parts.",
    )
    part_behavior_rating = fields.Selection(
        RATING_SELECTION, "Work Behaviour Rating of This Post", tracking=True, copy=False
    )
    part_months = fields.Float("Months", compute="_compute_part_months", digits=(4, 1))
    part_count = fields.Integer("Number of Parts", compute="_compute_parts")
    parts_html = fields.Html("Parts of the Period", compute="_compute_parts", sanitize=False)
    proposed_result_rating = fields.Selection(
        "_rating_selection", "Proposed Work Result Rating", compute="_compute_parts"
    )
    proposed_behavior_rating = fields.Selection(
        "_rating_selection", "Proposed Work Behaviour Rating", compute="_compute_parts"
    )
    proposed_predicate = fields.Selection("_predicate_selection", "Proposed Predikat", compute="_compute_parts")

    # one SKP per employee, period and first day: two openings at once cannot both create one (the rest of
    # the rule, no overlap and no gap, is _check_parts); a part is continued by one later part only
    _employee_period_start_unique = models.UniqueIndex(
        "(employee_id, period_id, date_start)", "An employee has one SKP per period and post."
    )
    _previous_unique = models.UniqueIndex(
        "(previous_appraisal_id) WHERE previous_appraisal_id IS NOT NULL", "A part of a period has one later part."
    )

    @api.model
    def _rating_selection(self):
        return self._fields["result_rating"].selection

    @api.model
    def _predicate_selection(self):
        return self._fields["predicate"].selection

    @api.depends("period_id")
    def _compute_part_dates(self):
        for appraisal in self:
            appraisal.date_start = appraisal.date_start or appraisal.period_id.date_start
            appraisal.date_end = appraisal.date_end or appraisal.period_id.date_end

    @api.depends("employee_id.name", "period_id.name", "date_start", "date_end", "previous_appraisal_id")
    def _compute_name(self):
        result = super()._compute_name()
        for appraisal in self:
            period = appraisal.period_id
            if appraisal.previous_appraisal_id or (appraisal.date_end and appraisal.date_end < period.date_end):
                appraisal.name = f"{appraisal.name} ({appraisal.date_start} - {appraisal.date_end})"
        return result

    @api.depends("next_appraisal_ids")
    def _compute_is_last_part(self):
        for appraisal in self:
            appraisal.is_last_part = not appraisal.next_appraisal_ids

    @api.depends("date_start", "date_end")
    def _compute_part_months(self):
        for appraisal in self:
            appraisal.part_months = part_months(appraisal.date_start, appraisal.date_end)

    # ------------------------------------------------------------------
    # the parts of the period
    # ------------------------------------------------------------------
    def _earlier_parts(self):
        """The earlier parts of this SKP's period, oldest first (whoever may read them: sudo)."""
        self.ensure_one()
        parts = self.browse()
        part = self.sudo().previous_appraisal_id
        while part and part not in parts:
            parts = part | parts
            part = part.previous_appraisal_id
        return parts.sorted("date_start")

    def _edit_rule_for(self, model, name):
        if model._name == self._name and name in PART_EDIT_RULES:
            return PART_EDIT_RULES[name]
        return super()._edit_rule_for(model, name)

    # ------------------------------------------------------------------
    # the segments do not overlap and follow each other
    # ------------------------------------------------------------------
    @api.constrains("date_start", "date_end", "employee_id", "period_id", "previous_appraisal_id")
    def _check_parts(self):
        # one query for the whole batch (a period opening creates thousands of SKPs at once)
        siblings = self.sudo().search_fetch(
            [("employee_id", "in", self.employee_id.ids), ("period_id", "in", self.period_id.ids)],
            ["employee_id", "period_id", "date_start", "date_end"],
            order="date_start, id",
        )
        by_pair = {}
        for sibling in siblings:
            by_pair.setdefault((sibling.employee_id.id, sibling.period_id.id), []).append(sibling)
        for appraisal in self:
            period = appraisal.period_id
            start, end = appraisal.date_start, appraisal.date_end
            if not (start and end) or start > end or start < period.date_start or end > period.date_end:
                raise ValidationError(
                    self.env._(
                        "The post of %(employee)s on an SKP of %(period)s must lie within the period's dates.",
                        employee=appraisal.employee_id.name,
                        period=period.name,
                    )
                )
            others = (
                self.sudo().browse([sibling.id for sibling in by_pair.get((appraisal.employee_id.id, period.id), [])])
                - appraisal
            )
            if not others:
                continue
            if overlap := others.filtered(lambda o, s=start, e=end: o.date_start <= e and o.date_end >= s):
                raise ValidationError(
                    self.env._(
                        "%(employee)s already has an SKP for %(period)s from %(start)s to %(end)s: the posts of "
                        "one period do not overlap.",
                        employee=appraisal.employee_id.name,
                        period=period.name,
                        start=overlap[0].date_start,
                        end=overlap[0].date_end,
                    )
                )
            previous = appraisal.previous_appraisal_id
            if not previous and others.filtered(lambda o, s=start: o.date_start < s):
                raise ValidationError(
                    self.env._(
                        "A later SKP of %(employee)s in %(period)s continues an earlier one: record it as a "
                        "transfer (Mutasi / Promosi).",
                        employee=appraisal.employee_id.name,
                        period=period.name,
                    )
                )
            if previous and (
                previous.employee_id != appraisal.employee_id
                or previous.period_id != period
                or previous.date_end + timedelta(days=1) != start
            ):
                raise ValidationError(
                    self.env._(
                        "The SKP of %(employee)s from %(start)s must start the day after the earlier part ends "
                        "(same employee, same period, no gap).",
                        employee=appraisal.employee_id.name,
                        start=start,
                    )
                )

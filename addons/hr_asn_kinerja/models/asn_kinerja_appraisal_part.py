"""The parts of an employee's year (docs/rules.md §17): one SKP per post held in a period.

A transfer or promotion (``asn.kinerja.transfer.wizard``) ends the SKP of the old post on the day before and
starts one for the new post: per employee and period the SKPs are consecutive segments (``date_start`` ..
``date_end``), without overlap or gap. Each part is evaluated by its own appraiser as a periodic part; the
appraiser of the last part sets the result of the period, seeing the earlier parts and a proposal that
weighs each part by its months (``tools/predicate.weighted_rating``)."""

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.predicate import compute_predicate, weighted_rating
from .asn_edit_rules_mixin import rule
from .asn_kinerja_appraisal import RATING, RATINGS

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
        RATINGS,
        "Work Result Rating of This Post",
        tracking=True,
        copy=False,
        help="In a period of several posts: the rating of this post's own part; the period's result "
        "(Work Result Rating) weighs it with the earlier parts.",
    )
    part_behavior_rating = fields.Selection(RATINGS, "Work Behaviour Rating of This Post", tracking=True, copy=False)
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

    def _part_ratings(self):
        """(result rating, behaviour rating) of this part alone: an earlier part's result, the last part's
        ratings of its own post."""
        if self.next_appraisal_ids or not self.previous_appraisal_id:
            return self.result_rating, self.behavior_rating
        return self.part_result_rating, self.part_behavior_rating

    def _proposal(self):
        """(result rating, behaviour rating) proposed for the period: each part's own ratings weigh by its
        months (``tools/predicate.weighted_rating``). False for a rating some part still lacks."""
        parts = self._earlier_parts() | self.sudo()
        return tuple(
            weighted_rating([(part.part_months, part._part_ratings()[index]) for part in parts]) for index in (0, 1)
        )

    def _edit_rule_for(self, model, name):
        if model._name == self._name and name in PART_EDIT_RULES:
            return PART_EDIT_RULES[name]
        return super()._edit_rule_for(model, name)

    @api.depends(
        "previous_appraisal_id",
        "result_rating",
        "behavior_rating",
        "part_result_rating",
        "part_behavior_rating",
        "date_start",
        "date_end",
        "appraiser_id",
    )
    @api.depends_context("lang")
    def _compute_parts(self):
        for appraisal in self:
            earlier = appraisal._earlier_parts() if appraisal.previous_appraisal_id else self.browse()
            appraisal.part_count = len(earlier) + 1
            if not earlier:
                appraisal.update(
                    {
                        "parts_html": False,
                        "proposed_result_rating": False,
                        "proposed_behavior_rating": False,
                        "proposed_predicate": False,
                    }
                )
                continue
            result, behavior = appraisal._proposal()
            appraisal.update(
                {
                    "parts_html": appraisal._parts_table(earlier | appraisal.sudo()),
                    "proposed_result_rating": result,
                    "proposed_behavior_rating": behavior,
                    "proposed_predicate": compute_predicate(result, behavior),
                }
            )

    def _parts_table(self, parts):
        """The parts side by side: post, months, evaluator, ratings, predikat and state."""
        labels = {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in ("result_rating", "predicate", "state")
        }
        headers = (
            self.env._("Post"),
            self.env._("From"),
            self.env._("Until"),
            self.env._("Months"),
            self.env._("Appraiser"),
            self.env._("Work Results"),
            self.env._("Work Behaviour"),
            self.env._("Predikat"),
            self.env._("State"),
        )
        rows = Markup("").join(
            Markup("<tr>%s</tr>")
            % Markup("").join(
                Markup("<td>%s</td>") % value
                for value in (
                    " / ".join(filter(None, (part.job_id.name, part.department_id.name))) or "-",
                    fields.Date.to_string(part.date_start) or "",
                    fields.Date.to_string(part.date_end) or "",
                    f"{part.part_months:.1f}",
                    part.appraiser_id.name or "-",
                    labels["result_rating"].get(part._part_ratings()[0], "-"),
                    labels["result_rating"].get(part._part_ratings()[1], "-"),
                    labels["predicate"].get(compute_predicate(*part._part_ratings()), "-"),
                    labels["state"].get(part.state, ""),
                )
            )
            for part in parts
        )
        head = Markup("").join(Markup("<th>%s</th>") % header for header in headers)
        return Markup(
            '<table class="table table-sm o_asn_table o_asn_parts"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>'
        ) % (
            head,
            rows,
        )

    def _parts_message(self):
        """The chatter line of a period's result set over several parts: the parts, the proposal, the choice."""
        self.ensure_one()
        labels = {
            name: dict(self._fields[name]._description_selection(self.env)) for name in ("result_rating", "predicate")
        }
        result, behavior = self._proposal()
        proposal = compute_predicate(result, behavior)
        chosen = (self.result_rating, self.behavior_rating)
        if (result, behavior) == chosen:
            verdict = self.env._("The result follows the proposal that weighs each part by its months.")
        else:
            verdict = self.env._(
                "The appraiser chose otherwise than the proposal that weighs each part by its months "
                "(%(result)s / %(behavior)s, %(predicate)s); the reason is in the appraiser's notes.",
                result=labels["result_rating"].get(result, "-"),
                behavior=labels["result_rating"].get(behavior, "-"),
                predicate=labels["predicate"].get(proposal, "-"),
            )
        intro = self.env._(
            "Result of the period over %(count)s parts (posts): %(result)s / %(behavior)s, %(predicate)s.",
            count=self.part_count,
            result=labels["result_rating"].get(self.result_rating, "-"),
            behavior=labels["result_rating"].get(self.behavior_rating, "-"),
            predicate=labels["predicate"].get(self.predicate, "-"),
        )
        return Markup("<p>%s</p><p>%s</p>%s") % (intro, verdict, self.parts_html or "")

    def action_use_proposal(self):
        """The appraiser of the last part: take the proposal that weighs each part by its months."""
        self.ensure_one()
        result, behavior = self._proposal()
        if not (result and behavior):
            raise ValidationError(self.env._("Every part needs both ratings before a proposal can be made."))
        self.write({"result_rating": result, "behavior_rating": behavior})
        return True

    def action_score(self):
        several = self.filtered("previous_appraisal_id")
        for skp in several.sudo():
            if not (skp.part_result_rating and skp.part_behavior_rating):
                raise ValidationError(
                    self.env._(
                        "Rate the part of %(employee)s in this post first (both ratings of this post): the result "
                        "of the period weighs it with the earlier parts.",
                        employee=skp.employee_id.name,
                    )
                )
            proposal = skp._proposal()
            chosen = (skp.result_rating, skp.behavior_rating)
            if all(proposal) and proposal != chosen and not (skp.appraiser_feedback or "").strip():
                raise ValidationError(
                    self.env._(
                        "The ratings of %(employee)s differ from the proposal that weighs each part of the period by "
                        'its months: say why in "%(field)s" (tab Evaluation) first.',
                        employee=skp.employee_id.name,
                        field=skp._fields["appraiser_feedback"]._description_string(self.env),
                    )
                )
        result = super().action_score()
        for skp in several.sudo():
            skp.with_context(lang=skp._document_lang())._message_log(body=skp._parts_message())
        return result

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

"""The unit rating's spread of predikat (docs/rules.md §5): what its unit's SKPs count, read from the distribution
view for every listed rating at once, checked against the pattern of its rating."""

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL, formatLang
from odoo.tools.i18n import format_list

from ..tools.distribution import check_distribution, distribution_text
from ..tools.predicate import PREDICATE_SELECTION, PREDICATES
from ..tools.unit_skps import COUNTED_WHEN_SET, NOT_IN_A_RATED_SUB_UNIT, UNIT_SKPS_FROM
from .asn_kinerja_unit_rating import COUNTED_STATES, SPREAD_READERS, UNFINISHED_STATES


def spread_fields(predicate):
    """The pair ``<predicate>_count`` and ``<predicate>_percent`` of the spread, labelled as the predikat
    (readers of the spread only; :meth:`_compute_distribution` fills every predikat's pair)."""
    label = dict(PREDICATE_SELECTION)[predicate]
    return (
        fields.Integer(label, compute="_compute_distribution", groups=SPREAD_READERS),
        fields.Float(f"{label} (%)", compute="_compute_distribution", groups=SPREAD_READERS),
    )


class AsnKinerjaUnitRatingSpread(models.Model):
    _inherit = "asn.kinerja.unit.rating"  # pylint: disable=consider-merging-classes-inherited

    unfinished_appraisal_ids = fields.Many2many(
        "asn.kinerja.appraisal",
        string="Unfinished SKPs",
        compute="_compute_unfinished_appraisal_ids",
        compute_sudo=True,  # lists SKPs of the unit the reader may not open: names only, no access to them
        groups=SPREAD_READERS,
        help="SKPs of the unit that are not finished: the Penetapan does not count them.",
    )

    # the actual spread: counts and shares of the unit's scored and finished SKPs (readers of the spread only)
    skp_count = fields.Integer("Counted SKPs", compute="_compute_distribution", groups=SPREAD_READERS)
    very_good_count, very_good_percent = spread_fields("very_good")
    good_count, good_percent = spread_fields("good")
    needs_improvement_count, needs_improvement_percent = spread_fields("needs_improvement")
    poor_count, poor_percent = spread_fields("poor")
    very_poor_count, very_poor_percent = spread_fields("very_poor")
    allowed_spread = fields.Char(
        compute="_compute_allowed_spread",
        help="Pola Distribusi of the unit's rating (SE MenPAN-RB 3/2023).",
    )
    distribution_ok = fields.Boolean(
        "Spread Within the Pattern", compute="_compute_distribution", groups=SPREAD_READERS
    )
    distribution_issues = fields.Text(
        "Broken Rules",
        compute="_compute_distribution",
        groups=SPREAD_READERS,
        help="One sentence per rule of the pattern that the actual spread breaks.",
    )

    @api.depends("department_id", "period_id", "state", "counted_appraisal_ids")
    def _compute_unfinished_appraisal_ids(self):
        unfinished = self._unfinished_ids()
        Appraisal = self.env["asn.kinerja.appraisal"]
        for unit_rating in self:
            unit_rating.unfinished_appraisal_ids = Appraisal.browse(unfinished.get(unit_rating.id, ()))

    def _unfinished_ids(self):
        """{unit rating id: [ids of its unfinished SKPs by name]}: of the saved ratings in one query, whatever
        their number; a rating being created (not in the database yet) through the ORM."""
        saved = self.filtered("id")
        result = {}
        if saved:
            self.env["asn.kinerja.appraisal"].flush_model(
                ["department_id", "period_id", "state", "is_last_part", "employee_name"]
            )
            saved.flush_model(["department_id", "period_id", "state", "counted_appraisal_ids"])
            self.env["hr.department"].flush_model(["parent_path"])
            # what a signed Penetapan left out, whatever happened to it since; else the SKPs not finished yet
            self.env.cr.execute(
                SQL(
                    f"""SELECT ur.id, a.id {UNIT_SKPS_FROM}
                         WHERE ur.id IN %s AND {NOT_IN_A_RATED_SUB_UNIT}
                           AND CASE WHEN ur.state = 'confirmed' THEN a.state != 'cancel' AND NOT {COUNTED_WHEN_SET}
                                    ELSE a.state IN %s END
                         ORDER BY a.employee_name, a.id""",
                    tuple(saved.ids),
                    UNFINISHED_STATES,
                )
            )
            for unit_rating_id, appraisal_id in self.env.cr.fetchall():
                result.setdefault(unit_rating_id, []).append(appraisal_id)
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        for unit_rating in (self - saved).filtered(lambda r: r.department_id and r.period_id):
            domain = unit_rating._unit_domain() & Domain("state", "in", UNFINISHED_STATES)
            result[unit_rating.id] = Appraisal.search(domain, order="employee_name, id").ids
        return result

    @api.depends("rating")
    def _compute_allowed_spread(self):
        for unit_rating in self:
            unit_rating.allowed_spread = distribution_text(unit_rating.rating)

    @api.depends("department_id", "period_id", "rating", "state", "counted_appraisal_ids")
    @api.depends_context("lang")
    def _compute_distribution(self):
        counts_of = self._predicate_counts_of()
        for unit_rating in self:
            counts = counts_of.get(unit_rating.id, {})
            total = sum(counts.values())
            unit_rating.skp_count = total
            for key in PREDICATES:
                unit_rating[f"{key}_count"] = counts.get(key, 0)
                unit_rating[f"{key}_percent"] = counts.get(key, 0) * 100 / total if total else 0
            issues = unit_rating._distribution_issues(counts)
            unit_rating.distribution_ok = not issues
            unit_rating.distribution_issues = "\n".join(issues)

    def _unit_domain(self):
        """The SKPs of the unit for the period: of the unit and its sub-units, except the sub-units with a
        Penetapan of their own, which counts them (docs/rules.md §20.14)."""
        self.ensure_one()
        own = (
            self.sudo()
            .search(
                [
                    ("period_id", "=", self.period_id.id),
                    ("department_id", "child_of", self.department_id.id),
                    ("id", "!=", self._origin.id or 0),
                    ("department_id", "!=", self.department_id.id),
                ]
            )
            .department_id
        )
        # a person whose period has several posts counts once, in the unit of the last one (docs/rules.md §17)
        domain = (
            Domain("department_id", "child_of", self.department_id.id)
            & Domain("period_id", "=", self.period_id.id)
            & Domain("is_last_part", "=", True)
        )
        if own:
            domain &= ~Domain("department_id", "child_of", own.ids)
        return domain

    def _appraisal_domain(self):
        """The SKPs whose predikat make the unit's spread: the finished SKPs of the unit (``_unit_domain``);
        once confirmed, those the Penetapan counted, with their predikat of now (an objection's decision)."""
        self.ensure_one()
        if self.state == "confirmed":
            return [("id", "in", self.counted_appraisal_ids.ids)]
        return list(self._unit_domain() & Domain("state", "in", COUNTED_STATES))

    def _predicate_counts(self):
        """{predikat: number of SKPs} of the unit (docs/rules.md §5)."""
        self.ensure_one()
        return self._predicate_counts_of().get(self.id, {})

    def _predicate_counts_of(self):
        """{unit rating id: {predikat: number of SKPs}}: the saved ratings read the distribution view in one
        grouped query, whatever their number; a rating being created (not in the view yet) counts its unit's
        finished SKPs through the ORM."""
        saved = self.filtered("id")
        counts = {}
        if saved:
            groups = (
                self.env["asn.kinerja.distribution.report"]
                .sudo()
                ._read_group([("unit_rating_id", "in", saved.ids)], ["unit_rating_id", "predicate"], ["__count"])
            )
            for unit_rating, predicate, count in groups:
                if predicate:
                    counts.setdefault(unit_rating.id, {})[predicate] = count
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        for unit_rating in (self - saved).filtered(lambda r: r.department_id and r.period_id):
            groups = Appraisal._read_group(unit_rating._appraisal_domain(), ["predicate"], ["__count"])
            counts[unit_rating.id] = {predicate: count for predicate, count in groups if predicate}
        return counts

    def _distribution_issues(self, counts):
        """One translated sentence, with its numbers, per rule of the pattern that ``counts`` breaks."""
        if not self.rating:
            return []
        issues = []
        if unfinished := self.sudo().unfinished_appraisal_ids:
            issues.append(
                self.env._(
                    "%(count)s SKPs not finished, not counted: %(names)s",
                    count=len(unfinished),
                    names=format_list(self.env, unfinished.mapped("employee_name")),
                )
            )
        if not sum(counts.values()):
            return [*issues, self.env._("No SKP of this unit is finished yet.")]
        labels = dict(self.env["asn.kinerja.appraisal"]._fields["predicate"]._description_selection(self.env))
        for check in check_distribution(counts, self.rating):
            if check.ok:
                continue
            names = format_list(self.env, [labels[key] for key in check.predicates], style="or")
            values = {"predicates": names, "percent": self._format_percent(check.percent), "limit": check.limit}
            if check.kind == "max" and not check.limit:
                issues.append(
                    self.env._("%(predicates)s: %(count)s, none allowed", predicates=names, count=check.count)
                )
            elif check.kind == "max":
                issues.append(self.env._("%(predicates)s %(percent)s%% > %(limit)s%%", **values))
            elif check.kind == "min":
                issues.append(self.env._("%(predicates)s %(percent)s%% < %(limit)s%%", **values))
            elif check.kind == "some":
                issues.append(self.env._("No %(predicates)s: at least one is required", predicates=names))
            else:
                issues.append(
                    self.env._(
                        "%(count)s with another predikat than %(predicates)s",
                        count=check.count,
                        predicates=format_list(self.env, [labels[key] for key in check.predicates]),
                    )
                )
        return issues

    def _format_percent(self, value):
        """80 -> '80', 66.666 -> '66.7' (in the user's number format)."""
        value = round(value, 1)
        return formatLang(self.env, value, digits=0 if value == int(value) else 1)

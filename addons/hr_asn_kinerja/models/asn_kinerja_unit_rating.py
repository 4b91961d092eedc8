from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import formatLang
from odoo.tools.i18n import format_list
from odoo.tools.translate import LazyTranslate

from ..tools.distribution import check_distribution, distribution_text
from ..tools.predicate import PREDICATES
from .asn_edit_rules_mixin import rule
from .asn_kinerja_appraisal import ORGANIZATION_RATINGS

_lt = LazyTranslate(__name__)

# the SKPs whose predikat counts in the unit's spread
COUNTED_STATES = ("scored", "done")
DRAFT_BY_OFFICER = rule(("draft",), ("officer",))
# the unit's spread names no one, but staff have no business reading it: HR and those who lead (unit heads)
SPREAD_READERS = "hr_asn_kinerja.group_kinerja_appraiser"


class AsnKinerjaUnitRating(models.Model):
    """Capaian Kinerja Organisasi and the Penetapan Predikat Kinerja of a unit for a period (docs/rules.md §5).

    HR rates the unit; every SKP of the unit and of its sub-units without a rating of their own prints
    it. The predikat of the unit's scored and finished SKPs (the unit and all its sub-units) are then
    checked against the spread the rating allows, and HR confirms the outcome: that is the Penetapan.
    Confirming a spread that breaks a rule needs a written justification."""

    _name = "asn.kinerja.unit.rating"
    _description = "Organisation Performance Rating"
    _inherit = ["asn.workflow.mixin"]
    _order = "period_id desc, department_id"
    _check_company_auto = True

    _transitions = {
        "confirm": {"draft": ("confirmed", ("officer",))},
        "reset": {"confirmed": ("draft", ("officer",))},
    }
    _transition_messages = {
        "confirm": _lt("Penetapan Predikat Kinerja confirmed."),
        "reset": _lt("Penetapan Predikat Kinerja reset to draft."),
    }
    _reason_actions = ("reset",)
    _role_fields = {}
    _state_dates = {"confirmed": "date_confirmed"}
    _edit_rules = dict.fromkeys(
        ("department_id", "period_id", "company_id", "rating", "justification"), DRAFT_BY_OFFICER
    )

    department_id = fields.Many2one(
        "hr.department", "Unit", required=True, index=True, ondelete="restrict", check_company=True, tracking=True
    )
    period_id = fields.Many2one(
        "asn.kinerja.period", required=True, index=True, ondelete="restrict", check_company=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, tracking=True
    )
    rating = fields.Selection(ORGANIZATION_RATINGS, required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    justification = fields.Text(
        tracking=True,
        copy=False,
        help="Why the Penetapan is confirmed although the spread of predikat breaks a rule of the unit's pattern.",
    )
    date_confirmed = fields.Date("Confirmed On", readonly=True, copy=False)

    # the actual spread: counts and shares of the unit's scored and finished SKPs (readers of the spread only)
    skp_count = fields.Integer("Scored SKPs", compute="_compute_distribution", groups=SPREAD_READERS)
    very_good_count = fields.Integer("Very Good", compute="_compute_distribution", groups=SPREAD_READERS)
    good_count = fields.Integer("Good", compute="_compute_distribution", groups=SPREAD_READERS)
    needs_improvement_count = fields.Integer(
        "Needs Improvement", compute="_compute_distribution", groups=SPREAD_READERS
    )
    poor_count = fields.Integer("Poor / Misconduct", compute="_compute_distribution", groups=SPREAD_READERS)
    very_poor_count = fields.Integer("Very Poor", compute="_compute_distribution", groups=SPREAD_READERS)
    very_good_percent = fields.Float("Very Good (%)", compute="_compute_distribution", groups=SPREAD_READERS)
    good_percent = fields.Float("Good (%)", compute="_compute_distribution", groups=SPREAD_READERS)
    needs_improvement_percent = fields.Float(
        "Needs Improvement (%)", compute="_compute_distribution", groups=SPREAD_READERS
    )
    poor_percent = fields.Float("Poor / Misconduct (%)", compute="_compute_distribution", groups=SPREAD_READERS)
    very_poor_percent = fields.Float("Very Poor (%)", compute="_compute_distribution", groups=SPREAD_READERS)
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

    _department_period_unique = models.UniqueIndex(
        "(department_id, period_id)", "A unit has one organisation rating per period."
    )

    @api.depends("department_id", "period_id")
    def _compute_display_name(self):
        for unit_rating in self:
            unit_rating.display_name = f"{unit_rating.department_id.name or ''} - {unit_rating.period_id.name or ''}"

    @api.depends("rating")
    def _compute_allowed_spread(self):
        for unit_rating in self:
            unit_rating.allowed_spread = distribution_text(unit_rating.rating)

    @api.depends("department_id", "period_id", "rating")
    @api.depends_context("lang")
    def _compute_distribution(self):
        for unit_rating in self:
            counts = unit_rating._predicate_counts()
            total = sum(counts.values())
            unit_rating.skp_count = total
            for key in PREDICATES:
                unit_rating[f"{key}_count"] = counts.get(key, 0)
                unit_rating[f"{key}_percent"] = counts.get(key, 0) * 100 / total if total else 0
            issues = unit_rating._distribution_issues(counts)
            unit_rating.distribution_ok = not issues
            unit_rating.distribution_issues = "\n".join(issues)

    def _appraisal_domain(self):
        """The SKPs whose predikat make the unit's spread: scored or finished, of the unit and its sub-units."""
        self.ensure_one()
        return [
            ("department_id", "child_of", self.department_id.id),
            ("period_id", "=", self.period_id.id),
            ("state", "in", COUNTED_STATES),
        ]

    def _predicate_counts(self):
        """{predikat: number of SKPs} of the unit, in one grouped query (docs/rules.md §5)."""
        self.ensure_one()
        if not (self.department_id and self.period_id):
            return {}
        groups = (
            self.env["asn.kinerja.appraisal"].sudo()._read_group(self._appraisal_domain(), ["predicate"], ["__count"])
        )
        return {predicate: count for predicate, count in groups if predicate}

    def _distribution_issues(self, counts):
        """One translated sentence, with its numbers, per rule of the pattern that ``counts`` breaks."""
        if not self.rating:
            return []
        if not sum(counts.values()):
            return [self.env._("No SKP of this unit is scored yet.")]
        labels = dict(self.env["asn.kinerja.appraisal"]._fields["predicate"]._description_selection(self.env))
        issues = []
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

    @api.constrains("company_id", "period_id", "department_id")
    def _check_company_of_period(self):
        for unit_rating in self:
            if unit_rating.period_id.company_id != unit_rating.company_id:
                raise ValidationError(
                    self.env._(
                        "The period %(period)s belongs to another agency than the rating of %(unit)s.",
                        period=unit_rating.period_id.name,
                        unit=unit_rating.department_id.name,
                    )
                )

    def _document_lang(self):
        # read by the company's HR: in the company's language, whoever writes it
        return self.sudo().company_id.partner_id.lang or self.env.lang or "en_US"

    # ------------------------------------------------------------------
    # edit rules
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("state", "draft") != "draft" for vals in vals_list):
            raise AccessError(self.env._("A new organisation rating starts as a draft."))
        return super().create(vals_list)

    def write(self, vals):
        self._check_edit(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if confirmed := self.filtered(lambda r: r.state == "confirmed"):
            raise UserError(
                self.env._(
                    "The Penetapan Predikat Kinerja of %(unit)s is confirmed; reset it before deleting the rating.",
                    unit=confirmed[0].display_name,
                )
            )

    def _workflow_name(self):
        return self.env._("the Penetapan Predikat Kinerja of %(unit)s", unit=self.sudo().display_name)

    # ------------------------------------------------------------------
    # workflow: the Penetapan Predikat Kinerja
    # ------------------------------------------------------------------
    def action_confirm(self):
        """HR: confirm the unit's spread of predikat (Penetapan Predikat Kinerja). A spread that breaks
        a rule of the pattern needs a written justification, which the chatter keeps."""

        def check(unit_rating):
            if not unit_rating.sudo().distribution_ok and not (unit_rating.justification or "").strip():
                raise UserError(
                    self.env._(
                        "The spread of %(unit)s breaks its pattern (%(issues)s): write a justification to confirm it.",
                        unit=unit_rating.display_name,
                        issues="; ".join(unit_rating.sudo().distribution_issues.splitlines()),
                    )
                )

        return self._transition("confirm", check=check)

    def action_reset(self, reason):
        """HR: reopen the Penetapan, with the reason; its SKPs may then be reopened again."""
        self._check_reason(reason, self.env._("Say why the Penetapan Predikat Kinerja is reset."))
        return self._transition("reset", reason, {"date_confirmed": False})

    def action_open_reset_wizard(self):
        return self._reason_wizard("reset", self.env._("Reset the Penetapan Predikat Kinerja"))

    def _transition_details(self, action):
        unit_rating = self.sudo()
        if action != "confirm" or unit_rating.distribution_ok:
            return ""
        return Markup("%s<br/>%s %s") % (
            self.env._(
                "Confirmed although the spread breaks its pattern: %(issues)s.",
                issues="; ".join(unit_rating.distribution_issues.splitlines()),
            ),
            self.env._("Justification:"),
            unit_rating.justification,
        )

    def action_view_appraisals(self):
        """The SKPs behind the spread."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_appraisal_all")
        action.update({"domain": self._appraisal_domain(), "context": {"search_default_group_predicate": 1}})
        return action

    # ------------------------------------------------------------------
    # what the unit's rating locks
    # ------------------------------------------------------------------
    @api.model
    def _confirmed_covering(self, appraisals):
        """{appraisal id: the confirmed Penetapan that counts it}: that of its unit, else of the nearest parent
        unit, for its period (docs/rules.md §20.14)."""
        appraisals = appraisals.sudo()
        confirmed = self.sudo().search(
            [
                ("state", "=", "confirmed"),
                ("period_id", "in", appraisals.period_id.ids),
                ("department_id", "parent_of", appraisals.department_id.ids),
            ]
        )
        covering = {}
        for appraisal in appraisals if confirmed else ():
            units = appraisal.department_id.parent_path.split("/") if appraisal.department_id else []
            candidates = confirmed.filtered(
                lambda r, a=appraisal, units=units: r.period_id == a.period_id and str(r.department_id.id) in units
            )
            if candidates:
                # the nearest unit has the longest path
                covering[appraisal.id] = candidates.sorted(lambda r: len(r.department_id.parent_path))[-1]
        return covering

    @api.model
    def _check_not_confirmed(self, appraisals):
        """Raise when a confirmed Penetapan covers one of ``appraisals`` (its unit or a parent unit, same
        period): its SKPs stay as they were signed until HR resets it."""
        covering = self._confirmed_covering(appraisals)
        for appraisal in appraisals.sudo():
            if unit_rating := covering.get(appraisal.id):
                raise UserError(
                    self.env._(
                        "The Penetapan Predikat Kinerja of %(unit)s is confirmed: reset it before reopening "
                        "the SKP of %(employee)s.",
                        unit=unit_rating.display_name,
                        employee=appraisal.employee_id.name,
                    )
                )

    @api.model
    def _log_objection_change(self, appraisal, old_predicate):
        """A decision on an objection is final (PP 30/2019) and changes a predikat even under a confirmed
        Penetapan: its chatter keeps the change and what the spread is now (docs/rules.md §13)."""
        unit_rating = self._confirmed_covering(appraisal).get(appraisal.id)
        if not unit_rating:
            return
        record = unit_rating.with_context(lang=unit_rating._document_lang())
        labels = dict(appraisal._fields["predicate"]._description_selection(record.env))
        body = Markup("<p>%s</p>") % record.env._(
            "The predikat of %(employee)s changed from %(old)s to %(new)s by the decision on an objection, which is "
            "final; the spread of the unit follows.",
            employee=appraisal.sudo().employee_id.name,
            old=labels.get(old_predicate, "-"),
            new=labels.get(appraisal.predicate, "-"),
        )
        if not record.distribution_ok:
            body += Markup("<p>%s</p>") % record.env._(
                "The spread now breaks its pattern: %(issues)s.",
                issues="; ".join(record.distribution_issues.splitlines()),
            )
        record._message_log(body=body)

    @api.model
    def _rating_lookup(self, periods):
        """A function ``(department, period) -> rating``: the unit's own rating for the period, else that
        of its nearest parent unit; a sub-period without ratings falls back on its annual period."""
        periods = periods | periods.parent_id
        ratings = {
            (r.department_id.id, r.period_id.id): r.rating for r in self.search([("period_id", "in", periods.ids)])
        }

        def rating_of(department, period):
            for candidate in (period, period.parent_id):
                unit = department
                while unit:
                    if rating := ratings.get((unit.id, candidate.id)):
                        return rating
                    unit = unit.parent_id
            return False

        return rating_of

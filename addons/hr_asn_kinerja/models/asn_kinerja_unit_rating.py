from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import formatLang
from odoo.tools.i18n import format_list
from odoo.tools.translate import LazyTranslate

from ..tools.distribution import check_distribution, distribution_text
from ..tools.predicate import PREDICATES
from .asn_edit_rules_mixin import rule
from .asn_kinerja_appraisal import ORGANIZATION_RATINGS

_lt = LazyTranslate(__name__)

# the SKPs whose predikat counts in the unit's spread: finished ones only (docs/rules.md §5)
COUNTED_STATES = ("done",)
# the SKPs listed as not finished (a broken rule that needs HR's justification)
UNFINISHED_STATES = ("draft", "submitted", "approved", "self_assessed", "scored")
DRAFT_BY_OFFICER = rule(("draft",), ("officer",))
# the unit's spread names no one, but staff have no business reading it: HR and those who lead (unit heads)
SPREAD_READERS = "hr_asn_kinerja.group_kinerja_appraiser"


class AsnKinerjaUnitRating(models.Model):
    """Capaian Kinerja Organisasi and the Penetapan Predikat Kinerja of a unit for a period (docs/rules.md §5).

    HR rates the unit; every SKP of the unit and of its sub-units without a rating of their own prints
    it. The predikat of the unit's finished SKPs (the unit and its sub-units without a Penetapan of their
    own) are then checked against the spread the rating allows; unfinished SKPs are a broken rule. HR
    prepares the Penetapan (with a written justification when a rule is broken) and the appraiser of the
    unit's head sets it (``setter_id``): it then counts, and freezes, the SKPs it listed."""

    _name = "asn.kinerja.unit.rating"
    _description = "Organisation Performance Rating"
    _inherit = ["asn.workflow.mixin"]
    _order = "period_id desc, department_id"
    _check_company_auto = True

    # HR prepares, the appraiser of the unit's head sets it (the "setter"), HR resets it (docs/rules.md §5)
    _transitions = {
        "prepare": {"draft": ("prepared", ("officer",))},
        "confirm": {"prepared": ("confirmed", ("setter",))},
        "return": {"prepared": ("draft", ("setter", "officer"))},
        "reset": {"confirmed": ("draft", ("officer",))},
    }
    _transition_messages = {
        "prepare": _lt("Penetapan Predikat Kinerja prepared."),
        "confirm": _lt("Penetapan Predikat Kinerja confirmed."),
        "return": _lt("Penetapan Predikat Kinerja returned to Pengelola Kinerja."),
        "reset": _lt("Penetapan Predikat Kinerja reset to draft."),
    }
    _reason_actions = ("return", "reset")
    _next_activities = {"prepared": ("hr_asn_kinerja.mail_act_penetapan_set", "setter_id")}
    _role_fields = {"setter": "setter_id"}
    _state_dates = {"prepared": "date_prepared", "confirmed": "date_confirmed"}
    _edit_rules = dict.fromkeys(
        ("department_id", "period_id", "company_id", "rating", "justification", "setter_override_id"),
        DRAFT_BY_OFFICER,
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
        [("draft", "Draft"), ("prepared", "Prepared"), ("confirmed", "Confirmed")],
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
    date_prepared = fields.Date("Prepared On", readonly=True, copy=False)
    prepared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    setter_override_id = fields.Many2one(
        "hr.employee",
        "Set By (Regency Decision)",
        check_company=True,
        copy=False,
        help="Where the regency decides that someone else than the appraiser of the unit's head sets the "
        "unit's rating. Never the unit's head.",
    )
    setter_id = fields.Many2one(
        "hr.employee",
        "Sets the Rating",
        compute="_compute_setter_id",
        help="Who sets (menetapkan) the unit's rating: the appraiser of the unit's head, unless HR names someone "
        "else; empty at the top of the chain, where Pengelola Kinerja sets it.",
    )
    set_by_id = fields.Many2one("hr.employee", readonly=True, copy=False)
    is_setter = fields.Boolean(compute="_compute_is_setter", help="The reader sets this unit's rating.")
    # what the confirmed Penetapan counted: its SKPs stay as they were signed until HR resets it
    counted_appraisal_ids = fields.Many2many(
        "asn.kinerja.appraisal",
        "asn_kinerja_unit_rating_counted_rel",
        "unit_rating_id",
        "appraisal_id",
        "SKPs Counted When Set",
        readonly=True,
        copy=False,
    )
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

    @api.depends("setter_override_id", "department_id.manager_id.appraiser_id")
    def _compute_setter_id(self):
        for unit_rating in self:
            head = unit_rating.sudo().department_id.manager_id
            unit_rating.setter_id = unit_rating.setter_override_id or head.appraiser_id

    @api.depends_context("uid")
    def _compute_is_setter(self):
        for unit_rating in self:
            unit_rating.is_setter = "setter" in unit_rating._get_roles()

    @api.constrains("setter_override_id", "department_id")
    def _check_setter_is_not_the_head(self):
        for unit_rating in self:
            head = unit_rating.department_id.manager_id
            if head and unit_rating.setter_override_id == head:
                raise ValidationError(
                    self.env._(
                        "%(head)s heads %(unit)s and cannot set the rating of their own unit.",
                        head=head.name,
                        unit=unit_rating.department_id.name,
                    )
                )

    def _roles_fetched(self):
        """Besides officer: "setter" for who sets the unit's rating; Pengelola Kinerja where nobody does
        (no head, a head at the top of the chain, or a setter without a user)."""
        roles = super()._roles_fetched()
        setter_user = self.sudo().setter_id.user_id
        head_user = self.sudo().department_id.manager_id.user_id
        if (setter_user == self.env.user if setter_user else "officer" in roles) and head_user != self.env.user:
            roles.add("setter")
        return roles

    @api.depends("department_id", "period_id", "state", "counted_appraisal_ids")
    def _compute_unfinished_appraisal_ids(self):
        Appraisal = self.env["asn.kinerja.appraisal"]
        for unit_rating in self:
            if not (unit_rating.department_id and unit_rating.period_id):
                unit_rating.unfinished_appraisal_ids = Appraisal
                continue
            domain = unit_rating._unit_domain()
            if unit_rating.state == "confirmed":
                # what the signed Penetapan left out, whatever happened to it since
                domain &= Domain("state", "!=", "cancel") & Domain(
                    "id", "not in", unit_rating.counted_appraisal_ids.ids
                )
            else:
                domain &= Domain("state", "in", UNFINISHED_STATES)
            unit_rating.unfinished_appraisal_ids = Appraisal.sudo().search(domain, order="employee_name, id")

    @api.depends("rating")
    def _compute_allowed_spread(self):
        for unit_rating in self:
            unit_rating.allowed_spread = distribution_text(unit_rating.rating)

    @api.depends("department_id", "period_id", "rating", "state", "counted_appraisal_ids")
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
        before = {record.id: record.setter_id for record in self} if "setter_override_id" in vals else {}
        result = super().write(vals)
        for record in self.filtered(lambda r: r.id in before):
            # the regency's decision on who sets the rating stays in the chatter (docs/rules.md §5)
            env = record.with_context(lang=record._document_lang()).env
            record.sudo()._message_log(
                body=Markup("<p>%s</p>")
                % env._(
                    "Who sets the rating: %(old)s → %(new)s (decided by %(user)s).",
                    old=before[record.id].name or env._("Pengelola Kinerja"),
                    new=record.setter_id.name or env._("Pengelola Kinerja"),
                    user=self.env.user.name,
                )
            )
        return result

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
    def _check_justified(self):
        """A spread that breaks a rule of the pattern, or leaves SKPs unfinished, needs HR's written
        justification, which the chatter keeps."""
        unit_rating = self.sudo()
        if not unit_rating.distribution_ok and not (unit_rating.justification or "").strip():
            raise UserError(
                self.env._(
                    "The spread of %(unit)s breaks its pattern (%(issues)s): write a justification to confirm it.",
                    unit=unit_rating.display_name,
                    issues="; ".join(unit_rating.distribution_issues.splitlines()),
                )
            )

    def action_prepare(self):
        """HR: hand the unit's rating and spread to whoever sets it (``setter_id``)."""
        return self._transition(
            "prepare", vals={"prepared_by_id": self.env.user.id}, check=lambda r: r._check_justified()
        )

    def action_confirm(self):
        """The appraiser of the unit's head (or whom HR names; HR at the top of the chain): set the unit's
        rating and confirm its spread of predikat (Penetapan Predikat Kinerja). It counts the unit's finished
        SKPs as they are now; the Penetapan freezes them (docs/rules.md §5)."""

        def vals(unit_rating):
            setter = unit_rating.setter_id if unit_rating.setter_id.user_id else self.env.user.employee_id
            return {
                "set_by_id": setter.id,
                "counted_appraisal_ids": [
                    Command.set(self.env["asn.kinerja.appraisal"].sudo().search(unit_rating._appraisal_domain()).ids)
                ],
            }

        return self._transition("confirm", vals=vals, check=lambda r: r._check_justified())

    def action_return(self, reason):
        """The setter (or HR): send the prepared Penetapan back to HR, with the reason."""
        self._check_reason(reason, self.env._("Say why the Penetapan Predikat Kinerja goes back."))
        return self._transition("return", reason, {"prepared_by_id": False, "date_prepared": False})

    def action_open_return_wizard(self):
        return self._reason_wizard("return", self.env._("Return the Penetapan Predikat Kinerja"))

    def action_reset(self, reason):
        """HR: reopen the Penetapan, with the reason; the SKPs it counted may then change again."""
        self._check_reason(reason, self.env._("Say why the Penetapan Predikat Kinerja is reset."))
        vals = {
            "date_confirmed": False,
            "date_prepared": False,
            "prepared_by_id": False,
            "set_by_id": False,
            "counted_appraisal_ids": [Command.clear()],
        }
        return self._transition("reset", reason, vals)

    def action_open_reset_wizard(self):
        return self._reason_wizard("reset", self.env._("Reset the Penetapan Predikat Kinerja"))

    def _transition_details(self, action):
        unit_rating = self.sudo()
        if action not in ("prepare", "confirm") or unit_rating.distribution_ok:
            return ""
        return Markup("%s<br/>%s %s") % (
            self.env._(
                "Although the spread breaks its pattern: %(issues)s.",
                issues="; ".join(unit_rating.distribution_issues.splitlines()),
            ),
            self.env._("Justification:"),
            unit_rating.justification,
        )

    @api.readonly  # a read: served by the replica when there is one (db_replica_host)
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
        """{appraisal id: the confirmed Penetapan that counted it} (docs/rules.md §5, §20.14)."""
        confirmed = self.sudo().search([("state", "=", "confirmed"), ("counted_appraisal_ids", "in", appraisals.ids)])
        return {
            appraisal.id: unit_rating for unit_rating in confirmed for appraisal in unit_rating.counted_appraisal_ids
        }

    @api.model
    def _check_not_confirmed(self, appraisals):
        """Raise when a confirmed Penetapan counted one of ``appraisals``: its SKPs stay as they were signed
        until HR resets it (docs/rules.md §5)."""
        covering = self._confirmed_covering(appraisals)
        for appraisal in appraisals.sudo():
            if unit_rating := covering.get(appraisal.id):
                raise UserError(
                    self.env._(
                        "The Penetapan Predikat Kinerja of %(unit)s is confirmed and counts the SKP of "
                        "%(employee)s: reset it before changing that SKP.",
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

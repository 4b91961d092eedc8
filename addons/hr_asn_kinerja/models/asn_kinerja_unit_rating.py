from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

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
    _create_states = ("draft",)
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
    def write(self, vals):
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

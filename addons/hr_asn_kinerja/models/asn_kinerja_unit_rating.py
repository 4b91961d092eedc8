from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .asn_kinerja_appraisal import ORGANIZATION_RATINGS


class AsnKinerjaUnitRating(models.Model):
    """Capaian Kinerja Organisasi: HR's rating of a unit for a period (docs/rules.md §5). Every SKP
    of the unit and of its sub-units without a rating of their own prints it."""

    _name = "asn.kinerja.unit.rating"
    _description = "Organisation Performance Rating"
    _inherit = ["mail.thread"]
    _order = "period_id desc, department_id"
    _check_company_auto = True

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

    _department_period_unique = models.UniqueIndex(
        "(department_id, period_id)", "A unit has one organisation rating per period."
    )

    @api.depends("department_id", "period_id")
    def _compute_display_name(self):
        for unit_rating in self:
            unit_rating.display_name = f"{unit_rating.department_id.name or ''} - {unit_rating.period_id.name or ''}"

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

    def _creation_message(self):
        # read by the company's HR: in the company's language, whoever creates it
        lang = self.sudo().company_id.partner_id.lang or self.env.lang
        return super(AsnKinerjaUnitRating, self.with_context(lang=lang))._creation_message()

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

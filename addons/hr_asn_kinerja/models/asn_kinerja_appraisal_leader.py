"""The leader rule (SE MenPAN-RB 3/2023, docs/rules.md §5): the SKP of the head of a unit rated on its own takes
its rating of work results from the unit's rating (Capaian Kinerja Organisasi); the appraiser rates the
behaviour only."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.predicate import RATING_SELECTION

# Capaian Kinerja Organisasi -> the head's rating of work results (SE MenPAN-RB 3/2023)
LEADER_RESULT_RATING = {
    "outstanding": "above",
    "good": "as_expected",
    "needs_improvement": "below",
    "poor": "below",
    "very_poor": "below",
}
# fields of a unit head's SKP that come from the unit's rating: nobody writes them, the score step sets them
LEADER_FIELDS = {"result_rating": "leader_result_rating"}


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    leader_unit_rating_id = fields.Many2one(
        "asn.kinerja.unit.rating",
        "Rating of the Unit Headed",
        compute="_compute_leader",
        help="The employee heads the SKP's unit, rated on its own for the period: that rating is the work result "
        "rating (leader rule, SE MenPAN-RB 3/2023).",
    )
    leader_result_rating = fields.Selection(
        RATING_SELECTION, "Work Result Rating of the Unit", compute="_compute_leader"
    )
    result_rating_source = fields.Char(compute="_compute_leader", help="Where the work result rating comes from.")

    @api.depends("employee_id", "department_id.manager_id", "period_id")
    @api.depends_context("lang")
    def _compute_leader(self):
        UnitRating = self.env["asn.kinerja.unit.rating"].sudo()
        heads = self.sudo().filtered(lambda a: a.department_id and a.department_id.manager_id == a.employee_id)
        ratings = heads and UnitRating.search(
            [
                ("department_id", "in", heads.department_id.ids),
                ("period_id", "in", (heads.period_id | heads.period_id.parent_id).ids),
            ]
        )
        labels = dict(UnitRating._fields["rating"]._description_selection(self.env))
        for appraisal in self:
            unit_rating = UnitRating.browse()
            if appraisal.sudo() in heads:
                # the rating of the SKP's period, else of its annual period (a semester SKP)
                for period in (appraisal.period_id, appraisal.period_id.parent_id):
                    unit_rating = unit_rating or ratings.filtered(
                        lambda r, p=period, a=appraisal: r.period_id == p and r.department_id == a.department_id
                    )
            appraisal.leader_unit_rating_id = unit_rating
            appraisal.leader_result_rating = LEADER_RESULT_RATING.get(unit_rating.rating, False)
            appraisal.result_rating_source = bool(unit_rating) and self.env._(
                "The rating of %(unit)s (%(rating)s, Penetapan %(state)s): the head's work result rating "
                "(SE MenPAN-RB 3/2023).",
                unit=unit_rating.display_name,
                rating=labels.get(unit_rating.rating, ""),
                state=unit_rating._state_label().lower(),
            )

    def _check_edit_open(self, field_names):
        result = super()._check_edit_open(field_names)
        if (leader := [name for name in LEADER_FIELDS if name in field_names]) and self.leader_unit_rating_id:
            raise UserError(
                self.env._(
                    "%(field)s of %(employee)s, head of the unit, is the rating of %(unit)s and cannot be changed "
                    "here (SE MenPAN-RB 3/2023).",
                    field=self._fields[leader[0]]._description_string(self.env),
                    employee=self.employee_id.name,
                    unit=self.sudo().leader_unit_rating_id.display_name,
                )
            )
        return result

    def _leader_vals(self):
        """What the score step writes on a unit head's SKP: the ratings that come from the unit's rating."""
        if not self.leader_unit_rating_id:
            return {}
        return {name: self[source] for name, source in LEADER_FIELDS.items()}

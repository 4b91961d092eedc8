from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.predicate import RATING_PAIR_SELECTION, RATING_SELECTION


class AsnKinerjaQuickScoreWizard(models.TransientModel):
    """One SKP scored from its card (docs/rules.md §26): the two ratings and the appraiser's reason are written
    on the SKP and its Score step runs, in one call: a refusal (not the appraiser, not self-assessed, a rating
    Below Expectations without its reason) leaves the SKP as it was. Both ratings are one choice, a cell of the
    predikat matrix that names the predikat it gives: scoring takes at most three taps (open, choose, Score)."""

    _name = "asn.kinerja.quick.score.wizard"
    _description = "Score One SKP"

    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", required=True, readonly=True, ondelete="cascade")
    # a unit head's work result rating is the unit's (docs/rules.md §5): it is not asked, his behaviour alone is
    result_from_unit = fields.Boolean(compute="_compute_result_from_unit")
    rating_pair = fields.Selection(RATING_PAIR_SELECTION, "Ratings and Predikat")
    # the two ratings the engine reads, set by the choice above (or written directly, by a script or a test)
    result_rating = fields.Selection(
        RATING_SELECTION, "Work Result Rating", compute="_compute_ratings", store=True, readonly=False, precompute=True
    )
    behavior_rating = fields.Selection(
        RATING_SELECTION,
        "Work Behaviour Rating",
        required=True,
        compute="_compute_ratings",
        store=True,
        readonly=False,
        precompute=True,
    )
    appraiser_feedback = fields.Text("Reason and Recommendation")

    @api.model
    def default_get(self, fields_list):
        vals = super().default_get(fields_list)
        skp = self.env["asn.kinerja.appraisal"].browse(vals.get("appraisal_id")).exists()
        if skp and skp.has_access("read"):
            ratings = (skp.result_rating or "as_expected", skp.behavior_rating or "as_expected")
            vals.setdefault("rating_pair", ":".join(ratings))
            vals.setdefault("appraiser_feedback", skp.appraiser_feedback)
        vals.setdefault("rating_pair", "as_expected:as_expected")
        return vals

    @api.constrains("appraisal_id")
    def _check_appraisal_readable(self):
        """Opened on an SKP its opener reads (as the card's button is): the dialog shows nothing of another's.
        A constraint runs as superuser: the SKP is checked as the user who opens or changes the dialog."""
        self.appraisal_id.with_user(self.env.uid).check_access("read")

    @api.depends("appraisal_id")
    def _compute_result_from_unit(self):
        for wizard in self:
            wizard.result_from_unit = bool(wizard.appraisal_id.leader_unit_rating_id)

    @api.depends("rating_pair")
    def _compute_ratings(self):
        for wizard in self:
            result, behavior = (wizard.rating_pair or "as_expected:as_expected").split(":")
            wizard.result_rating, wizard.behavior_rating = result, behavior

    def action_confirm(self):
        self.ensure_one()
        skp = self.appraisal_id
        vals = {"behavior_rating": self.behavior_rating, "appraiser_feedback": self.appraiser_feedback}
        if not skp.leader_unit_rating_id:
            vals["result_rating"] = self.result_rating
        self._check_reason(vals)
        # the ratings stay unwritten when the step refuses, from a test or a script too
        with self.env.cr.savepoint():
            skp.write(vals)
            return skp.action_score()

    def _check_reason(self, vals):
        """The engine's rule (a Below needs the reason), said with the name this dialog gives the field."""
        if (
            "below" in (vals.get("result_rating"), vals["behavior_rating"])
            and not (self.appraiser_feedback or "").strip()
        ):
            labels = dict(self._fields["behavior_rating"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    '%(rating)s needs your reason: write why, and what %(employee)s can do to improve, in "%(field)s".',
                    rating=labels["below"],
                    employee=self.appraisal_id.sudo().employee_id.name,
                    field=self._fields["appraiser_feedback"]._description_string(self.env),
                )
            )

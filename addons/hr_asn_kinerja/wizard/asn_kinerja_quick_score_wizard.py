from odoo import api, fields, models

from ..tools.predicate import RATING_SELECTION


class AsnKinerjaQuickScoreWizard(models.TransientModel):
    """One SKP scored from its card (docs/rules.md §26): the two ratings and the appraiser's reason are written
    on the SKP and its Score step runs, in one call: a refusal (not the appraiser, not self-assessed, a rating
    Below Expectations without its reason) leaves the SKP as it was."""

    _name = "asn.kinerja.quick.score.wizard"
    _description = "Score One SKP"

    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", required=True, readonly=True, ondelete="cascade")
    # a unit head's work result rating is the unit's (docs/rules.md §5): it is not asked
    result_from_unit = fields.Boolean(compute="_compute_result_from_unit")
    result_rating = fields.Selection(RATING_SELECTION, "Work Result Rating")
    behavior_rating = fields.Selection(RATING_SELECTION, "Work Behaviour Rating", required=True)
    appraiser_feedback = fields.Text("Reason and Recommendation")

    @api.model
    def default_get(self, fields_list):
        vals = super().default_get(fields_list)
        skp = self.env["asn.kinerja.appraisal"].browse(vals.get("appraisal_id")).exists()
        if skp and skp.has_access("read"):
            vals.setdefault("result_rating", skp.result_rating or "as_expected")
            vals.setdefault("behavior_rating", skp.behavior_rating or "as_expected")
            vals.setdefault("appraiser_feedback", skp.appraiser_feedback)
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

    def action_confirm(self):
        self.ensure_one()
        skp = self.appraisal_id
        vals = {"behavior_rating": self.behavior_rating, "appraiser_feedback": self.appraiser_feedback}
        if not skp.leader_unit_rating_id:
            vals["result_rating"] = self.result_rating
        # the ratings stay unwritten when the step refuses, from a test or a script too
        with self.env.cr.savepoint():
            skp.write(vals)
            return skp.action_score()

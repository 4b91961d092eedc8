from odoo import fields, models

from ..models.asn_kinerja_appraisal import RATINGS


class AsnKinerjaBulkScoreWizard(models.TransientModel):
    """The two ratings given to every selected SKP (docs/rules.md §24); each SKP is still checked on its own."""

    _name = "asn.kinerja.bulk.score.wizard"
    _description = "Score Several SKPs"

    # ids, not a relation: the wizard keeps no link that would let its user read SKPs they may not
    appraisal_ids = fields.Json("SKPs", required=True)
    appraisal_count = fields.Integer("Selected", compute="_compute_appraisal_count")
    result_rating = fields.Selection(RATINGS, "Work Result Rating", required=True)
    behavior_rating = fields.Selection(RATINGS, "Work Behaviour Rating", required=True)

    def _compute_appraisal_count(self):
        for wizard in self:
            wizard.appraisal_count = len(wizard.appraisal_ids or [])

    def action_confirm(self):
        self.ensure_one()
        skps = self.env["asn.kinerja.appraisal"].browse(self.appraisal_ids or [])
        return skps.action_bulk_score(self.result_rating, self.behavior_rating)

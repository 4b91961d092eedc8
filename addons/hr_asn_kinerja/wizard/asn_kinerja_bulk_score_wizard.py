from odoo import fields, models

from ..tools.predicate import RATING_SELECTION


class AsnKinerjaBulkScoreWizard(models.TransientModel):
    """The two ratings given to every selected SKP (docs/rules.md §26); each SKP is still checked on its own."""

    _name = "asn.kinerja.bulk.score.wizard"
    _description = "Score Several SKPs"

    # ids, not a relation: the wizard keeps no link that would let its user read SKPs they may not
    appraisal_ids = fields.Json("SKPs", required=True)
    # shown in the dialog: the selection it was opened on (the Json ids are not in the form)
    appraisal_count = fields.Integer(
        "Selected", readonly=True, default=lambda self: len(self.env.context.get("default_appraisal_ids") or [])
    )
    result_rating = fields.Selection(RATING_SELECTION, "Work Result Rating", required=True)
    behavior_rating = fields.Selection(RATING_SELECTION, "Work Behaviour Rating", required=True)

    def action_confirm(self):
        self.ensure_one()
        skps = self.env["asn.kinerja.appraisal"].browse(self.appraisal_ids or [])
        return skps.action_bulk_score(self.result_rating, self.behavior_rating)

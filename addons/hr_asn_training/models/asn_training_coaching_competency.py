from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .asn_training_coaching import EDIT_RULES

# the appraiser evaluates while the coaching is a draft or has its feedback
EVALUATING = EDIT_RULES["competency_ids"]


class AsnTrainingCoachingCompetency(models.Model):
    """One competency the appraiser scores (1-5) with a reason, in form B.1.9."""

    _name = "asn.training.coaching.competency"
    _description = "Coaching Competency Evaluation (B.1.9)"
    _inherit = ["asn.kinerja.row.mixin"]
    _order = "coaching_id, sequence, id"

    _row_parent = "coaching_id"
    _edit_rules = dict.fromkeys(("sequence", "name", "score", "reason"), EVALUATING)
    _create_rule = EVALUATING

    coaching_id = fields.Many2one("asn.training.coaching", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="coaching_id.company_id", store=True, precompute=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char("Competency", required=True)
    score = fields.Integer("Score (1-5)")
    reason = fields.Text()

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if line.score and not 1 <= line.score <= 5:
                raise ValidationError(self.env._("A competency score is a whole number from 1 to 5."))

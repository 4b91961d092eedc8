from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AsnTrainingCoachingCompetency(models.Model):
    """One competency the appraiser scores (1-5) with a reason, in form B.1.9."""

    _name = "asn.training.coaching.competency"
    _description = "Coaching Competency Evaluation (B.1.9)"
    _order = "coaching_id, sequence, id"

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

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            coachings = self.env["asn.training.coaching"].browse({vals.get("coaching_id") for vals in vals_list})
            coachings._check_rows("competency_ids")
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self.coaching_id._check_rows("competency_ids")
            if "coaching_id" in vals:
                self.env["asn.training.coaching"].browse(vals["coaching_id"])._check_rows("competency_ids")
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.coaching_id._check_rows("competency_ids")
        return super().unlink()

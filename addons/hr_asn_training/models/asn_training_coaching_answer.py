from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .asn_training_coaching import EDIT_RULES
from .asn_training_coaching_statement import STATEMENT_GROUPS


class AsnTrainingCoachingAnswer(models.Model):
    """The employee's rating (1-5) of one B.1.8 statement; the text (in every language) is kept as it was
    asked, so editing the configured statements later does not rewrite recorded coaching."""

    _name = "asn.training.coaching.answer"
    _description = "Coaching Feedback Answer (B.1.8)"
    _inherit = ["asn.kinerja.row.mixin"]
    _order = "coaching_id, sequence, id"

    # the statements come from the configuration with the coaching: nobody adds or removes one
    _row_parent = "coaching_id"
    _edit_rules = {"score": EDIT_RULES["answer_ids"]}

    coaching_id = fields.Many2one("asn.training.coaching", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="coaching_id.company_id", store=True, precompute=True, index=True)
    statement_id = fields.Many2one("asn.training.coaching.statement", "Configured Statement", ondelete="set null")
    sequence = fields.Integer()
    group = fields.Selection(STATEMENT_GROUPS, readonly=True)
    name = fields.Text("Statement", readonly=True, translate=True)
    score = fields.Integer("Score (1-5)")
    state = fields.Selection(related="coaching_id.state")

    @api.constrains("score")
    def _check_score(self):
        for answer in self:
            if answer.score and not 1 <= answer.score <= 5:
                raise ValidationError(self.env._("A feedback score is a whole number from 1 to 5."))

    def _copy_statement_text(self):
        """Copy each statement's text in every installed language (sudo: the lines are configuration)."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        for answer in self.sudo().filtered("statement_id"):
            statement = answer.statement_id
            answer.update_field_translations("name", {lang: statement.with_context(lang=lang).name for lang in langs})

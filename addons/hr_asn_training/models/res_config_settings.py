from odoo import api, fields, models

from odoo.addons.hr_asn_kinerja.tools.predicate import PREDICATES


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    training_trigger_very_good = fields.Boolean("Very Good", compute="_compute_training_triggers", readonly=False)
    training_trigger_good = fields.Boolean("Good", compute="_compute_training_triggers", readonly=False)
    training_trigger_needs_improvement = fields.Boolean(
        "Needs Improvement", compute="_compute_training_triggers", readonly=False
    )
    training_trigger_poor = fields.Boolean("Poor / Misconduct", compute="_compute_training_triggers", readonly=False)
    training_trigger_very_poor = fields.Boolean("Very Poor", compute="_compute_training_triggers", readonly=False)
    training_jp_target = fields.Float(related="company_id.training_jp_target", readonly=False)
    training_jp_target_pns = fields.Float(related="company_id.training_jp_target_pns", readonly=False)
    training_jp_target_pppk = fields.Float(related="company_id.training_jp_target_pppk", readonly=False)
    training_coaching_course_id = fields.Many2one(related="company_id.training_coaching_course_id", readonly=False)
    training_auto_request = fields.Boolean(related="company_id.training_auto_request", readonly=False)
    training_include_periodic = fields.Boolean(related="company_id.training_include_periodic", readonly=False)
    training_require_certificate = fields.Boolean(related="company_id.training_require_certificate", readonly=False)
    training_officer_id = fields.Many2one(related="company_id.training_officer_id", readonly=False)

    @api.depends("company_id")
    def _compute_training_triggers(self):
        for settings in self:
            keys = settings.company_id._training_trigger_set()
            for key in PREDICATES:
                settings[f"training_trigger_{key}"] = key in keys

    def set_values(self):
        result = super().set_values()
        keys = [key for key in PREDICATES if self[f"training_trigger_{key}"]]
        if ",".join(keys) != self.company_id.training_trigger_predicates:
            self.company_id.training_trigger_predicates = ",".join(keys)
        return result

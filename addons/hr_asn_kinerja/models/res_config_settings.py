from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kinerja_sign_place = fields.Char(related="company_id.kinerja_sign_place", readonly=False)
    kinerja_reminder_days = fields.Integer(related="company_id.kinerja_reminder_days", readonly=False)

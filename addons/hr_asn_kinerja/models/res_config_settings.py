from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kinerja_sign_place = fields.Char(related="company_id.kinerja_sign_place", readonly=False)

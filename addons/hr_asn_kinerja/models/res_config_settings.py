from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kinerja_sign_place = fields.Char(related="company_id.kinerja_sign_place", readonly=False)
    kinerja_hide_odoo_extras = fields.Boolean(related="company_id.kinerja_hide_odoo_extras", readonly=False)
    kinerja_reminder_days = fields.Integer(related="company_id.kinerja_reminder_days", readonly=False)
    kinerja_peer_input = fields.Boolean(related="company_id.kinerja_peer_input", readonly=False)
    kinerja_objection_days = fields.Integer(related="company_id.kinerja_objection_days", readonly=False)

from odoo import fields, models


class AsnKinerjaBehavior(models.Model):
    _name = "asn.kinerja.behavior"
    _description = "BerAKHLAK Core Value"
    _order = "sequence, id"

    name = fields.Char("Core Value", required=True)
    sequence = fields.Integer(default=10)
    guide = fields.Text("Behaviour Guides", help="One guide per line (Panduan Perilaku).")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, help="Empty: a national value every agency uses.")

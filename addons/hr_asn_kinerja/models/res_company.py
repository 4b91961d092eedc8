from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    kinerja_sign_place = fields.Char(
        "Signature Place", help="Place printed above the signatures of SKP documents, e.g. Muara Bungo."
    )

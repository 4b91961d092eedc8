from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    kinerja_sign_place = fields.Char(
        "Signature Place", help="Place printed above the signatures of SKP documents, e.g. Muara Bungo."
    )
    kinerja_hide_odoo_extras = fields.Boolean(
        "Hide Odoo Extras",
        help="For everyone but administrators: no OdooBot onboarding chat, no Apps menu, no Odoo.com account "
        "or shortcuts in the user menu, and Help opens the Kinerja ASN guide.",
    )

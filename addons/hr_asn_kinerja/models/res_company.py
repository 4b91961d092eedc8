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
    kinerja_peer_input = fields.Boolean(
        "360 Input on Behaviour",
        help="The appraiser may ask peers and direct subordinates of an employee for input on the seven "
        "BerAKHLAK values (PP 30/2019). The employee reads a summary per value, never who said what.",
    )

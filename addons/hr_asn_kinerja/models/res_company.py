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
    kinerja_reminder_days = fields.Integer(
        "Reminder Days Before a Deadline",
        default=7,
        help="The daily run gives whoever must act on an SKP an activity this many days before the period's "
        "deadline (docs/rules.md §14).",
    )
    kinerja_objection_days = fields.Integer(
        "Days to Object",
        default=14,
        help="An employee may object to a final result within this many calendar days (PP 30/2019: 14; "
        "docs/rules.md §13).",
    )
    kinerja_late_summary_date = fields.Date(
        "Last Summary of Late SKPs", readonly=True, copy=False, help="HR officers get one summary a day."
    )

    _kinerja_reminder_days_positive = models.Constraint(
        "CHECK(kinerja_reminder_days >= 0)", "The reminder days cannot be negative."
    )
    kinerja_peer_input = fields.Boolean(
        "360 Input on Behaviour",
        help="The appraiser may ask peers and direct subordinates of an employee for input on the seven "
        "BerAKHLAK values (PP 30/2019). The employee reads a summary per value, never who said what.",
    )
    _kinerja_objection_days_positive = models.Constraint(
        "CHECK(kinerja_objection_days > 0)", "The days to object must be at least one."
    )

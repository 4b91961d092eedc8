from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    # shown on the user's own profile; deliberately not self-writeable
    nip = fields.Char(related="employee_id.nip", string="NIP")

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["nip"]

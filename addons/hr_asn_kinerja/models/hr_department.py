from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    # SIASN's unit reference (docs/rules.md §23): what a second import matches the unit by
    siasn_unor_id = fields.Char("SIASN Unit Id", copy=False, index="btree_not_null", groups="hr.group_hr_user")
    # the head as SIASN names it (PemimpinPnsId): kept so that people imported later find their head
    siasn_head_pns_id = fields.Char("SIASN Id of the Head", copy=False, groups="hr.group_hr_user")

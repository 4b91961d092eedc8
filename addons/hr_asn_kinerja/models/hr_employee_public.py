from odoo import api, fields, models

from .hr_employee import ASN_TYPES, PNS_RANKS, POSITION_TYPES, PPPK_RANKS
from .hr_employee_status import ASN_STATUSES


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    # plain columns of the SQL view (see hr.employee.public._get_fields), readable by every employee
    nip = fields.Char("NIP", readonly=True)
    asn_type = fields.Selection(ASN_TYPES, "ASN Type", readonly=True)
    asn_rank = fields.Selection(PNS_RANKS + PPPK_RANKS, "Rank (Pangkat/Golongan)", readonly=True)
    asn_position_type = fields.Selection(POSITION_TYPES, "Position Type", readonly=True)
    appraiser_id = fields.Many2one("hr.employee.public", "Appraiser (Pejabat Penilai)", readonly=True)
    nip_appointment_month = fields.Date("Appointment Month (TMT, from NIP)", readonly=True)
    # the NIP is printed on every official form, so what it encodes is public too (docs/rules.md §9)
    nip_birth_date = fields.Date("Birth Date (from NIP)", readonly=True)
    nip_sex = fields.Selection([("male", "Male"), ("female", "Female")], "Sex (from NIP)", readonly=True)
    # the ASN status is public like the rest of the identity (docs/rules.md §24)
    asn_status = fields.Selection(ASN_STATUSES, "ASN Status", readonly=True)
    asn_status_date = fields.Date("Status Since", readonly=True)
    # not a column of the view: read-only identity on the employee form (see hr.employee)
    asn_identity_editable = fields.Boolean("May Edit ASN Identity", compute="_compute_asn_identity_editable")

    @api.depends_context("uid")
    def _compute_asn_identity_editable(self):
        self.asn_identity_editable = self.env["hr.employee"]._can_manage_asn_identity()

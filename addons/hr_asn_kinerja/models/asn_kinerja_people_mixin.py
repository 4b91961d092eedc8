from odoo import fields, models


class AsnKinerjaPeopleMixin(models.AbstractModel):
    """The employee and the appraiser as the official forms print them (Nama, NIP, Pangkat, Jabatan, Unit).

    The inheriting model completes the definitions of ``employee_id`` and ``appraiser_id``. Related
    fields read as superuser, so people without HR rights see what the form shows them.
    """

    _name = "asn.kinerja.people.mixin"
    _description = "Employee and Appraiser on a Performance Document"

    employee_id = fields.Many2one("hr.employee")
    appraiser_id = fields.Many2one("hr.employee", "Appraiser (Pejabat Penilai)")

    employee_nip = fields.Char(related="employee_id.nip", string="NIP")
    employee_rank = fields.Selection(related="employee_id.asn_rank")
    employee_job_title = fields.Char(related="employee_id.job_title", string="Position")
    employee_department_id = fields.Many2one(related="employee_id.department_id", string="Employee Unit")
    appraiser_nip = fields.Char(related="appraiser_id.nip", string="Appraiser NIP")
    appraiser_rank = fields.Selection(related="appraiser_id.asn_rank", string="Appraiser Rank")
    appraiser_job_title = fields.Char(related="appraiser_id.job_title", string="Appraiser Position")
    appraiser_department_id = fields.Many2one(related="appraiser_id.department_id", string="Appraiser Unit")

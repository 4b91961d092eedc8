from odoo import fields, models


class AsnKinerjaDuty(models.Model):
    _name = "asn.kinerja.duty"
    _description = "Job Duty (Tugas Pokok dan Fungsi)"
    _order = "job_id, sequence, id"

    job_id = fields.Many2one("hr.job", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Text("Duty", required=True)
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True)

from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    asn_duty_ids = fields.One2many("asn.kinerja.duty", "job_id", "Duties (Tupoksi)")
    asn_indicator_ids = fields.Many2many(
        "asn.kinerja.indicator",
        "asn_kinerja_indicator_job_rel",
        "job_id",
        "indicator_id",
        "Default Indicators",
        help="Prefilled as work results on every new SKP of this job.",
    )

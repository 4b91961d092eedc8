from odoo import api, fields, models

from .asn_training_competency import check_level


class AsnTrainingJobCompetency(models.Model):
    """The level of one competency a job requires (standar kompetensi jabatan, docs/rules.md §25)."""

    _name = "asn.training.job.competency"
    _description = "Competency Standard of a Job"
    _order = "job_id, competency_kind, competency_id"

    job_id = fields.Many2one("hr.job", "Job Position", required=True, index=True, ondelete="cascade")
    competency_id = fields.Many2one("asn.training.competency", required=True, index=True, ondelete="restrict")
    competency_kind = fields.Selection(related="competency_id.kind", store=True, string="Kind")
    level = fields.Integer("Required Level (1-5)", required=True, default=3)
    company_id = fields.Many2one(related="job_id.company_id", store=True, index=True)

    _job_competency_unique = models.Constraint(
        "UNIQUE(job_id, competency_id)", "A job names each competency once in its standard."
    )

    @api.constrains("level")
    def _check_level(self):
        check_level(self)


class HrJob(models.Model):
    _inherit = "hr.job"

    competency_standard_ids = fields.One2many(
        "asn.training.job.competency",
        "job_id",
        help="Competencies the job requires, with the level.",
    )

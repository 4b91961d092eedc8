from odoo import fields, models

STATEMENT_GROUPS = [
    ("employee", "About the Employee"),
    ("leader", "About the Leader or the Person Given a Special Assignment"),
    ("both", "About the Employee and the Leader"),
]


class AsnTrainingCoachingStatement(models.Model):
    """A statement of form B.1.8 (Umpan Balik Pelaksanaan Bimbingan Kinerja) the employee rates 1-5."""

    _name = "asn.training.coaching.statement"
    _description = "Coaching Feedback Statement (B.1.8)"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    group = fields.Selection(STATEMENT_GROUPS, required=True, default="employee")
    name = fields.Text("Statement", required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, help="Empty: the official statements every agency uses.")

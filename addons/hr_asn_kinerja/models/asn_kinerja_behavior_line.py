from odoo import fields, models

from ..tools.predicate import RATING_SELECTION
from .asn_edit_rules_mixin import rule
from .asn_kinerja_appraisal import PLANNING, RATING


class AsnKinerjaBehaviorLine(models.Model):
    _name = "asn.kinerja.behavior.line"
    _description = "SKP Work Behaviour (BerAKHLAK)"
    _inherit = ["asn.kinerja.appraisal.row.mixin"]
    _order = "appraisal_id, sequence, id"

    _edit_rules = {
        "expectation": rule(PLANNING, ("appraiser",)),
        "feedback": rule(RATING, ("appraiser",)),
        "rating": rule(RATING, ("appraiser",)),
    }
    _periodic_edit_rules = {"expectation": rule(("approved",), ("appraiser",))}
    # one row per core value, created with the SKP and never removed
    _create_rule = ((), ())

    behavior_id = fields.Many2one(
        "asn.kinerja.behavior", "Core Value", required=True, ondelete="restrict", check_company=True
    )
    sequence = fields.Integer(related="behavior_id.sequence", store=True, precompute=True)
    guide = fields.Text(related="behavior_id.guide")
    expectation = fields.Text("Leader's Specific Expectation", help="Ekspektasi Khusus Pimpinan.")
    feedback = fields.Text("Appraiser's Feedback", help="The appraiser's feedback on this value while rating.")
    rating = fields.Selection(RATING_SELECTION)
    state = fields.Selection(related="appraisal_id.state")

from odoo import fields, models


class AsnTrainingRequest(models.Model):
    """A training request made by a set competency needs plan (docs/rules.md §25)."""

    _inherit = "asn.training.request"  # pylint: disable=consider-merging-classes-inherited

    source = fields.Selection(
        selection_add=[("needs", "Competency Needs Plan (AKPK)")],
        ondelete={"needs": lambda requests: requests.write({"source": "officer"})},
    )
    needs_id = fields.Many2one(
        "asn.training.needs", "Competency Needs Plan", readonly=True, index="btree_not_null", ondelete="set null"
    )

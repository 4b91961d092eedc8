from odoo import models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    def _asn_references(self):
        """An employee in a talent box is archived, not deleted (docs/rules.md §22)."""
        return [*super()._asn_references(), ("asn.talent.box.line", "employee_id", _lt("talent box lines"))]

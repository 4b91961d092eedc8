from odoo import api, fields, models
from odoo.fields import Domain


class AsnKinerjaUnitScopeMixin(models.AbstractModel):
    """Rows of a unit (``department_id``) that the head of the unit may read: the unit they lead
    (``hr.department.manager_id``) and all its sub-units. Record rules use ``in_my_units``."""

    _name = "asn.kinerja.unit.scope.mixin"
    _description = "Rows Readable by the Head of Their Unit"

    department_id = fields.Many2one("hr.department", "Unit", readonly=True)
    in_my_units = fields.Boolean(compute="_compute_in_my_units", search="_search_in_my_units")

    @api.model
    def _my_units(self):
        """The units the current user leads (as superuser: a head may not read every department)."""
        return self.env["hr.department"].sudo().search([("manager_id.user_id", "=", self.env.uid)])

    @api.depends_context("uid")
    def _compute_in_my_units(self):
        units = self.env["hr.department"].sudo().search([("id", "child_of", self._my_units().ids)])
        for row in self:
            row.in_my_units = row.department_id in units

    def _search_in_my_units(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        units = self._my_units()
        mine = Domain("department_id", "child_of", units.ids) if units else Domain.FALSE
        return mine if (True in value) == (operator == "in") else ~mine

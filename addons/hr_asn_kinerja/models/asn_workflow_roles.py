"""Who holds which role on a workflow record: declared by ``_role_fields``, read in one query per batch."""

from odoo import api, fields, models
from odoo.fields import Domain


class AsnWorkflowRolesMixin(models.AbstractModel):
    """The roles of the caller on a record: every role of ``_role_fields`` (``{role: path of the
    hr.employee holding it}``, any role name, e.g. ``decider``), plus ``officer`` from the groups.
    ``_role_fallbacks`` (``{role: other role}``) gives a role whose person is missing to the holders
    of another one (e.g. without a superior, Pengelola Kinerja decides an objection)."""

    _name = "asn.workflow.roles.mixin"
    _inherit = ["asn.edit.rules.mixin"]
    _description = "Roles on a Workflow Record"

    # role -> path of the hr.employee holding it on the record ("officer" comes from the groups)
    _role_fields = {"employee": "employee_id"}
    # role -> role whose holders hold it when the record names nobody for it
    _role_fallbacks = {}

    is_own = fields.Boolean(compute="_compute_my_roles", search="_search_is_own")
    is_appraiser = fields.Boolean(compute="_compute_my_roles", search="_search_is_appraiser")
    is_superior = fields.Boolean(compute="_compute_my_roles", search="_search_is_superior")
    is_officer = fields.Boolean(compute="_compute_my_roles")

    def _get_roles(self):
        """The caller's roles on this record: those of ``_role_fields`` and officer."""
        self.ensure_one()
        self._fetch_role_users()
        return self._roles_fetched()

    def _fetch_role_users(self):
        """The users of all the people of these records in one query, and none when they are known already:
        rather than a full read of each employee, or one query per record in a list or a batch step."""
        records = self.sudo()
        ids = {employee.id for path in self._role_fields.values() for employee in records.mapped(path)}
        self.env["hr.employee"].sudo().browse(list(ids)).fetch(["user_id"])

    def _roles_fetched(self):
        """``_get_roles`` once ``_fetch_role_users`` has run."""
        record = self.sudo()
        people = {role: record.mapped(path) for role, path in self._role_fields.items()}
        roles = self._roles_towards(
            people.pop("employee", None), people.pop("appraiser", None), record.company_id, **people
        )
        for role, fallback in self._role_fallbacks.items():
            if fallback in roles and not people.get(role):
                roles.add(role)
        return roles

    @api.depends_context("uid")
    def _compute_my_roles(self):
        self._fetch_role_users()
        for record in self:
            roles = record._roles_fetched()
            record.is_own = "employee" in roles
            record.is_appraiser = "appraiser" in roles
            record.is_superior = "superior" in roles
            record.is_officer = "officer" in roles

    def _search_is_own(self, operator, value):
        return self._search_role("employee", operator, value)

    def _search_is_appraiser(self, operator, value):
        return self._search_role("appraiser", operator, value)

    def _search_is_superior(self, operator, value):
        return self._search_role("superior", operator, value)

    def _search_role(self, role, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        path = self._role_fields.get(role)
        mine = Domain(f"{path}.user_id", "=", self.env.uid) if path else Domain.FALSE
        return mine if (True in value) == (operator == "in") else ~mine

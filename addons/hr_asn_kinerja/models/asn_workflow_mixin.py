"""One workflow engine for every record with states: the SKP, the training request, the coaching.

A model declares three tables and gets the rest:

- ``_transitions``: ``{action: {from state: (to state, roles)}}``: who may take which step where;
- ``_transition_messages``: ``{action: _lt(...)}``: the chatter line each step leaves;
- ``_next_activities``: ``{state reached: (activity xmlid, person field)}``: who acts next.

``_transition`` checks state and role of every record, then the step's own condition, and only
then writes (as superuser, the one place a state changes), logs and hands the next activity over.
"""

from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from .asn_edit_rules_mixin import WORKFLOW_CONTEXT


class AsnWorkflowMixin(models.AbstractModel):
    _name = "asn.workflow.mixin"
    _inherit = ["mail.thread", "mail.activity.mixin", "asn.edit.rules.mixin"]
    _description = "Workflow of a Performance Record"

    _transitions = {}
    _transition_messages = {}
    _next_activities = {}
    # state reached -> date field stamped with today
    _state_dates = {}
    # steps that take a written reason, offered through the reason wizard
    _reason_actions = ()
    # role -> path of the hr.employee holding it on the record ("officer" comes from the groups)
    _role_fields = {"employee": "employee_id"}

    is_own = fields.Boolean(compute="_compute_my_roles", search="_search_is_own")
    is_appraiser = fields.Boolean(compute="_compute_my_roles", search="_search_is_appraiser")
    is_superior = fields.Boolean(compute="_compute_my_roles", search="_search_is_superior")
    is_officer = fields.Boolean(compute="_compute_my_roles")

    # ------------------------------------------------------------------
    # roles
    # ------------------------------------------------------------------
    def _get_roles(self):
        """The caller's roles on this record: employee, appraiser, superior, officer."""
        self.ensure_one()
        record = self.sudo()
        people = {role: record.mapped(path) for role, path in self._role_fields.items()}
        # the users of all the people at once, rather than a full read of each employee
        everyone = self.env["hr.employee"].sudo().browse({e.id for e in people.values() for e in e})
        everyone.with_context(active_test=False).search_fetch([("id", "in", everyone.ids)], ["user_id"])
        return self._roles_towards(
            people.get("employee"), people.get("appraiser"), record.company_id, superior=people.get("superior")
        )

    @api.depends_context("uid")
    def _compute_my_roles(self):
        for record in self:
            roles = record._get_roles()
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

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    def _transition(self, action, reason=None, vals=None, check=None):
        """Take the step ``action`` on every record, or on none.

        ``check(record)`` raises when the step's own condition fails; ``vals`` (a dict, or a
        callable giving one per record) is written with the new state.
        """
        moves = self._transitions[action]
        for record in self:
            if record.state not in moves:
                raise UserError(
                    self.env._(
                        "This step is not possible now: %(record)s is %(state)s.",
                        record=record._workflow_name(),
                        state=record._state_label(),
                    )
                )
            record._check_workflow_open()
            if not self.env.su and not record._get_roles() & set(moves[record.state][1]):
                raise AccessError(
                    self.env._("You are not allowed to do this on %(record)s.", record=record._workflow_name())
                )
        for record in self if check else ():
            check(record)
        states_before = {record.id: record.state for record in self}
        today = fields.Date.context_today(self)
        # the step's own chatter line says what changed: no separate tracking message
        workflow = self.sudo().with_context(**{WORKFLOW_CONTEXT: True, "tracking_disable": True})
        for record in workflow:
            new_state = moves[record.state][0]
            values = {"state": new_state, **((vals(record) if callable(vals) else vals) or {})}
            if date_field := self._state_dates.get(new_state):
                values[date_field] = today
            record.write(values)
        self._log_transition(action, reason, states_before)
        self._schedule_next_activity()
        return True

    def _check_workflow_open(self):
        """Raise when no step at all may be taken on this record now (e.g. its period is closed)."""

    def _workflow_name(self):
        return self.sudo().display_name

    def _check_reason(self, reason, message):
        if not (reason or "").strip():
            raise UserError(message)

    def _log_transition(self, action, reason=None, states_before=None):
        """One chatter line per record and step: the states, what happened, and the reason."""
        message = self._transition_messages.get(action)
        if not message:
            return
        labels = dict(self._fields["state"]._description_selection(self.env))
        text = self.env._(message)
        bodies = {}
        for record in self:
            before = (states_before or {}).get(record.id)
            body = Markup("<p>%s</p>") % text
            if before and before != record.state:
                body = Markup("<p><b>%s → %s</b>: %s</p>") % (labels[before], labels[record.state], text)
            if details := record._transition_details(action):
                body += Markup("<p>%s</p>") % details
            if reason:
                body += Markup("<p>%s %s</p>") % (self.env._("Reason:"), reason)
            bodies[record.id] = body
        self.sudo()._message_log_batch(bodies)

    def _transition_details(self, action):
        """A sentence this record adds to the chatter line of the step ``action`` (e.g. an enrolment)."""
        return ""

    # ------------------------------------------------------------------
    # activities
    # ------------------------------------------------------------------
    def _next_activity_steps(self):
        """[(activity xmlid, res.users)] of whoever acts next on this record."""
        self.ensure_one()
        steps = []
        for xmlid, path in self._activity_table_steps(self.state):
            person = self.sudo().mapped(path)
            if user := (person.user_id if person._name == "hr.employee" else person)[:1]:
                steps.append((xmlid, user))
        return steps

    @api.model
    def _activity_table_steps(self, state):
        """The ``_next_activities`` entry of ``state`` as a list: one step, or several at once."""
        steps = self._next_activities.get(state, [])
        return [steps] if isinstance(steps, tuple) else steps

    def _next_activity_deadline(self, activity_type):
        """Due date of the next activity: the delay of its type, from today."""
        return activity_type._get_date_deadline()

    @api.model
    def _workflow_activity_types(self):
        return {xmlid for state in self._next_activities for xmlid, _path in self._activity_table_steps(state)}

    def _schedule_next_activity(self):
        """Give each record exactly the workflow activities it needs now: keep those still due,
        remove the others, create the missing ones in one go. Returns the activities created."""
        Activity = self.env["mail.activity"].sudo()
        if not self:
            return Activity
        Data = self.env["ir.model.data"]
        types = {
            xmlid: Data._xmlid_to_res_id(xmlid, raise_if_not_found=False) for xmlid in self._workflow_activity_types()
        }
        type_records = self.env["mail.activity.type"].sudo().browse(filter(None, types.values()))
        existing = Activity.search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("activity_type_id", "in", type_records.ids)]
        )
        by_key = defaultdict(lambda: Activity)
        for activity in existing:
            by_key[activity.res_id, activity.activity_type_id.id, activity.user_id.id] |= activity
        keep, to_create = Activity, []
        model_id = self.env["ir.model"]._get_id(self._name)
        for record in self:
            for xmlid, user in record._next_activity_steps():
                activity_type = type_records.browse(types.get(xmlid))
                key = (record.id, activity_type.id, user.id)
                if key in by_key:
                    keep |= by_key[key]
                elif activity_type:
                    to_create.append(
                        {
                            "res_model_id": model_id,
                            "res_id": record.id,
                            "activity_type_id": activity_type.id,
                            "summary": activity_type.summary,
                            "note": activity_type.default_note,
                            "user_id": user.id,
                            "automated": True,
                            "date_deadline": record._next_activity_deadline(activity_type),
                        }
                    )
        (existing - keep).unlink()
        if not to_create:
            return Activity
        # the activity itself is the notice (systray, daily reminders): no "assigned to you" mail
        return Activity.with_context(mail_activity_quick_update=True).create(to_create)

    # ------------------------------------------------------------------
    # the reason asked by some steps
    # ------------------------------------------------------------------
    def _reason_wizard(self, action, title):
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "asn.kinerja.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_ids": self.ids, "default_action": action},
        }

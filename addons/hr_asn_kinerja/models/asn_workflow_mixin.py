"""One workflow engine for every record with states: the SKP, the training request, the coaching.

A model declares three tables and gets the rest:

- ``_transitions``: ``{action: {from state: (to state, roles)}}``: who may take which step where;
- ``_transition_messages``: ``{action: _lt(...)}``: the chatter line each step leaves;
- ``_next_activities``: ``{state reached: (activity xmlid, person field)}``: who acts next;
- ``_next_step_phrases``: ``{activity xmlid: (_lt(for the reader), _lt(for someone else))}``: how the
  "next step" line names that activity.

``_transition`` checks state and role of every record, then the step's own condition, and only
then writes (as superuser, the one place a state changes), logs and hands the next activity over.

Texts are written for the person who reads them (docs/rules.md §20): the chatter line in the
document's language (its employee's, else the company's), the activity in its assignee's.
"""

from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import SQL
from odoo.tools.misc import format_date
from odoo.tools.translate import LazyTranslate

from ..tools.words import one_stop
from .asn_edit_rules_mixin import WORKFLOW_CONTEXT

_lt = LazyTranslate(__name__)


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
    # activity xmlid -> (_lt(phrase for its assignee), _lt(phrase for the others, with %(person)s))
    _next_step_phrases = {}

    next_step = fields.Char(
        compute="_compute_next_step", help="Who acts next, what and by when, as the reader sees it."
    )
    is_my_turn = fields.Boolean(compute="_compute_next_step", help="The next step is the reader's.")
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
        return self._roles_towards(
            people.get("employee"), people.get("appraiser"), record.company_id, superior=people.get("superior")
        )

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

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    def _transition(self, action, reason=None, vals=None, check=None):
        """Take the step ``action`` on every record, or on none.

        ``check(record)`` raises when the step's own condition fails; ``vals`` (a dict, or a
        callable giving one per record) is written with the new state.
        """
        moves = self._transitions[action]
        if not self.env.su:
            self.check_access("read")  # who may not read a record learns nothing of it, not even its state
        self._lock_for_step()
        self._fetch_role_users()
        for record in self:
            if record.state not in moves:
                raise UserError(
                    self.env._(
                        "This step is not possible now: %(record)s is %(state)s.",
                        record=record._workflow_name(),
                        state=record._state_label(),
                    )
                )
            record.sudo()._check_workflow_open()
            record.sudo()._check_step_open(action)
            if not self.env.su and not record._get_roles() & set(moves[record.state][1]):
                raise AccessError(
                    one_stop(
                        self.env._("You are not allowed to do this on %(record)s.", record=record._workflow_name())
                    )
                )
        # the step's own condition is about the record, whoever may read what of it: the roles are checked
        for record in self.sudo() if check else ():
            check(record)
        states_before = {record.id: record.state for record in self}
        today = fields.Date.context_today(self)
        # the step's own chatter line says what changed: no separate tracking message
        workflow = self.sudo().with_context(**{WORKFLOW_CONTEXT: True, "tracking_disable": True})
        for record in workflow:
            new_state = moves[record.state][0]
            values = {"state": new_state, **((vals(record) if callable(vals) else vals) or {})}
            # a step that keeps the state (e.g. acknowledging a result) keeps the date it was reached
            if new_state != record.state and (date_field := self._state_dates.get(new_state)):
                values[date_field] = today
            record.write(values)
        self._log_transition(action, reason, states_before)
        self._schedule_next_activity()
        result = self._transition_result(action)
        self._after_transition(action, states_before)
        return result

    def _after_transition(self, action, states_before):
        """Hook: what follows from the step ``action`` on other records, once it is taken
        (``states_before``: record id -> state before the step)."""

    def _lock_for_step(self):
        """Lock the records' rows before reading their state: of two people taking a step at once, the
        second waits for the first, and then Odoo's retry reads the new state and tells them the step's
        own message (rather than a clash of what both steps write, e.g. the same follower added twice)."""
        if ids := sorted(record_id for record_id in self.ids if isinstance(record_id, int)):
            # a row changed by a transaction committed since ours began: serialization failure, retried
            self.env.cr.execute(
                SQL(
                    "SELECT 1 FROM %s WHERE id IN %s ORDER BY id FOR NO KEY UPDATE",
                    SQL.identifier(self._table),
                    tuple(ids),
                )
            )

    def _transition_result(self, action):
        """What a step returns: ``True`` to code and RPC callers; to a user who pressed the step's
        button, a short confirmation saying what comes next (the view reloads behind it)."""
        if not (request and "/web/dataset/call_button" in request.httprequest.path):
            return True
        self.invalidate_recordset(["next_step", "is_my_turn"])
        message = self._transition_messages.get(action)
        title = self.env._(message) if message else ""
        next_step = self.next_step if len(self) == 1 else ""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title if next_step else "",
                "message": next_step or title,
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _check_workflow_open(self):
        """Raise when no step at all may be taken on this record now (e.g. its period is closed)."""

    def _check_step_open(self, action):
        """Raise when the step ``action`` may not be taken on this record now (e.g. a Penetapan froze it)."""

    def _workflow_name(self):
        return self.sudo().display_name

    def _check_reason(self, reason, message):
        if not (reason or "").strip():
            raise UserError(message)

    def _log_transition(self, action, reason=None, states_before=None):
        """One chatter line per record and step: the states, what happened, and the reason, in the
        language of the document's people (``_document_lang``), whoever takes the step."""
        message = self._transition_messages.get(action)
        if not message:
            return
        bodies = {}
        for lang, group in self._group_by_document_lang().items():
            records = group.with_context(lang=lang)
            labels = dict(self._fields["state"]._description_selection(records.env))
            text = records.env._(message)
            for record in records:
                before = (states_before or {}).get(record.id)
                body = Markup("<p>%s</p>") % text
                if before and before != record.state:
                    body = Markup("<p><b>%s → %s</b>: %s</p>") % (labels[before], labels[record.state], text)
                if details := record._transition_details(action):
                    body += Markup("<p>%s</p>") % details
                if reason:
                    body += Markup("<p>%s %s</p>") % (records.env._("Reason:"), reason)
                bodies[record.id] = body
        self.sudo()._message_log_batch(bodies)

    # ------------------------------------------------------------------
    # languages
    # ------------------------------------------------------------------
    def _document_lang(self):
        """The language the chatter of this record is written in: that of its employee (their user,
        else their work contact), else the company's, else the caller's."""
        self.ensure_one()
        record = self.sudo()
        path = self._role_fields.get("employee")
        employee = record.mapped(path)[:1] if path else self.env["hr.employee"]
        return (
            employee.user_id.lang
            or employee.work_contact_id.lang
            or record.company_id.partner_id.lang
            or self.env.lang
            or "en_US"
        )

    def _group_by_document_lang(self):
        groups = defaultdict(self.browse)
        for record in self:
            groups[record._document_lang()] |= record
        return groups

    def _creation_message(self):
        return super(AsnWorkflowMixin, self.with_context(lang=self._document_lang()))._creation_message()

    def _transition_details(self, action):
        """A sentence this record adds to the chatter line of the step ``action`` (e.g. an enrolment)."""
        return ""

    # ------------------------------------------------------------------
    # the "next step" line
    # ------------------------------------------------------------------
    @api.depends_context("uid", "lang")
    def _compute_next_step(self):
        me = self.env.user
        entries = {record: record._next_step_entries() for record in self}
        deadlines = self._next_step_deadlines()
        for record in self:
            lines = []
            # the reader's own step first
            for xmlid, user in sorted(entries[record], key=lambda entry: entry[1] != me):
                type_id = self.env["ir.model.data"]._xmlid_to_res_id(xmlid, raise_if_not_found=False)
                deadline = deadlines.get((record.id, type_id, user.id))
                lines.append(record._next_step_text(xmlid, user, user == me, deadline))
            if not lines:
                lines = [line] if (line := record._next_step_idle()) else []
            record.next_step = "; ".join(lines) or False
            record.is_my_turn = any(user == me for _xmlid, user in entries[record])

    def _next_step_entries(self):
        """[(activity xmlid, res.users)] the "next step" line names: the workflow's next activities."""
        return self._next_activity_steps()

    def _next_step_deadlines(self):
        """{(record id, activity type id, user id): due date} of the open activities of these records."""
        ids = [record_id for record_id in self.ids if isinstance(record_id, int)]
        if not ids:
            return {}
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search_fetch(
                [("res_model", "=", self._name), ("res_id", "in", ids)],
                ["res_id", "activity_type_id", "user_id", "date_deadline"],
            )
        )
        return {(a.res_id, a.activity_type_id.id, a.user_id.id): a.date_deadline for a in activities}

    def _next_step_text(self, xmlid, user, is_reader, deadline):
        """One step, in the reader's words: "Waiting for your approval, by 12/02/2026"."""
        phrases = self._next_step_phrases.get(xmlid)
        if phrases and is_reader:
            text = self.env._(phrases[0])
        elif phrases:
            # a lazy text takes no arguments: translate it, then name the person
            text = self.env._(phrases[1]).replace("%(person)s", user.name)
        else:
            activity_type = self.env.ref(xmlid, raise_if_not_found=False)
            step = activity_type.sudo().name if activity_type else ""
            if is_reader:
                text = self.env._("Your turn: %(step)s", step=step)
            else:
                text = self.env._("Waiting for %(person)s: %(step)s", person=user.name, step=step)
        if deadline and (late := (fields.Date.context_today(self) - deadline).days) > 0:
            # late only when the date has passed, counted from this step's own due date
            return self.env._(
                "%(step)s: %(days)s days late (due %(date)s)",
                step=text,
                days=late,
                date=format_date(self.env, deadline),
            )
        if deadline:
            text = self.env._("%(step)s, by %(date)s", step=text, date=format_date(self.env, deadline))
        return text

    def _next_step_idle(self):
        """The line of a record on which nobody has a step to take (e.g. a finished one)."""
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
                    # the activity speaks the language of the person who does it
                    words = activity_type.with_context(lang=user.lang or self.env.lang)
                    to_create.append(
                        {
                            "res_model_id": model_id,
                            "res_id": record.id,
                            "activity_type_id": activity_type.id,
                            "summary": words.summary or words.name,
                            "note": words.default_note,
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

    def _schedule_user_activity(self, xmlid, user, note, date_deadline=None):
        """Give ``user`` the activity ``xmlid`` on this record besides the workflow's (e.g. a coaching to hold,
        a result to acknowledge): titled in the user's language, ``note`` written by the caller in it; like
        the workflow's activities, the activity itself is the notice (no assignment mail)."""
        self.ensure_one()
        record = self.sudo().with_context(lang=user.lang or self.env.lang, mail_activity_quick_update=True)
        activity_type = record.env.ref(xmlid)
        return record.activity_schedule(
            xmlid,
            date_deadline=date_deadline,
            user_id=user.id,
            summary=activity_type.summary or activity_type.name,
            note=note,
        )

    # ------------------------------------------------------------------
    # telling one person
    # ------------------------------------------------------------------
    def _notify_user(self, user, subject, body, author=None):
        """Tell ``user`` about this record in their Odoo inbox and by e-mail, with a link to it. ``subject``
        and ``body`` are written by the caller in the reader's language; the e-mail layout follows it."""
        self.ensure_one()
        record = self.sudo().with_context(lang=user.lang or self.env.lang, asn_notify_inbox_and_email=True)
        message = record.message_notify(
            partner_ids=user.partner_id.ids,
            subject=subject,
            body=body,
            author_id=(author or self.env.user).partner_id.id,
            email_layout_xmlid="mail.mail_notification_layout",
        )
        # an e-mailed notification leaves the inbox empty: keep it there too
        message.sudo().notification_ids.filtered(lambda n: n.res_partner_id == user.partner_id).is_read = False
        return message

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals=msg_vals, **kwargs)
        if self.env.context.get("asn_notify_inbox_and_email"):
            for recipient in recipients:
                if recipient.get("notif") == "inbox":
                    recipient["notif"] = "email"
        return recipients

    # ------------------------------------------------------------------
    # the reason asked by some steps
    # ------------------------------------------------------------------
    def _reason_wizard(self, action, title):
        self.check_access("read")  # offered to those who see the record, nobody else
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": "asn.kinerja.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_res_model": self._name, "default_res_ids": self.ids, "default_action": action},
        }

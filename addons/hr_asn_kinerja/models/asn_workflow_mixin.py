"""One workflow engine for every record with states: the SKP, the training request, the coaching.

A model declares its tables and gets the rest:

- ``_transitions``: ``{action: {from state: (to state, roles)}}``: who may take which step where;
- ``_transition_messages``: ``{action: _lt(...)}``: the chatter line each step leaves;
- ``_role_fields`` (asn_workflow_roles.py): who holds which role;
- ``_next_activities`` (asn_workflow_activities.py): who acts next;
- ``_next_step_phrases`` (asn_workflow_next_step.py): how the "next step" line names that activity;
- ``_edit_rules``, ``_create_states``, ``_unlink_rule`` (asn_edit_rules_mixin.py): who changes what.

``_transition`` checks state and role of every record, then the step's own condition, and only
then writes (as superuser, the one place a state changes), logs and hands the next activity over.

Texts are written for the person who reads them (docs/rules.md §20): the chatter line in the
document's language (its employee's, else the company's), the activity in its assignee's.
"""

from collections import defaultdict

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.http import request
from odoo.tools import SQL

from ..tools.words import one_stop
from .asn_edit_rules_mixin import WORKFLOW_CONTEXT


class AsnWorkflowMixin(models.AbstractModel):
    _name = "asn.workflow.mixin"
    # the edit rules first: a refused change is refused before the chatter prepares its tracking
    _inherit = [
        "asn.workflow.roles.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "asn.workflow.activities.mixin",
        "asn.workflow.next.step.mixin",
    ]
    _description = "Workflow of a Performance Record"

    _transitions = {}
    _transition_messages = {}
    # state reached -> date field stamped with today
    _state_dates = {}
    # steps that take a written reason, offered through the reason wizard
    _reason_actions = ()

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
        # Odoo's notification puts its own full stop after a title: "Scored", not "Scored.."
        title = self.env._(message).rstrip(".") if message else ""
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

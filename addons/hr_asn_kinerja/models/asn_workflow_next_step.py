"""The "next step" line of a workflow record: who acts next, what and by when, in the reader's words."""

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools.misc import format_date


class AsnWorkflowNextStepMixin(models.AbstractModel):
    """``_next_step_phrases``: ``{activity xmlid: (_lt(for the reader), _lt(for someone else, with
    %(person)s))}``; the steps named are the workflow's next activities (``_next_step_entries``)."""

    _name = "asn.workflow.next.step.mixin"
    _description = "Next Step of a Workflow Record"

    # activity xmlid -> (_lt(phrase for its assignee), _lt(phrase for the others, with %(person)s))
    _next_step_phrases = {}

    next_step = fields.Char(
        compute="_compute_next_step", help="Who acts next, what and by when, as the reader sees it."
    )
    is_my_turn = fields.Boolean(
        compute="_compute_next_step", search="_search_is_my_turn", help="The next step is the reader's."
    )

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

    def _search_is_my_turn(self, operator, value):
        """The records whose state's step (``_next_activities``) is the reader's: the search twin of the
        workflow's table, read from the records' own rows (an SKP's plan is the employee's before any
        reminder gave them its activity)."""
        if operator not in ("in", "not in"):
            return NotImplemented
        mine = Domain.OR(
            Domain("state", "=", state)
            & self._is_me_domain(path)
            & (Domain(until, "=", False) if until else Domain.TRUE)
            for state in self._next_activities
            for _xmlid, path, until in self._activity_table_steps(state)
        )
        return mine if (True in value) == (operator == "in") else ~mine

    def _is_me_domain(self, path):
        """The reader is the person at ``path`` (an hr.employee, through their user, or a res.users)."""
        model = self
        for name in path.split("."):
            model = self.env[model._fields[name].comodel_name]
        return Domain(path if model._name == "res.users" else f"{path}.user_id", "=", self.env.uid)

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

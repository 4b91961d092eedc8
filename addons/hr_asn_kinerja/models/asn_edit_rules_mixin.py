"""Who may create, change and delete a record with a workflow, in which state: declared per model."""

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# fields the mail framework writes on its own
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message", "rating_")
# set by the workflow engine around the one write that changes a state (see asn.workflow.mixin)
WORKFLOW_CONTEXT = "asn_workflow_step"
# written by nobody but the workflow engine, whoever asks and however
WORKFLOW_ONLY_FIELDS = ("state", "predicate")


# how a role is named in a sentence ("Only ... can delete ..."); a role not listed is named by its key
ROLE_LABELS = {
    "employee": _lt("the employee"),
    "appraiser": _lt("the appraiser"),
    "superior": _lt("the appraiser's superior"),
    "decider": _lt("the one who decides"),
    "officer": _lt("Pengelola Kinerja"),
    "unit_head": _lt("the head of the unit"),
    "committee": _lt("the talent committee"),
}

# how a record's first state is said in "A new ... starts as ..."
FIRST_STATE_WORDS = {"draft": _lt("a draft")}


def or_list(env, names):
    """'a, b or c' in the reader's language."""
    if len(names) < 2:
        return "".join(names)
    return env._("%(some)s or %(last)s", some=", ".join(names[:-1]), last=names[-1])


def rule(states, roles):
    """An edit rule: the field may change in ``states`` by a user holding one of ``roles``."""
    return dict.fromkeys(states, tuple(roles))


class AsnEditRulesMixin(models.AbstractModel):
    """Field-level edit rules.

    ``_edit_rules`` maps a field to ``{state: roles}``. A field changes only while the record
    that decides (the record itself, or the parent of a row: ``_edit_subject``) is in one of
    those states, and only by a user holding one of the roles ``_get_roles`` gives on it.
    Fields without a rule change only through the workflow, which writes as superuser.

    Creating and deleting are declared too: ``_create_states`` (the states a caller may create a
    record in, the first one its default), ``_create_fields`` (the only fields a caller may fill
    in, ``None``: any) and ``_unlink_rule`` (``(states, roles)`` in which a caller deletes one,
    ``None``: no rule here). The superuser (the workflow, jobs, the demo) passes every guard.
    """

    _name = "asn.edit.rules.mixin"
    _description = "Edit Rules of a Workflow Record"

    _edit_rules = {}
    _create_states = ()
    _create_fields = None
    _unlink_rule = None

    # ------------------------------------------------------------------
    # the three guards
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_create_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_edit(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_rule(self):
        if self.env.su or self._unlink_rule is None:
            return
        states, roles = self._unlink_rule
        for record in self:
            if record.state not in states or not record._get_roles() & set(roles):
                raise UserError(
                    self.env._(
                        "Only %(roles)s can delete %(record)s, and only while it is %(states)s.",
                        roles=self._roles_label(roles),
                        record=record.sudo().display_name,
                        states=self._states_label(states),
                    )
                )

    @api.model
    def _check_create_vals(self, vals):
        """A caller creates a record in one of ``_create_states``, filling in ``_create_fields`` only."""
        if self._create_states and vals.get("state", self._create_states[0]) not in self._create_states:
            raise AccessError(
                self.env._(
                    "A new %(record)s starts as %(state)s.",
                    record=self._record_label(),
                    state=self.env._(FIRST_STATE_WORDS[first])
                    if (first := self._create_states[0]) in FIRST_STATE_WORDS
                    else self._states_label([first]).lower(),
                )
            )
        if self._create_fields is not None and (
            extra := sorted(name for name in set(vals) - set(self._create_fields) if vals[name])
        ):
            raise AccessError(
                self.env._(
                    "%(field)s of a new %(record)s is set later, not when it is created.",
                    field=self._fields[extra[0]]._description_string(self.env),
                    record=self._record_label(),
                )
            )

    @api.model
    def _record_label(self):
        return self.env["ir.model"]._get(self._name).name.lower()

    @api.model
    def _roles_label(self, roles):
        return or_list(self.env, [self.env._(ROLE_LABELS[role]) if role in ROLE_LABELS else role for role in roles])

    @api.model
    def _states_label(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        return or_list(self.env, [labels.get(state, state) for state in states])

    def _edit_subject(self):
        return self

    def _get_roles(self):
        """The caller's roles on this record, e.g. {'employee', 'appraiser', 'officer'}."""
        raise NotImplementedError

    @api.model
    def _roles_towards(self, employee, appraiser, company, superior=None, **others):
        """The caller's roles towards the people of a record: employee, appraiser, superior
        (the appraiser's own appraiser), any other role given by keyword (e.g. ``decider``), and
        officer (Pengelola Kinerja of the record's company)."""
        user = self.env.user
        people = {"employee": employee, "appraiser": appraiser, "superior": superior, **others}
        roles = {role for role, person in people.items() if person and person.sudo().user_id == user}
        if user.has_group("hr_asn_kinerja.group_kinerja_officer") and company in user.company_ids:
            roles.add("officer")
        return roles

    def _check_edit_open(self, field_names):
        """Raise when the record is locked for these fields whatever the rules say."""

    def _edit_rule_for(self, model, name):
        """``{state: roles}`` for the field ``name`` of ``model`` (this record or one of its rows),
        decided by this record; ``None`` when only the workflow sets it."""
        return model._edit_rules.get(name)

    def _state_label(self):
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _check_edit(self, field_names):
        if guarded := [name for name in WORKFLOW_ONLY_FIELDS if name in field_names and name in self._fields]:
            if not (self.env.su and self.env.context.get(WORKFLOW_CONTEXT)):
                raise AccessError(
                    self.env._(
                        "%(field)s changes only through the workflow buttons, never directly.",
                        field=self._fields[guarded[0]]._description_string(self.env),
                    )
                )
        if self.env.su:
            return
        names = [name for name in field_names if not name.startswith(MAIL_FIELD_PREFIXES)]
        if not names:
            return
        for subject in self._edit_subject():
            subject._check_edit_open(names)
            roles = subject._get_roles()
            for name in names:
                label = self._fields[name]._description_string(self.env)
                allowed_by_state = subject._edit_rule_for(self, name)
                if allowed_by_state is None:
                    raise AccessError(
                        self.env._(
                            "%(field)s of %(record)s is set by the workflow and cannot be changed directly.",
                            field=label,
                            record=subject.display_name,
                        )
                    )
                allowed = allowed_by_state.get(subject.state)
                if not allowed:
                    raise UserError(
                        self.env._(
                            "%(field)s cannot be changed while %(record)s is %(state)s.",
                            field=label,
                            record=subject.display_name,
                            state=subject._state_label(),
                        )
                    )
                if not roles & set(allowed):
                    raise AccessError(
                        self.env._(
                            "You may not change %(field)s of %(record)s.", field=label, record=subject.display_name
                        )
                    )

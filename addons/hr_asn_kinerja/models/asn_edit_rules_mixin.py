"""Who may change which field of a record with a workflow, in which state: one table per model."""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

# fields the mail framework writes on its own
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message", "rating_")
# set by the workflow engine around the one write that changes a state (see asn.workflow.mixin)
WORKFLOW_CONTEXT = "asn_workflow_step"
# written by nobody but the workflow engine, whoever asks and however
WORKFLOW_ONLY_FIELDS = ("state", "predicate")


def rule(states, roles):
    """An edit rule: the field may change in ``states`` by a user holding one of ``roles``."""
    return dict.fromkeys(states, tuple(roles))


class AsnEditRulesMixin(models.AbstractModel):
    """Field-level edit rules.

    ``_edit_rules`` maps a field to ``{state: roles}``. A field changes only while the record
    that decides (the record itself, or the parent of a row: ``_edit_subject``) is in one of
    those states, and only by a user holding one of the roles ``_get_roles`` gives on it.
    Fields without a rule change only through the workflow, which writes as superuser.
    """

    _name = "asn.edit.rules.mixin"
    _description = "Edit Rules of a Workflow Record"

    _edit_rules = {}

    def _edit_subject(self):
        return self

    def _get_roles(self):
        """The caller's roles on this record, e.g. {'employee', 'appraiser', 'officer'}."""
        raise NotImplementedError

    @api.model
    def _roles_towards(self, employee, appraiser, company, superior=None):
        """The caller's roles towards the people of a record: employee, appraiser, superior
        (the appraiser's own appraiser) and officer (Pengelola Kinerja of the record's company)."""
        user = self.env.user
        people = {"employee": employee, "appraiser": appraiser, "superior": superior}
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

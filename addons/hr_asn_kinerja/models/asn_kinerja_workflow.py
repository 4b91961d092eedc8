"""Who may do what to an SKP and its rows, in which state: the one table each model reads."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

OPEN_STATES = ("draft", "submitted", "approved", "self_assessed", "scored")
# fields the mail framework writes on its own
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message", "rating_")


class AsnKinerjaWorkflowMixin(models.AbstractModel):
    """Field-level edit rules for the SKP and its rows.

    ``_edit_rules`` maps a field to (states, roles): the field may change only while the
    SKP is in one of the states, and only by a user holding one of the roles on that SKP
    (employee, appraiser, superior, officer). Fields without a rule change only through
    code running as superuser. The Administrator bypasses the roles, never a done SKP.
    """

    _name = "asn.kinerja.workflow.mixin"
    _description = "SKP Edit Rules"

    _edit_rules = {}
    _create_rule = ((), ())  # (states, roles) for adding or removing rows

    is_editable_by_me = fields.Boolean(compute="_compute_is_editable_by_me")

    def _get_appraisal(self):
        raise NotImplementedError

    @api.depends_context("uid")
    def _compute_is_editable_by_me(self):
        for record in self:
            appraisal = record._get_appraisal()
            record.is_editable_by_me = bool(appraisal) and any(
                appraisal.state in states and (set(roles) & appraisal._get_roles())
                for states, roles in self._edit_rules.values()
            )

    def _check_edit(self, field_names, appraisals=None):
        if self.env.su:
            return
        is_admin = self.env.user.has_group("hr_asn_kinerja.group_kinerja_manager")
        names = [name for name in field_names if not name.startswith(MAIL_FIELD_PREFIXES)]
        for appraisal in appraisals if appraisals is not None else self.mapped(lambda r: r._get_appraisal()):
            if appraisal.period_id.state == "closed":
                raise UserError(
                    self.env._(
                        "The period %(period)s is closed: its SKPs cannot change.", period=appraisal.period_id.name
                    )
                )
            if appraisal.state == "done" and not (is_admin and set(names) <= {"state", "predicate"}):
                raise UserError(
                    self.env._(
                        "The SKP of %(employee)s is done and read-only; Pengelola Kinerja can reopen it.",
                        employee=appraisal.employee_id.name,
                    )
                )
            roles = appraisal._get_roles()
            for name in names:
                rule = self._edit_rules.get(name)
                if not rule:
                    if is_admin:
                        continue
                    raise AccessError(
                        self.env._(
                            "%(field)s of an SKP is set by the workflow and cannot be changed directly.",
                            field=self._fields[name]._description_string(self.env),
                        )
                    )
                states, allowed = rule
                if appraisal.state not in states:
                    raise UserError(
                        self.env._(
                            "%(field)s cannot be changed while the SKP of %(employee)s is %(state)s.",
                            field=self._fields[name]._description_string(self.env),
                            employee=appraisal.employee_id.name,
                            state=appraisal._state_label(),
                        )
                    )
                if not (roles & set(allowed)) and not is_admin:
                    raise AccessError(
                        self.env._(
                            "You may not change %(field)s on the SKP of %(employee)s.",
                            field=self._fields[name]._description_string(self.env),
                            employee=appraisal.employee_id.name,
                        )
                    )

    def _check_rows_change(self, appraisals):
        """Adding or removing rows of these SKPs follows ``_create_rule``."""
        if self.env.su:
            return
        self._check_edit([], appraisals)
        states, roles = self._create_rule
        is_admin = self.env.user.has_group("hr_asn_kinerja.group_kinerja_manager")
        for appraisal in appraisals:
            if appraisal.state not in states or not (is_admin or appraisal._get_roles() & set(roles)):
                raise UserError(
                    self.env._(
                        "%(rows)s of %(employee)s cannot be added or removed by you while the SKP is %(state)s.",
                        rows=self._description,
                        employee=appraisal.employee_id.name,
                        state=appraisal._state_label(),
                    )
                )


class AsnKinerjaRowMixin(models.AbstractModel):
    """Rows of an SKP (work results, behaviour): every change follows the SKP's rules."""

    _name = "asn.kinerja.row.mixin"
    _inherit = ["asn.kinerja.workflow.mixin"]
    _description = "SKP Row"

    appraisal_id = fields.Many2one("asn.kinerja.appraisal", "SKP", required=True, index=True, ondelete="cascade")

    def _get_appraisal(self):
        return self.appraisal_id

    @api.model_create_multi
    def create(self, vals_list):
        self._check_rows_change(
            self.env["asn.kinerja.appraisal"].browse({vals.get("appraisal_id") for vals in vals_list})
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_edit(vals)
        return super().write(vals)

    def unlink(self):
        self._check_rows_change(self.appraisal_id)
        return super().unlink()

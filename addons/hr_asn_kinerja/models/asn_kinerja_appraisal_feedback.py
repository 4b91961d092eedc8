"""The SKP's side of the continuous feedback thread (docs/rules.md §21): who writes in it, and until when.
The thread's messages are ``asn.kinerja.feedback``."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .asn_kinerja_feedback import CLOSED_STATES, POSTERS


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    feedback_ids = fields.One2many("asn.kinerja.feedback", "appraisal_id", "Feedback and Dialogue")
    feedback_count = fields.Integer(compute="_compute_feedback_count")

    @api.depends("feedback_ids")
    def _compute_feedback_count(self):
        for appraisal in self:
            appraisal.feedback_count = len(appraisal.feedback_ids)

    def _check_thread_open(self):
        """Raise when nobody may write in the thread of this SKP any more: final, cancelled, or frozen."""
        self.ensure_one()
        self._check_period_open()
        if self.state in CLOSED_STATES:
            raise UserError(
                self.env._(
                    "The SKP of %(employee)s is %(state)s: its feedback thread is closed.",
                    employee=self.sudo().employee_id.name,
                    state=self._state_label(),
                )
            )

    def _check_can_post(self, author):
        """The role in which ``author`` writes in the thread (employee, appraiser or superior), or raise."""
        self.ensure_one()
        roles = self.with_user(author)._get_roles()
        role = next((role for role in POSTERS if role in roles), None)
        if not role:
            raise AccessError(
                self.env._(
                    "Only %(employee)s, their appraiser and the appraiser's superior write in the feedback thread "
                    "of this SKP.",
                    employee=self.sudo().employee_id.name,
                )
            )
        self._check_thread_open()
        return role

"""Odoo's own invitation to the accounts made for everyone (hr.employee.action_create_users, docs/rules.md §23),
sent by queue_job jobs rather than in HR's request: the template renders its body once per recipient (about a
third of the accounts' time), so the accounts exist at once and the e-mails follow (docs/performance.md, "Jobs").

A new account with an e-mail is flagged ``kinerja_invitation_pending`` in its create; a job sends the invitation
of the flagged users of its batch and clears the flag in the same transaction, their rows locked first: a job run
twice, retried after a crash or run beside another one invites nobody twice."""

from odoo import api, fields, models
from odoo.tools import SQL, split_every

from ..tools.jobs import INVITATION_CHANNEL, PRIORITY, job_key

INVITATION_BATCH = 200  # invitations per job: about 20 ms each, a few seconds a job


class ResUsers(models.Model):
    _inherit = "res.users"  # pylint: disable=consider-merging-classes-inherited

    kinerja_invitation_pending = fields.Boolean(
        "Invitation Pending",
        copy=False,
        groups="base.group_system",
        help="An account made for an employee whose invitation e-mail a job is still to send.",
    )

    @api.model
    def _kinerja_enqueue_invitations(self, users):
        """One job per batch of ``INVITATION_BATCH`` of ``users`` (flagged pending at their create)."""
        for batch in split_every(INVITATION_BATCH, users.ids, self.sudo().browse):
            batch.with_delay(
                channel=INVITATION_CHANNEL,
                priority=PRIORITY,
                identity_key=job_key(0, "invitation", batch),
                description=self.env._("Invitations to %(count)s new accounts", count=len(batch)),
            )._job_send_invitations()

    def _job_send_invitations(self):
        """Job: Odoo's invitation (auth_signup's "set your password" e-mail with the signup link) to those of
        these users still pending, the flag cleared in the same transaction."""
        if not self:
            return "nothing"
        self.flush_model(["kinerja_invitation_pending"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_users WHERE id IN %s AND kinerja_invitation_pending FOR NO KEY UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        pending = self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
        pending.invalidate_recordset(["kinerja_invitation_pending"])
        pending.write({"kinerja_invitation_pending": False})
        invited = pending.filtered(lambda user: user.active and user.email)
        self._kinerja_invite(invited)
        return f"{len(invited)} invited"

    @api.model
    def _kinerja_invite(self, users):
        """Odoo's own invitation to ``users``, rendered in one batch (send_mail per user compiles and renders the
        template each time) and sent with the mail queue."""
        template = self.env.ref("auth_signup.set_password_email", raise_if_not_found=False)
        if not users or not template:
            return
        # the signup link the e-mail carries (normally made at the accounts' creation: then a no-op)
        users.partner_id.filtered(lambda partner: partner.signup_type != "signup").signup_prepare(signup_type="signup")
        mails = template.sudo().send_mail_batch(
            users.ids,
            email_values={
                "email_cc": False,
                "auto_delete": True,
                "message_type": "user_notification",
                "recipient_ids": [],
                "partner_ids": [],
                "scheduled_date": False,
            },
        )
        # to the address itself, as Odoo's own invitation does
        email_of = {user.id: user.email for user in users}
        for mail in mails:
            mail.email_to = email_of[mail.res_id]

from odoo import models


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"

    def _subscribe_users_automatically(self):
        """Accounts made in bulk (hr.employee.action_create_users): the new users join the channels of their
        groups and units as Odoo makes them join, without Odoo's bus notice to each new member's own sessions:
        an account just made has none, and the notice cost a third of the accounts' time (docs/performance.md,
        "Moving in from SIASN")."""
        if not self.env.context.get("kinerja_new_accounts"):
            return super()._subscribe_users_automatically()
        if not (new_members := self._subscribe_users_automatically_get_members()):
            return None
        # sudo: discuss.channel.member - adding member of other users based on channel auto-subscribe (as Odoo)
        self.env["discuss.channel.member"].sudo().create(
            [
                {"channel_id": channel_id, "partner_id": partner_id}
                for channel_id, partner_ids in new_members.items()
                for partner_id in partner_ids
            ]
        )
        return None

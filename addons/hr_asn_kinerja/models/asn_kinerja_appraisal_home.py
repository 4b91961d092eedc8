from odoo import api, models


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _home_action(self):
        """One landing per person, what waits for them first (issue 19): HR on the SKPs of the open periods;
        an appraiser (or an appraiser's superior) whose step an SKP of an open period waits for, on
        Subordinates filtered "Awaiting Me"; everyone else on their own SKP."""
        user = self.env.user
        if (
            not user.has_group("hr_asn_kinerja.group_kinerja_officer")
            and user.has_group("hr_asn_kinerja.group_kinerja_appraiser")
            and self.search_count(
                [("is_awaiting_me", "=", True), ("is_own", "=", False), ("period_id.state", "=", "open")], limit=1
            )
        ):
            return self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_appraisal_subordinates")
        return super()._home_action()

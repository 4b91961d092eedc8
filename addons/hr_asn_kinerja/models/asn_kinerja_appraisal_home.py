"""Where a Kinerja user lands after login: their current SKP, or the SKPs of the open periods."""

from odoo import api, models


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _home_action(self):
        """Where a Kinerja user lands after login (``action_kinerja_home``): HR officers on the SKPs of
        the open periods; everyone else on their current SKP (the latest open period's, annual first),
        else on My SKP."""
        Actions = self.env["ir.actions.act_window"]
        if self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            return Actions._for_xml_id("hr_asn_kinerja.action_appraisal_all")
        action = Actions._for_xml_id("hr_asn_kinerja.action_appraisal_mine")
        current = self.search(
            [("is_own", "=", True), ("period_id.state", "=", "open"), ("is_last_part", "=", True)],
            order="period_id desc",
        )
        current = current.sorted(lambda skp: skp.period_type != "annual")[:1]
        if current:
            action.update(res_id=current.id, view_mode="form", views=[(False, "form")])
        return action

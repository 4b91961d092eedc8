"""Where a Kinerja user lands after login: what waits for them first, else their current SKP."""

from odoo import api, models


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _home_action(self):
        """One landing per person (``action_kinerja_home``, docs/rules.md §26): HR officers on the SKPs of the
        open periods; an appraiser (or an appraiser's superior) whose step an SKP of an open period waits for,
        on Subordinates filtered "Awaiting Me"; everyone else on their current SKP (the latest open period's,
        annual first), else on My SKP."""
        Actions = self.env["ir.actions.act_window"]
        user = self.env.user
        if user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            return Actions._for_xml_id("hr_asn_kinerja.action_appraisal_all")
        if user.has_group("hr_asn_kinerja.group_kinerja_appraiser") and self.search_count(
            [("is_my_turn", "=", True), ("is_own", "=", False), ("period_id.state", "=", "open")], limit=1
        ):
            return Actions._for_xml_id("hr_asn_kinerja.action_appraisal_subordinates")
        action = Actions._for_xml_id("hr_asn_kinerja.action_appraisal_mine")
        current = self.search(
            [("is_own", "=", True), ("period_id.state", "=", "open"), ("is_last_part", "=", True)],
            order="period_id desc",
        )
        current = current.sorted(lambda skp: skp.period_type != "annual")[:1]
        if current:
            action.update(res_id=current.id, view_mode="form", views=[(False, "form")])
        return action

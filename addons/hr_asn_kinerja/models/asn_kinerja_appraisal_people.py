"""Open SKPs follow HR's changes of appraiser (docs/rules.md §3): the new appraiser and superior, the
change logged with its reason, the waiting activity moved to the new actor."""

from markupsafe import Markup

from odoo import api, models

from .asn_kinerja_appraisal import OPEN_STATES


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _follow_appraisers(self, employees):
        """Open SKPs follow HR's changes (docs/rules.md §3): those of ``employees`` take their new appraiser,
        those they appraise a recomputed superior; each change is logged and the waiting activity moves
        to the new actor. Finished SKPs keep the people who signed them."""
        reason = self.env.context.get("asn_appraiser_change_reason")
        skps = self.search(
            [
                ("state", "in", OPEN_STATES),
                # the scores an acting official (or the holder) signed stay theirs (docs/rules.md §24)
                ("id", "not in", self.env.context.get("asn_follow_keep_ids", [])),
                "|",
                # an earlier part of the period stays with the appraiser of its post (docs/rules.md §17)
                "&",
                ("employee_id", "in", employees.ids),
                ("is_last_part", "=", True),
                ("appraiser_id", "in", employees.ids),
            ]
        )
        moved = self.browse()
        for skp in skps.with_context(tracking_disable=True):
            mine = skp.employee_id in employees and skp.is_last_part
            appraiser = skp.employee_id.appraiser_id if mine else skp.appraiser_id
            superior = skp.employee_id._kinerja_superior(appraiser)
            old = (skp.appraiser_id, skp.appraiser_superior_id)
            if (appraiser, superior) == old:
                continue
            skp.write({"appraiser_id": appraiser.id, "appraiser_superior_id": superior.id})
            if appraiser != old[0]:
                # a cascaded result supports the new appraiser's results, not the former one's
                skp.line_ids.filtered("parent_line_id").write({"parent_line_id": False})
            skp._message_log(body=skp.with_context(lang=skp._document_lang())._people_change_message(old, reason))
            moved |= skp
        moved._schedule_next_activity()
        return moved

    def _people_change_message(self, old, reason):
        none = self.env._("nobody")
        body = Markup("<p>%s</p>") % self.env._(
            "Appraiser: %(old)s → %(new)s. Appraiser's superior: %(old_superior)s → %(new_superior)s.",
            old=old[0].name or none,
            new=self.appraiser_id.name or none,
            old_superior=old[1].name or none,
            new_superior=self.appraiser_superior_id.name or none,
        )
        if reason:
            body += Markup("<p>%s %s</p>") % (self.env._("Reason:"), reason)
        return body

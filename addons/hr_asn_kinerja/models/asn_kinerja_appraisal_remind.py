"""HR's "remind all late" (docs/rules.md §26): the late SKPs' next actors are reminded now, through the daily
run's reminder (``_schedule_reminders``: never twice for the same step), and HR reads what was done."""

from collections import Counter

from odoo import models
from odoo.exceptions import AccessError


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def action_remind_late(self):
        """Pengelola Kinerja: remind whoever holds up each of these SKPs that is late (of their companies)."""
        user = self.env.user
        if not user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja may send reminders."))
        self.check_access("read")
        late = self.sudo().filtered(
            lambda skp: skp.is_late and skp.period_id.state == "open" and skp.company_id in user.company_ids
        )
        created = late._remind_late()
        return late._remind_summary(created)

    def _remind_late(self):
        """Remind now, as the daily run does: the activities of the steps, and one e-mail per person."""
        created = self._schedule_reminders()
        self._send_reminders(created)
        return created

    def _remind_summary(self, created):
        reminded = self.browse(set(created.mapped("res_id")))
        labels = dict(self._fields["state"]._description_selection(self.env))
        per_step = Counter(labels[skp.state] for skp in reminded)
        lines = [
            self.env._(
                "%(late)s late SKPs: %(created)s reminders created, %(kept)s already had theirs.",
                late=len(self),
                created=len(created),
                kept=len(self - reminded),
            )
        ]
        lines += [f"• {step}: {count}" for step, count in sorted(per_step.items())]
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Reminders sent"),
                "message": "\n".join(lines),
                "type": "success" if self else "info",
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                "created_count": len(created),
                "kept_count": len(self - reminded),
            },
        }

"""A period closes only once no objection can be lost (PP 30/2019, docs/rules.md §13): every objection
decided, every time to object ended."""

from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date


class AsnKinerjaPeriod(models.Model):
    _inherit = "asn.kinerja.period"  # pylint: disable=consider-merging-classes-inherited

    def _check_no_objection_open(self):
        """A closed period takes no objection and no decision: it closes once every objection is decided and
        every time to object has ended, so that no employee loses the right PP 30/2019 gives (docs/rules.md §13).
        The message names who still may object and whose objection waits."""
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        today = fields.Date.context_today(self)
        for period in self:
            pending = (
                self.env["asn.kinerja.objection"]
                .sudo()
                .search([("appraisal_id.period_id", "=", period.id), ("state", "=", "submitted")])
                .appraisal_id
            )
            # a time to object may still run only for a result received within the last days to object
            since = today - timedelta(days=period.company_id.kinerja_objection_days)
            candidates = Appraisal.search(
                [
                    ("period_id", "=", period.id),
                    ("state", "=", "done"),
                    ("objection_ids", "=", False),
                    "|",
                    ("result_received_date", ">=", since),
                    ("date_done", ">=", since),
                ]
            )
            running = candidates.filtered(lambda skp: skp.objection_deadline and today <= skp.objection_deadline)
            if not (pending or running):
                continue
            parts = []
            if pending:
                parts.append(
                    self.env._(
                        "objections still to decide: %(names)s", names=self._names_of(pending, with_deadline=False)
                    )
                )
            if running:
                parts.append(self.env._("still within the time to object: %(names)s", names=self._names_of(running)))
            raise UserError(
                self.env._(
                    "The period %(period)s cannot close yet, or these objections would be lost (PP 30/2019): "
                    "%(details)s.",
                    period=period.name,
                    details="; ".join(parts),
                )
            )

    def _names_of(self, skps, with_deadline=True, limit=10):
        """'Name (until date), ...' of the employees of ``skps``, the first ``limit`` and how many more."""
        entries = [
            self.env._(
                "%(name)s (until %(date)s)",
                name=skp.employee_id.name,
                date=format_date(self.env, skp.objection_deadline),
            )
            if with_deadline
            else skp.employee_id.name
            for skp in skps.sorted(lambda skp: (skp.objection_deadline or skp.date_done, skp.employee_id.name or ""))
        ]
        if len(entries) > limit:
            entries = [*entries[:limit], self.env._("and %(count)s more", count=len(entries) - limit)]
        return ", ".join(entries)

"""A period opens: the SKP of every eligible employee who has none yet, in batches of one query each,
with its behaviour rows and, for a periodic SKP, the plan agreed on the annual SKP."""

from odoo import api, models
from odoo.tools import SQL, split_every

OPEN_BATCH_SIZE = 100  # SKPs created per batch when a period opens (the ORM inserts 100 rows a query)


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _create_for_period(self, period, employees=None):
        """Create the missing SKP of every eligible employee of the period (of ``employees`` only, when
        given: one unit's job), in batches of one query each; safe to re-run: what exists is not made again."""
        return self._create_skps(period, self._missing_employees(period, employees))

    def _missing_employees(self, period, employees=None):
        """The eligible employees of the period's agency (among ``employees`` when given) without its SKP."""
        domain = [
            ("company_id", "=", period.company_id.id),
            ("nip", "!=", False),
            ("asn_type", "!=", False),
            # active on the period's first day (docs/rules.md §24)
            "|",
            ("asn_status", "=", "active"),
            ("asn_status_date", ">", period.date_start),
        ]
        if employees is not None:
            domain.append(("id", "in", employees.ids))
        eligible = self.env["hr.employee"].search(domain)
        existing = self.search_fetch([("period_id", "=", period.id)], ["employee_id"]).employee_id
        return eligible - existing

    def _create_skps(self, period, employees):
        quiet = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True)
        appraisals = self.browse()
        for batch in split_every(OPEN_BATCH_SIZE, employees.ids):
            appraisals |= quiet.create([{"employee_id": employee_id, "period_id": period.id} for employee_id in batch])
        return appraisals

    def _create_behavior_lines(self, sources):
        """One row per active BerAKHLAK value, in a single query whatever the batch size; a periodic
        SKP takes the leader's expectations of its annual SKP (``sources``: annual SKP id or None, per SKP)."""
        self.env["asn.kinerja.behavior"].flush_model()
        self.env["asn.kinerja.behavior.line"].flush_model(["expectation"])
        self.env.cr.execute(
            SQL(
                """INSERT INTO asn_kinerja_behavior_line
                       (appraisal_id, behavior_id, sequence, expectation, company_id,
                        create_uid, create_date, write_uid, write_date)
                   SELECT appraisal.id, behavior.id, behavior.sequence, source.expectation, skp.company_id,
                          %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(ids)s, %(sources)s::integer[]) AS appraisal(id, source_id)
                     JOIN asn_kinerja_appraisal skp ON skp.id = appraisal.id
                    CROSS JOIN asn_kinerja_behavior behavior
                     LEFT JOIN asn_kinerja_behavior_line source
                            ON source.appraisal_id = appraisal.source_id AND source.behavior_id = behavior.id
                    WHERE behavior.active AND (behavior.company_id IS NULL OR behavior.company_id = skp.company_id)""",
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=self.ids,
                sources=sources,
            )
        )
        self.invalidate_recordset(["behavior_line_ids"])

    def _annual_appraisals(self, employees, periods):
        """The agreed annual SKP of each employee for the sub-periods being opened."""
        parents = periods.parent_id
        if not parents:
            return {}
        annual = self.sudo().search(
            [
                ("employee_id", "in", employees.ids),
                ("period_id", "in", parents.ids),
                ("state", "in", ("approved", "self_assessed", "scored", "done")),
                # of several posts in the year, the current one's plan (docs/rules.md §17)
                ("is_last_part", "=", True),
            ]
        )
        return {(a.employee_id.id, a.period_id.id): a for a in annual}

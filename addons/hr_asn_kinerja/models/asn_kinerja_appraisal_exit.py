"""An SKP in a living year (docs/rules.md §16, §24): closed at the day its employee leaves, and the quarterly
SKPs a part-time PPPK gets by default."""

from datetime import date, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools.misc import format_date

from ..tools.periods import period_label
from .hr_employee_status import MIN_MONTHS_SERVED, months_served

AGREED = ("approved", "self_assessed", "scored", "done")


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    # the post segment ends on the same day (date_end, docs/rules.md §17); exit_date says why it ended there
    exit_date = fields.Date(
        "Closed At (Exit)",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The last day the employee served before leaving (ASN status): the SKP is evaluated up to it.",
    )
    exit_months = fields.Integer(
        "Months Served", readonly=True, copy=False, help="Full months of the period served before leaving."
    )

    def _close_for_exit(self, status_date):
        """Close this SKP at the day before ``status_date``: evaluated for the months served, or cancelled
        with the reason when fewer than the minimum (docs/rules.md §24). Nothing when the period ended before."""
        self.ensure_one()
        period = self.period_id
        if period.date_end < status_date:
            return False
        employee = self.employee_id
        last_day = status_date - timedelta(days=1)
        served = months_served(self.date_start or period.date_start, last_day)
        skp = self.with_context(lang=self._document_lang())
        names = {
            "employee": employee.name,
            "status": dict(employee._fields["asn_status"]._description_selection(skp.env))[employee.asn_status],
            "date": format_date(skp.env, status_date),
            "months": served,
            "minimum": MIN_MONTHS_SERVED,
        }
        if served < MIN_MONTHS_SERVED:
            reason = skp.env._(
                "%(employee)s: %(status)s from %(date)s, after %(months)s full month(s) of the period, fewer than "
                "the %(minimum)s needed for an evaluation.",
                **names,
            )
            self.sudo().write({"exit_date": last_day, "exit_months": served})
            self.sudo()._transition("cancel", reason)
            return "cancel"
        self.sudo().write({"exit_date": last_day, "exit_months": served, "date_end": min(last_day, self.date_end)})
        self._message_log(
            body=Markup("<p>%s</p>")
            % skp.env._(
                "%(employee)s: %(status)s from %(date)s. The SKP is closed at that day and evaluated for the "
                "%(months)s full month(s) served; nobody is reminded of it any more.",
                **names,
            )
        )
        self._schedule_next_activity()
        return "closed"

    def _next_activity_steps(self):
        # nobody is reminded to plan or score for someone who has left (docs/rules.md §24)
        if self.exit_date:
            return []
        return super()._next_activity_steps()

    def _next_step_idle(self):
        if self.exit_date and self.state not in ("done", "cancel"):
            return self.env._(
                "Closed at %(date)s (the employee left): the appraiser evaluates the %(months)s month(s) served, "
                "Pengelola Kinerja follows up; no reminders.",
                date=format_date(self.env, self.exit_date),
                months=self.exit_months,
            )
        return super()._next_step_idle()

    # ------------------------------------------------------------------
    # part-time PPPK: quarterly SKPs by default (docs/rules.md §16)
    # ------------------------------------------------------------------
    @api.model
    def _open_part_time_quarters(self):
        """Every active part-time PPPK whose annual plan is agreed, in an open year, gets the SKPs of the
        year's four quarters (the quarters are created as sub-periods when missing). Idempotent."""
        annual = self.sudo().search(
            [
                ("employee_id.asn_type", "=", "pppk_part_time"),
                ("employee_id.asn_status", "=", "active"),
                ("period_id.period_type", "=", "annual"),
                ("period_id.state", "=", "open"),
                ("state", "in", AGREED),
            ]
        )
        created = self.browse()
        for year in annual.period_id:
            quarters = year._part_time_quarters()
            skps = annual.filtered(lambda skp, year=year: skp.period_id == year)
            have = {
                (skp.employee_id.id, skp.period_id.id)
                for skp in self.sudo().search(
                    [("period_id", "in", quarters.ids), ("employee_id", "in", skps.employee_id.ids)]
                )
            }
            vals = [
                {"employee_id": skp.employee_id.id, "period_id": quarter.id}
                for skp in skps
                for quarter in quarters
                if (skp.employee_id.id, quarter.id) not in have and skp.employee_id._in_contract(quarter)
            ]
            if vals:
                created |= self.sudo().with_context(mail_create_nolog=True, tracking_disable=True).create(vals)
        return created


class AsnKinerjaPeriod(models.Model):
    _inherit = "asn.kinerja.period"  # pylint: disable=consider-merging-classes-inherited

    def _part_time_quarters(self):
        """This annual period's four quarters, made (as drafts) when missing: a quarter of a calendar year."""
        self.ensure_one()
        quarters = self.child_ids.filtered(lambda p: p.period_type == "quarter")
        if len(quarters) >= 4 or self.date_start.day != 1 or self.date_start.month != 1:
            return quarters
        year = self.date_start.year
        Period = self.sudo()
        for index in range(4):
            start = date(year, 3 * index + 1, 1)
            end = (date(year + 1, 1, 1) if index == 3 else date(year, 3 * index + 4, 1)) - timedelta(days=1)
            if not quarters.filtered(lambda p, start=start: p.date_start == start):
                quarters |= Period.create(
                    {
                        "name": f"{period_label('quarter', start, end).title()} {year}",
                        "period_type": "quarter",
                        "parent_id": self.id,
                        "date_start": start,
                        "date_end": end,
                        "company_id": self.company_id.id,
                    }
                )
        return quarters.sorted("date_start")

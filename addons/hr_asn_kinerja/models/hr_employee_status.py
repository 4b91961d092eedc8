"""A living year on the employee (docs/rules.md §16, §24): the ASN status and its date (leave, retirement,
death, dismissal), the acting official who appraises them meanwhile, and a part-time PPPK's contract."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools.misc import format_date

ASN_STATUSES = [
    ("active", "Active"),
    ("leave", "On Long Leave (CLTN, Tugas Belajar)"),
    ("retired", "Retired"),
    ("deceased", "Deceased"),
    ("dismissed", "Dismissed"),
]
# only Pengelola Kinerja (BKPSDM) sets these (docs/rules.md §9, §24)
STATUS_FIELDS = ("asn_status", "asn_status_date", "contract_decree")
# fewer full months served than this in an SKP's period: the SKP is cancelled, not evaluated (docs/rules.md §24)
MIN_MONTHS_SERVED = 1


def months_served(date_start, date_end):
    """Full calendar months from ``date_start`` to ``date_end`` (both included): 1 Jan - 31 Mar is 3."""
    if date_end < date_start:
        return 0
    after = date_end + timedelta(days=1)
    months = (after.year - date_start.year) * 12 + after.month - date_start.month
    return months - (1 if after.day < date_start.day else 0)


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    asn_status = fields.Selection(
        ASN_STATUSES,
        "ASN Status",
        default="active",
        required=True,
        tracking=True,
        index=True,
        help="Kedudukan hukum: someone not active from the status date gets no SKP and no reminders.",
    )
    asn_status_date = fields.Date(
        "Status Since", tracking=True, help="The day the status applies from (e.g. the TMT of the retirement)."
    )
    contract_decree = fields.Char(
        tracking=True, groups="hr.group_hr_user", help="The part-time PPPK contract's SK number (Contract Decree)."
    )
    kinerja_acting_id = fields.Many2one(
        "asn.kinerja.acting",
        "Appraised by Acting Official",
        readonly=True,
        index="btree_not_null",
        copy=False,
        groups="hr.group_hr_user",
        help="The running Plt/Plh assignment that appraises this employee instead of the manager.",
    )
    kinerja_contract_notice_date = fields.Date(
        "Contract End Notified For",
        readonly=True,
        copy=False,
        groups="hr.group_hr_user",
        help="The contract end the 60-day notice was given for (once per contract).",
    )

    @api.depends("parent_id", "appraiser_is_override", "kinerja_acting_id")
    def _compute_appraiser_id(self):
        # hr_employee.py's rule (the manager, unless HR chose), with a running Plt/Plh in the manager's place
        for employee in self:
            if not employee.appraiser_is_override:
                acting = employee.sudo().kinerja_acting_id
                employee.appraiser_id = (acting.employee_id if acting else employee.parent_id) - employee

    @api.constrains("asn_status", "asn_status_date")
    def _check_asn_status_date(self):
        for employee in self:
            if employee.asn_status != "active" and not employee.asn_status_date:
                raise ValidationError(
                    self.env._("%(employee)s: give the date the status applies from.", employee=employee.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # a new employee is active: only Pengelola Kinerja records another status or a date
            if (vals.get("asn_status", "active") != "active" or vals.get("asn_status_date")) and not (
                self._can_manage_asn_identity()
            ):
                self._refuse_status_change(["asn_status"])
        return super().create(vals_list)

    def write(self, vals):
        changed = [name for name in STATUS_FIELDS if name in vals and self._asn_status_changes(name, vals[name])]
        if changed and not self._can_manage_asn_identity():
            self._refuse_status_change(changed)
        if vals.get("asn_status") and vals["asn_status"] != "active" and not vals.get("asn_status_date"):
            vals = dict(vals, asn_status_date=fields.Date.context_today(self))
        acting_before = {employee: employee.appraiser_id for employee in self} if "kinerja_acting_id" in vals else {}
        result = super().write(vals)
        if acting_before:
            if moved := self.filtered(lambda employee: employee.appraiser_id != acting_before[employee]):
                moved._on_acting_change()
        if "asn_status" in vals or "asn_status_date" in vals:
            self._kinerja_apply_status()
        return result

    def _asn_status_changes(self, name, value):
        currents = [employee[name] for employee in self.sudo()]
        return any((current or False) != (value or False) for current in currents)

    def _refuse_status_change(self, names):
        raise AccessError(
            self.env._(
                "Only Pengelola Kinerja (HR officers of the performance app) may change: %(fields)s.",
                fields=", ".join(self._fields[name]._description_string(self.env) for name in names),
            )
        )

    def _on_acting_change(self):
        """An acting assignment starts or ends for these employees: their open SKPs follow, except those
        already scored, whose scores stay signed by who gave them (docs/rules.md §24)."""
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        signed = Appraisal.search([("employee_id", "in", self.ids), ("state", "=", "scored")])
        Appraisal.with_context(asn_follow_keep_ids=signed.ids)._follow_appraisers(self)

    # ------------------------------------------------------------------
    # leave and exits (docs/rules.md §24)
    # ------------------------------------------------------------------
    def _kinerja_is_active_on(self, date):
        self.ensure_one()
        return self.asn_status == "active" or not self.asn_status_date or self.asn_status_date > date

    def _kinerja_apply_status(self):
        """Close the open SKPs of those who left on or before today: evaluated for the months served,
        or cancelled with the reason when under the minimum. Safe to run again."""
        today = fields.Date.context_today(self)
        leavers = self.sudo().filtered(
            lambda e: e.asn_status != "active" and e.asn_status_date and e.asn_status_date <= today
        )
        if not leavers:
            return self.env["asn.kinerja.appraisal"]
        leavers._kinerja_hand_over()
        skps = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", leavers.ids),
                    ("state", "in", ("draft", "submitted", "approved", "self_assessed", "scored")),
                    ("exit_date", "=", False),
                ]
            )
        )
        for skp in skps:
            skp._close_for_exit(skp.employee_id.asn_status_date)
        return skps

    def _kinerja_hand_over(self):
        """These people left: whom they appraise, and the SKPs still open that they appraise, move to the next
        appraiser by the unit rule (docs/rules.md §3, §24), logged with the reason; the scores they gave stay
        signed by them. Safe to run again: once handed over, nothing points at them."""
        Employee = self.env["hr.employee"].sudo()
        Appraisal = self.env["asn.kinerja.appraisal"].sudo()
        signed = Appraisal.search([("appraiser_id", "in", self.ids), ("state", "=", "scored")])
        for leaver in self:
            reason = leaver._kinerja_leaving_reason()
            keep = Employee.with_context(asn_appraiser_change_reason=reason, asn_follow_keep_ids=signed.ids)
            for appraisee in keep.search([("appraiser_id", "=", leaver.id)]):
                if successor := appraisee._kinerja_next_appraiser(appraisee.department_id, self):
                    # HR's choice over the manager who left, with its trace; HR clears it when they return
                    appraisee.write({"appraiser_id": successor.id})
            # the parts of a year that stay with the appraiser of their post (docs/rules.md §17)
            for skp in Appraisal.search(
                [
                    ("appraiser_id", "=", leaver.id),
                    ("state", "in", ("draft", "submitted", "approved", "self_assessed")),
                ]
            ):
                successor = skp.employee_id._kinerja_next_appraiser(skp.department_id, self)
                if not successor:
                    continue
                old = (skp.appraiser_id, skp.appraiser_superior_id)
                skp.write(
                    {
                        "appraiser_id": successor.id,
                        "appraiser_superior_id": skp.employee_id._kinerja_superior(successor).id,
                    }
                )
                skp._message_log(body=skp.with_context(lang=skp._document_lang())._people_change_message(old, reason))
                skp._schedule_next_activity()

    def _kinerja_next_appraiser(self, unit, gone):
        """The unit rule (docs/rules.md §3): the head of ``unit``, else of the nearest unit above, passing over
        this employee and the people in ``gone`` (and anyone no longer active)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        seen = self.env["hr.department"]
        while unit and unit not in seen:
            seen |= unit
            head = unit.sudo().manager_id
            if head and head != self and head not in gone and head._kinerja_is_active_on(today):
                return head
            unit = unit.parent_id
        return self.browse()

    def _kinerja_leaving_reason(self):
        """In the agency's language, like the other reasons of the SKPs' chatter."""
        self.ensure_one()
        self = self.with_context(lang=self.company_id.partner_id.lang or self.env.lang)  # noqa: PLW0642
        status = dict(self._fields["asn_status"]._description_selection(self.env)).get(self.asn_status)
        return self.env._(
            "%(appraiser)s left on %(date)s (%(status)s): the next appraiser by the unit rule takes over.",
            appraiser=self.name,
            date=format_date(self.env, self.asn_status_date),
            status=status,
        )

    @api.model
    def _cron_kinerja_status(self):
        """Daily: the statuses whose date came close the SKPs; part-time PPPK contracts ending within 60 days
        are announced; their quarterly SKPs are opened. Running it twice changes nothing."""
        Employee = self.sudo().with_context(active_test=False)
        today = fields.Date.context_today(self)
        Employee.search([("asn_status", "!=", "active"), ("asn_status_date", "<=", today)])._kinerja_apply_status()
        Employee.search([("asn_type", "=", "pppk_part_time")])._kinerja_contract_notice(today)
        self.env["asn.kinerja.appraisal"].sudo()._open_part_time_quarters()
        return True

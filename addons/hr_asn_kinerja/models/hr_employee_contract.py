"""Part-time PPPK contracts (docs/rules.md §16): the notice 60 days before a contract ends, and whether a
period falls inside the contract."""

from datetime import timedelta

from markupsafe import Markup

from odoo import models
from odoo.tools.misc import format_date

# HR and the unit head are told this many days before a contract ends
CONTRACT_NOTICE_DAYS = 60


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    def _kinerja_contract_notice(self, today):
        """HR and the unit head get an activity once per contract, 60 days before it ends."""
        limit = today + timedelta(days=CONTRACT_NOTICE_DAYS)
        due = self.filtered(
            lambda e: (
                e.asn_status == "active"
                and e.contract_date_end
                and today <= e.contract_date_end <= limit
                and e.kinerja_contract_notice_date != e.contract_date_end
            )
        )
        activity_type = self.env.ref("hr_asn_kinerja.mail_act_contract_extension", raise_if_not_found=False)
        Recommendation = self.env["asn.kinerja.contract.recommendation"].sudo()
        for employee in due:
            users = employee._kinerja_contract_deciders()
            lang = employee.company_id.partner_id.lang or self.env.lang
            note = employee.with_context(lang=lang)._contract_notice_text()
            recommendation = Recommendation.create(
                {
                    "employee_id": employee.id,
                    "company_id": employee.company_id.id,
                    "contract_date_end": employee.contract_date_end,
                    "head_id": (employee.department_id.manager_id - employee or employee.appraiser_id).id,
                }
            )
            for user in users:
                recommendation.activity_schedule(
                    activity_type_id=activity_type.id if activity_type else False,
                    date_deadline=employee.contract_date_end - timedelta(days=1),
                    summary=note,
                    user_id=user.id,
                )
            employee.kinerja_contract_notice_date = employee.contract_date_end
            employee._message_log(body=Markup("<p>%s</p>") % note)
        return due

    def _contract_notice_text(self):
        return self.env._(
            "The part-time PPPK contract of %(employee)s ends on %(date)s: the unit head recommends whether to "
            "extend it (Rekomendasi Perpanjangan), HR decides.",
            employee=self.name,
            date=format_date(self.env, self.contract_date_end),
        )

    def _kinerja_contract_deciders(self):
        """The unit head (else the appraiser) and the company's Pengelola Kinerja: their users."""
        self.ensure_one()
        head = self.department_id.manager_id - self or self.appraiser_id
        officers = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("all_group_ids", "in", self.env.ref("hr_asn_kinerja.group_kinerja_officer").id),
                    ("company_ids", "in", self.company_id.id),
                    ("share", "=", False),
                ]
            )
        )
        return head.user_id | officers.filtered(lambda user: not user._is_superuser())

    def _in_contract(self, period):
        """Whether ``period`` overlaps this employee's contract (no dates: always)."""
        self.ensure_one()
        start = self.sudo().contract_date_start
        end = self.sudo().contract_date_end
        return (not start or start <= period.date_end) and (not end or end >= period.date_start)

"""The account letter (docs/rules.md §23): for the people whose account has no e-mail, a page each with their
name, NIP, login and a QR code of their personal signup link, valid for 14 days, to hand over at a
socialisation session. No password is ever printed: the link lets the person choose one."""

import base64
from datetime import timedelta
from urllib.parse import urlencode

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.nip import format_nip

LETTER_VALIDITY_DAYS = 14


class ReportAccountLetter(models.AbstractModel):
    _name = "report.hr_asn_kinerja.report_account_letter"
    _description = "Account Letter"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja (BKPSDM) prints account letters."))
        employees = self.env["hr.employee"].browse(docids)._kinerja_letter_employees()
        valid_until = fields.Date.context_today(self) + timedelta(days=LETTER_VALIDITY_DAYS)
        Report = self.env["ir.actions.report"]
        letters = []
        for employee in employees.sudo():
            url = self._signup_url(employee.user_id.partner_id)
            qr = Report.barcode("QR", url, width=240, height=240)
            letters.append(
                {
                    "employee": employee,
                    "name": employee.name,
                    "nip": format_nip(employee.nip or ""),
                    "login": employee.user_id.login,
                    "unit": employee.department_id.name or "",
                    "url": url,
                    "qr": "data:image/png;base64," + base64.b64encode(qr).decode(),
                }
            )
        return {
            "doc_ids": employees.ids,
            "doc_model": "hr.employee",
            "docs": employees,
            "letters": letters,
            "valid_until": valid_until,
            "company": self.env.company,
        }

    @api.model
    def _signup_url(self, partner):
        """The person's own signup link, valid LETTER_VALIDITY_DAYS days (auth_signup's signed token: it ends
        as soon as they log in once)."""
        partner = partner.sudo()
        token = partner._generate_signup_token(expiration=LETTER_VALIDITY_DAYS * 24)
        query = urlencode({"db": self.env.cr.dbname, "token": token})
        return f"{partner.get_base_url()}/web/signup?{query}"

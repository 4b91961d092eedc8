"""Printing the account letters (docs/rules.md §23) from the employee list or, one PDF per unit, from the
unit: the people with an account and no e-mail, who get no invitation by e-mail."""

from odoo import models
from odoo.exceptions import AccessError, UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    def _kinerja_letter_employees(self):
        """Of these, the people a letter is for: an account without e-mail; by unit, then name."""
        employees = self.sudo().filtered(lambda employee: employee.user_id and not employee.user_id.email)
        return self.browse(employees.sorted(lambda e: (e.department_id.complete_name or "", e.name or "")).ids)

    def action_print_account_letters(self):
        """HR: the letters of the selected people, their signup links made ready first (Odoo's signup token;
        printing itself writes nothing)."""
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja (BKPSDM) prints account letters."))
        employees = self._kinerja_letter_employees()
        if not employees:
            raise UserError(
                self.env._(
                    "No letter to print: the selected people have no account yet (Create Accounts first) "
                    "or have an e-mail, and got Odoo's invitation."
                )
            )
        partners = employees.sudo().user_id.partner_id
        partners.filtered(lambda partner: partner.signup_type != "signup").signup_prepare(signup_type="signup")
        return self.env.ref("hr_asn_kinerja.action_report_account_letter").report_action(employees)


class HrDepartment(models.Model):
    _inherit = "hr.department"  # pylint: disable=consider-merging-classes-inherited

    def action_print_account_letters(self):
        """HR: one PDF for the unit: a letter for each of its people with an account and no e-mail."""
        employees = self.env["hr.employee"].search([("department_id", "in", self.ids)])
        return employees.action_print_account_letters()

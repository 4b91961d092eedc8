"""What moving in from SIASN adds to an employee (docs/rules.md §23): SIASN's own person id, an account for
everyone in one click, and the data-quality filters HR keeps watching afterwards."""

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Command

from ..tools.nip import PPPK_TYPES

DEFAULT_TZ = "Asia/Jakarta"
# accounts made in bulk: no invitation from create (ours is a job's), no chatter line, no stored avatar
QUIET_ACCOUNTS = {
    "no_reset_password": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "tracking_disable": True,
    "mail_notrack": True,
    "kinerja_avatar_on_the_fly": True,
    # the channels they join, without a bus notice to sessions they cannot have yet (discuss_channel)
    "kinerja_new_accounts": True,
}
CONTRACT_END_DAYS = 60  # a PPPK contract ending within this many days is flagged (data quality)


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    siasn_id = fields.Char(
        "SIASN Id",
        copy=False,
        index="btree_not_null",
        groups="hr.group_hr_user",
        help="The person's id in BKN's SIASN (pns_id), brought by the SIASN import.",
    )
    kinerja_appraiser_outside_chain = fields.Boolean(
        "Appraiser Outside the Unit Chain",
        compute="_compute_kinerja_appraiser_outside_chain",
        search="_search_kinerja_appraiser_outside_chain",
        groups="hr.group_hr_user",
        help="The appraiser works neither in the employee's unit nor in a unit above it.",
    )
    kinerja_contract_ending = fields.Boolean(
        "PPPK Contract Ending Soon",
        compute="_compute_kinerja_contract_ending",
        search="_search_kinerja_contract_ending",
        groups="hr.group_hr_user",
        help=f"A PPPK whose contract ends within {CONTRACT_END_DAYS} days.",
    )

    # ------------------------------------------------------------------
    # accounts for everyone
    # ------------------------------------------------------------------
    def action_create_users(self):
        """HR: give each selected employee without a user an account: login = NIP, no password (the person
        sets it through Odoo's signup link), Bahasa Indonesia, the company's time zone, Pegawai or, for
        the heads of units and appraisers, Pejabat Penilai. Running it again creates nobody twice.
        Odoo's own account creation is left as it is for anyone else and for employees without a NIP."""
        officer = self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer")
        if not (officer and any(self.mapped("nip"))):
            if officer or self.env.user.has_group("hr.group_hr_user") or self.env.is_superuser():
                return super().action_create_users()
            raise AccessError(self.env._("Only Pengelola Kinerja (BKPSDM) creates accounts for employees."))
        employees = self.filtered(lambda employee: not employee.user_id)
        without_nip = employees.filtered(lambda employee: not employee.nip)
        employees -= without_nip
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        taken = {user.login: user for user in Users.search([("login", "in", employees.mapped("nip"))])}
        self.env["res.lang"].sudo()._activate_lang("id_ID")
        group_employee = self.env.ref("hr_asn_kinerja.group_kinerja_employee")
        group_appraiser = self.env.ref("hr_asn_kinerja.group_kinerja_appraiser")
        group_user = self.env.ref("base.group_user")
        heads = self.env["hr.department"].sudo().search([("manager_id", "in", employees.ids)]).manager_id
        appraisers = heads | self.sudo().search([("appraiser_id", "in", employees.ids)]).appraiser_id
        linked, to_create, refused = self.browse(), [], self.browse()
        for employee in employees:
            user = taken.get(employee.nip)
            if user:
                # an account of this NIP already exists: link it once, never a second one
                if user.employee_ids:
                    refused |= employee
                else:
                    employee.user_id = user
                    linked |= employee
                continue
            groups = group_user | (group_appraiser if employee in appraisers else group_employee)
            company = employee.company_id or self.env.company
            to_create.append(
                (
                    employee,
                    {
                        "login": employee.nip,
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "group_ids": [Command.set(groups.ids)],
                        # Odoo's invitation follows in a job (res_users_invitation)
                        "kinerja_invitation_pending": bool(employee.work_email),
                    },
                    {
                        "name": employee.name,
                        "email": employee.work_email or False,
                        "lang": "id_ID",
                        "tz": company.partner_id.tz or DEFAULT_TZ,
                    },
                )
            )
        users = self._kinerja_create_accounts(to_create)
        invited = users.filtered("email")
        # the signup link now (the letters and the invitation carry it), the e-mails by jobs: each renders
        # Odoo's template once per recipient, which HR need not wait for
        invited.partner_id.signup_prepare(signup_type="signup")
        self.env["res.users"]._kinerja_enqueue_invitations(invited)
        message = self.env._(
            "%(created)s account(s) created, %(invited)s invited by e-mail, %(letters)s without e-mail "
            "(hand them their login); %(linked)s linked to an existing account.",
            created=len(users),
            invited=len(invited),
            letters=len(users) - len(invited),
            linked=len(linked),
        )
        if without_nip:
            message += " " + self.env._(
                "Without NIP, no account: %(names)s.", names=", ".join(without_nip.mapped("name"))
            )
        if refused:
            message += " " + self.env._(
                "Login already used by another employee's account: %(names)s.", names=", ".join(refused.mapped("name"))
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Accounts for employees"),
                "message": message,
                "type": "warning" if without_nip or refused else "success",
                "sticky": bool(without_nip or refused),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _kinerja_create_accounts(self, to_create):
        """The users of ``to_create`` ((employee, user values, contact values) each) in one ``create``, linked
        to their employee. The employee's work contact becomes the user's contact, its name, e-mail, language
        and time zone written beforehand in a write per set of values rather than a write per user; the
        avatar is not stored: Odoo draws the same initials on the fly (avatar.mixin)."""
        Users = self.env["res.users"].sudo().with_context(active_test=False, **QUIET_ACCOUNTS)
        contact_values = defaultdict(self.env["res.partner"].sudo)
        vals_list = []
        for employee, vals, contact in to_create:
            partner = employee.sudo().work_contact_id
            if partner:
                changes = {key: value for key, value in contact.items() if partner[key] != value}
                if changes:
                    contact_values[tuple(sorted(changes.items()))] |= partner
                vals_list.append(dict(vals, partner_id=partner.id))
            else:
                vals_list.append(dict(vals, **contact))
        for changes, partners in contact_values.items():
            partners.with_context(**QUIET_ACCOUNTS).write(dict(changes))
        # what the users' create reads per contact (the partner write of each user's inherited values), at once
        self.env["res.partner"].sudo().browse([vals["partner_id"] for vals in vals_list if "partner_id" in vals]).fetch(
            ["properties"]
        )
        users = Users.create(vals_list)
        # what Odoo's employee.write reads per link, read once for all
        linking = self.browse([employee.id for employee, _vals, _contact in to_create]).with_context(**QUIET_ACCOUNTS)
        linking.mapped("department_id")
        linking.sudo().fetch(["image_1920", "image_1024", "image_512", "image_256", "image_128"])
        users.partner_id.mapped("employee_ids")  # hr's _remove_work_contact_id, per link
        resources = linking.sudo().resource_id
        resources.fetch(list(resources._fields))
        resources.mapped("employee_id")
        for employee, user in zip(linking, users, strict=True):
            employee.user_id = user
        return users

    # ------------------------------------------------------------------
    # data quality
    # ------------------------------------------------------------------
    @api.depends("appraiser_id", "department_id")
    def _compute_kinerja_appraiser_outside_chain(self):
        outside = set(self._kinerja_outside_chain_ids(self))
        for employee in self:
            employee.kinerja_appraiser_outside_chain = employee.id in outside

    def _search_kinerja_appraiser_outside_chain(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        candidates = self.search([("appraiser_id", "!=", False), ("department_id", "!=", False)])
        ids = self._kinerja_outside_chain_ids(candidates)
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.model
    def _kinerja_outside_chain_ids(self, employees):
        """Employees whose appraiser works in neither their unit nor a unit above it (docs/rules.md §3)."""
        ids = []
        for employee in employees.sudo():
            unit, appraiser_unit = employee.department_id, employee.appraiser_id.department_id
            if not unit or not employee.appraiser_id:
                continue
            chain = set(map(int, unit.parent_path.split("/")[:-1])) if unit.parent_path else {unit.id}
            if appraiser_unit.id not in chain:
                ids.append(employee.id)
        return ids

    def _compute_kinerja_contract_ending(self):
        ending = set(self.sudo().search(self._kinerja_contract_ending_domain() + [("id", "in", self.ids)]).ids)
        for employee in self:
            employee.kinerja_contract_ending = employee.id in ending

    def _search_kinerja_contract_ending(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        # the contract end is an HR manager's field: HR officers see the flag, not the date
        ids = self.sudo().search(self._kinerja_contract_ending_domain()).ids
        return [("id", "in" if (operator == "=") == bool(value) else "not in", ids)]

    @api.model
    def _kinerja_contract_ending_domain(self):
        soon = fields.Date.context_today(self) + timedelta(days=CONTRACT_END_DAYS)
        return [("asn_type", "in", PPPK_TYPES), ("contract_date_end", "!=", False), ("contract_date_end", "<=", soon)]

    @api.model
    def kinerja_data_quality_counts(self):
        """HR: how many active employees each data-quality filter finds, in one query each."""
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja (BKPSDM) reads the data quality."))
        return {name: self.search_count(domain) for name, domain in self._kinerja_data_quality_domains().items()}

    @api.model
    def _kinerja_data_quality_domains(self):
        """The filters of Monitoring > Kualitas Data, by name (the search view has the same ones)."""
        return {
            "no_nip": [("nip", "=", False)],
            "no_unit": [("department_id", "=", False)],
            "no_appraiser": [("appraiser_id", "=", False)],
            "appraiser_outside_chain": [("kinerja_appraiser_outside_chain", "=", True)],
            "no_user": [("user_id", "=", False)],
            "contract_ending": [("kinerja_contract_ending", "=", True)],
        }

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools.nip import NipError, normalize_nip, parse_nip

PNS_RANKS = [
    ("I/a", "Juru Muda (I/a)"),
    ("I/b", "Juru Muda Tingkat I (I/b)"),
    ("I/c", "Juru (I/c)"),
    ("I/d", "Juru Tingkat I (I/d)"),
    ("II/a", "Pengatur Muda (II/a)"),
    ("II/b", "Pengatur Muda Tingkat I (II/b)"),
    ("II/c", "Pengatur (II/c)"),
    ("II/d", "Pengatur Tingkat I (II/d)"),
    ("III/a", "Penata Muda (III/a)"),
    ("III/b", "Penata Muda Tingkat I (III/b)"),
    ("III/c", "Penata (III/c)"),
    ("III/d", "Penata Tingkat I (III/d)"),
    ("IV/a", "Pembina (IV/a)"),
    ("IV/b", "Pembina Tingkat I (IV/b)"),
    ("IV/c", "Pembina Utama Muda (IV/c)"),
    ("IV/d", "Pembina Utama Madya (IV/d)"),
    ("IV/e", "Pembina Utama (IV/e)"),
]
PPPK_RANKS = [
    (roman, f"Golongan {roman} (PPPK)")
    for roman in "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split()
]
ASN_TYPES = [("pns", "PNS"), ("pppk", "PPPK"), ("pppk_part_time", "PPPK Paruh Waktu (Part-time)")]
POSITION_TYPES = [
    ("jpt", "JPT (Senior Executive)"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas (Supervisor)"),
    ("pelaksana", "Pelaksana (Staff)"),
    ("fungsional", "Fungsional (Functional)"),
]
# what the appraiser is computed from: a change of any of them may move the open SKPs
APPRAISER_INPUTS = {"appraiser_id", "parent_id", "appraiser_is_override", "active"}
# Only Pengelola Kinerja (BKPSDM) may set these; everyone else reads them.
ASN_IDENTITY_FIELDS = ("nip", "asn_type", "asn_rank", "asn_position_type")


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    nip = fields.Char(
        "NIP",
        tracking=True,
        copy=False,
        index="btree_not_null",
        help="Nomor Induk Pegawai (PNS) or NI PPPK: 18 digits.",
    )
    asn_type = fields.Selection(ASN_TYPES, "ASN Type", tracking=True)
    asn_rank = fields.Selection(PNS_RANKS + PPPK_RANKS, "Rank (Pangkat/Golongan)", tracking=True)
    asn_position_type = fields.Selection(
        POSITION_TYPES,
        "Position Type",
        tracking=True,
    )
    appraiser_id = fields.Many2one(
        "hr.employee",
        "Appraiser (Pejabat Penilai)",
        compute="_compute_appraiser_id",
        store=True,
        readonly=False,
        tracking=True,
        index="btree_not_null",
        check_company=True,
        domain="[('id', '!=', id), ('company_id', 'in', [company_id, False])]",
        help="Pejabat Penilai Kinerja. Follows the manager unless Pengelola Kinerja sets another one.",
    )
    # not on the public profile: behind HR's group like every private field (Odoo's hr test_employee_fields_groups)
    appraisee_ids = fields.One2many("hr.employee", "appraiser_id", "Appraised Employees", groups="hr.group_hr_user")
    appraiser_is_override = fields.Boolean(
        "Appraiser Set by HR",
        groups="hr.group_hr_user",
        copy=False,
        help="Set when Pengelola Kinerja chose an appraiser other than the manager. "
        "Clear the appraiser to make it follow the manager again.",
    )
    # the form shows the ASN identity read-only to whoever is not Pengelola Kinerja (also on the public profile)
    asn_identity_editable = fields.Boolean("May Edit ASN Identity", compute="_compute_asn_identity_editable")
    kinerja_appraisal_ids = fields.One2many("asn.kinerja.appraisal", "employee_id", "SKPs", groups="hr.group_hr_user")
    kinerja_appraisal_count = fields.Integer(
        "SKP Count", compute="_compute_kinerja_appraisal_count", groups="hr.group_hr_user"
    )
    # derived from the NIP, which every colleague reads on the printed forms (docs/rules.md §9)
    nip_birth_date = fields.Date("Birth Date (from NIP)", compute="_compute_nip_parts", store=True)
    nip_appointment_month = fields.Date("Appointment Month (TMT, from NIP)", compute="_compute_nip_parts", store=True)
    nip_sex = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        "Sex (from NIP)",
        compute="_compute_nip_parts",
        store=True,
    )

    _nip_company_unique = models.UniqueIndex(
        "(company_id, nip) WHERE active AND nip IS NOT NULL",
        "Another active employee of this company already has this NIP.",
    )

    @api.depends("parent_id", "appraiser_is_override")
    def _compute_appraiser_id(self):
        for employee in self:
            if not employee.appraiser_is_override:
                # Odoo lets a top manager be their own manager; nobody appraises themselves
                employee.appraiser_id = employee.parent_id - employee

    @api.depends_context("uid")
    def _compute_asn_identity_editable(self):
        self.asn_identity_editable = self._can_manage_asn_identity()

    @api.depends("kinerja_appraisal_ids")
    def _compute_kinerja_appraisal_count(self):
        counts = dict(
            self.env["asn.kinerja.appraisal"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.kinerja_appraisal_count = counts.get(employee, 0)

    @api.readonly  # a read: served by the replica when there is one (db_replica_host)
    def action_view_kinerja_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_kinerja.action_appraisal_all")
        action.update(domain=[("employee_id", "=", self.id)], context={"default_employee_id": self.id})
        return action

    @api.depends("nip", "asn_type")
    def _compute_nip_parts(self):
        for employee in self:
            try:
                info = parse_nip(employee.nip, employee.asn_type) if employee.nip else None
            except NipError:
                info = None
            employee.nip_birth_date = info and info.birth_date
            employee.nip_appointment_month = info and info.appointment_month
            employee.nip_sex = info and info.sex

    @api.constrains("nip", "asn_type")
    def _check_nip(self):
        for employee in self.filtered("nip"):
            try:
                parse_nip(employee.nip, employee.asn_type)
            except NipError as error:
                raise ValidationError(self.env._(error.message)) from None

    @api.constrains("asn_type", "asn_rank")
    def _check_asn_rank(self):
        pns_ranks = {key for key, _label in PNS_RANKS}
        for employee in self.filtered("asn_rank"):
            is_pns_rank = employee.asn_rank in pns_ranks
            if employee.asn_type and is_pns_rank != (employee.asn_type == "pns"):
                raise ValidationError(
                    self.env._(
                        "%(employee)s: a PNS has a rank I/a to IV/e, a PPPK a golongan I to XVII.",
                        employee=employee.name,
                    )
                )

    @api.constrains("appraiser_id")
    def _check_appraiser(self):
        for employee in self:
            if employee.appraiser_id == employee:
                raise ValidationError(self.env._("%(employee)s cannot be their own appraiser.", employee=employee.name))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._prepare_asn_vals(vals, self.browse())
        return super().create(vals_list)

    def write(self, vals):
        before = {employee: employee.appraiser_id for employee in self} if APPRAISER_INPUTS & set(vals) else {}
        if "appraiser_id" not in vals or "appraiser_is_override" in vals:
            self._prepare_asn_vals(vals, self)
            result = super().write(vals)
        else:
            # the override flag depends on each employee's own manager
            for employee in self:
                super(HrEmployee, employee).write(self._prepare_asn_vals(dict(vals), employee))
            result = True
        if changed := self.filtered(lambda employee: employee in before and employee.appraiser_id != before[employee]):
            changed._on_appraiser_change()
        return result

    def _on_appraiser_change(self):
        """These employees have a new appraiser: the documents still in progress follow."""
        self.env["asn.kinerja.appraisal"].sudo()._follow_appraisers(self)

    def _kinerja_superior(self, appraiser):
        """The appraiser's superior on an SKP of this employee: the appraiser's own appraiser, never the
        employee nor the appraiser; empty at the top of the chain (docs/rules.md §3)."""
        return appraiser.appraiser_id - self - appraiser

    def _prepare_asn_vals(self, vals, employees):
        """Normalise the NIP, check who sets identity data, and turn an appraiser
        that differs from the manager into an HR override (False clears it).
        Only a real change by someone else than Pengelola Kinerja is refused: Odoo's forms and flows (a new
        employee, an archived appraiser) send fields empty or unchanged, and an empty value or the current
        one is never a change. From them an empty identity value is left out: it clears nothing."""
        if vals.get("nip"):
            vals["nip"] = normalize_nip(vals["nip"])
        if not self._can_manage_asn_identity():
            for name in ASN_IDENTITY_FIELDS:
                if name in vals and not vals[name]:
                    del vals[name]
        identity = [name for name in ASN_IDENTITY_FIELDS if self._asn_changes(employees, name, vals.get(name))]
        if "appraiser_id" in vals and "appraiser_is_override" not in vals:
            manager_id = vals.get("parent_id", employees.parent_id.id if employees else False)
            override = bool(vals["appraiser_id"]) and vals["appraiser_id"] != manager_id
            vals["appraiser_is_override"] = override
            if not vals["appraiser_id"]:
                del vals["appraiser_id"]  # recomputed from the manager
            if override and self._asn_changes(employees, "appraiser_id", vals["appraiser_id"]):
                identity.append("appraiser_id")
        elif self._asn_changes(employees, "appraiser_is_override", vals.get("appraiser_is_override")):
            identity.append("appraiser_is_override")
        if identity and not self._can_manage_asn_identity():
            raise AccessError(
                self.env._(
                    "Only Pengelola Kinerja (HR officers of the performance app) may change: %(fields)s.",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in identity),
                )
            )
        return vals

    @api.model
    def _asn_changes(self, employees, name, value):
        """Whether writing ``value`` to field ``name`` of ``employees`` (none: a new one) changes it."""
        if not value:
            return False
        field = self._fields[name]
        # compared only, never shown
        currents = [employee[name].id if field.type == "many2one" else employee[name] for employee in employees.sudo()]
        return not currents or any(current != value for current in currents)

    def _get_employee_m2o_to_empty_on_archived_employees(self):
        # an appraiser who leaves hands over to the manager
        return super()._get_employee_m2o_to_empty_on_archived_employees() + ["appraiser_id"]

    def _can_manage_asn_identity(self):
        return self.env.su or self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer")

"""Moving in from SIASN (docs/rules.md §23): units from the ref-unor JSON, people from the "Export Data ASN"
CSV, and each person's manager by the unit rule, from which the appraiser follows as it always does
(``hr.employee._compute_appraiser_id``, docs/rules.md §3).

``action_preview`` reads both files and the database and writes nothing but this wizard's own counts and
lines; ``action_import`` runs the same plan and writes it in the caller's transaction, or refuses, naming
the problems, unless ``skip_problems``. Matching is by SIASN id, then NIP: importing the same files twice
changes nothing.
"""

import base64
import binascii
from collections import defaultdict

from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools.misc import file_open

from ..tools import siasn_master as sm
from ..tools.nip import PPPK_MONTH_CODE, PPPK_TYPES, NipError, normalize_nip, parse_nip

PROBLEM_KINDS = [
    ("nip_invalid", "NIP invalid"),
    ("nip_mismatch", "NIP does not match"),
    ("duplicate_nip", "Duplicate NIP"),
    ("unknown_golongan", "Unknown golongan code"),
    ("unknown_jabatan", "Unknown jabatan code"),
    ("unknown_unit", "Unit not in the reference"),
    ("head_missing", "Head not found"),
    ("cycle", "Appraiser chain with a cycle"),
    ("no_unit", "Employee without a unit"),
    ("duplicate_email", "E-mail used twice"),
    # notes: listed, never blocking
    ("absent", "Absent from the file"),
    ("override", "Appraiser set by HR kept"),
    ("transfer", "Transfer not applied"),
]
# what an update compares and the chatter line names; empty values in the file never clear ours
EMPLOYEE_FIELDS = (
    "name",
    "nip",
    "siasn_id",
    "asn_type",
    "asn_rank",
    "asn_position_type",
    "department_id",
    "job_id",
    "work_email",
    "mobile_phone",
    "parent_id",
)
# the made-up regency of the repository that the demo loads in one click
SAMPLE_FILES = {"employee": "export_data_asn.csv", "unor": "ref_unor.json"}
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}


class Plan:
    """What an import would do, built by the wizard's ``_plan_*`` steps; nothing here writes."""

    def __init__(self, env, units, rows):
        company = env.company
        self.has_rows = rows is not None
        self.Employee = env["hr.employee"].sudo()
        self.departments = {
            dep.siasn_unor_id: dep
            for dep in env["hr.department"]
            .sudo()
            .search_fetch(
                [("siasn_unor_id", "!=", False), ("company_id", "in", [company.id, False])],
                ["siasn_unor_id", "siasn_head_pns_id", "name", "parent_id", "manager_id"],
            )
        }
        self.employees = self.Employee.search_fetch(
            [("company_id", "=", company.id)], ["appraiser_is_override", "appraiser_id", *EMPLOYEE_FIELDS]
        )
        self.by_siasn = {emp.siasn_id: emp for emp in self.employees if emp.siasn_id}
        self.by_nip = {emp.nip: emp for emp in self.employees if emp.nip}
        self.ref_units = {unit["id"]: unit for unit in units or [] if unit["id"]}
        self.parent_of, self.head_of, self.eselon_of = {}, {}, {}
        self.known_units, self.people = set(), set()
        self.rows, self.valid, self.units, self.problems = [], [], [], []
        self.counts = {"create": 0, "update": 0, "unchanged": 0}

    def problem(self, kind, message, line=0, reference="", name="", blocking=True):
        self.problems.append(
            {"kind": kind, "message": message, "line": line, "reference": reference, "name": name, "blocking": blocking}
        )

    def row_problem(self, item, kind, message):
        item["problems"].append(kind)
        self.problem(kind, message, item["line"], item["nip"] or item["pns_id"], item["name"])

    def add_unit(self, uid, department, vals):
        if not department:
            change = "create"
        else:
            current = {
                "name": department.name,
                "parent": department.parent_id.siasn_unor_id or "",
                "head": department.manager_id.siasn_id or "",
                "head_pns_id": department.siasn_head_pns_id or "",
            }
            change = "update" if any(current[key] != vals[key] for key in vals) else "unchanged"
        self.counts[change] += 1
        self.units.append({"id": uid, "department": department, "vals": vals, "change": change})

    def result(self):
        return {
            "units": self.units,
            "people": self.valid,
            "problems": self.problems,
            "counts": self.counts,
            "departments": self.departments,
        }


class AsnKinerjaSiasnImport(models.TransientModel):
    _name = "asn.kinerja.siasn.import"
    _description = "Import from SIASN"

    employee_file = fields.Binary(
        "Export Data ASN (CSV or XLSX)",
        attachment=False,
        help="SIASN's Export Data ASN of the whole agency, |-delimited; or the same columns in an XLSX (the "
        "template), for data from a regional SIMPEG.",
    )
    template_file = fields.Binary(
        "XLSX Template", compute="_compute_template_file", help="The columns the import reads, with an example row."
    )
    template_filename = fields.Char(compute="_compute_template_file")
    samples_offered = fields.Boolean(
        "Sample Files Offered",
        compute="_compute_samples_offered",
        help="The demo offers the made-up regency of the repository (data/siasn/), to try the import without "
        "SIASN's files.",
    )
    employee_filename = fields.Char("Employee File Name")
    unor_file = fields.Binary(
        "Unit Reference (JSON)", attachment=False, help="SIASN's referensi/ref-unor of the agency."
    )
    unor_filename = fields.Char("Unit File Name")
    skip_problems = fields.Boolean(
        "Skip Rows with Problems", help="Import the valid rows and list the skipped ones instead of refusing."
    )
    state = fields.Selection(
        [("draft", "Files"), ("preview", "Previewed"), ("done", "Imported")], default="draft", readonly=True
    )
    count_create = fields.Integer("To Create", readonly=True, help="New units and employees.")
    count_update = fields.Integer("To Update", readonly=True, help="Units and employees that change.")
    count_unchanged = fields.Integer("Unchanged", readonly=True)
    count_problem = fields.Integer("With Problems", readonly=True)
    count_absent = fields.Integer("Absent from the File", readonly=True)
    problem_ids = fields.One2many(
        "asn.kinerja.siasn.import.problem", "wizard_id", "Problems", domain=[("blocking", "=", True)], readonly=True
    )
    note_ids = fields.One2many(
        "asn.kinerja.siasn.import.problem", "wizard_id", "Notes", domain=[("blocking", "=", False)], readonly=True
    )

    def _compute_template_file(self):
        content = base64.b64encode(sm.employee_template_xlsx())
        for wizard in self:
            wizard.template_file = content
            wizard.template_filename = "template_data_asn.xlsx"

    def _compute_samples_offered(self):
        offered = self._demo_installed()
        for wizard in self:
            wizard.samples_offered = offered

    def _demo_installed(self):
        return bool(self.env["ir.module.module"].sudo().search([("name", "=", "hr_asn_kinerja")]).demo)

    # ------------------------------------------------------------------
    # the actions
    # ------------------------------------------------------------------
    def action_load_samples(self):
        """Demo only: both sample files of the repository in the wizard, as if HR had chosen them."""
        self.ensure_one()
        self._check_officer()
        if not self._demo_installed():
            raise UserError(self.env._("The sample files are offered in the demo only: choose your SIASN files."))
        contents = {}
        for name in SAMPLE_FILES.values():
            with file_open(f"hr_asn_kinerja/data/siasn/{name}", "rb") as sample:
                contents[name] = base64.b64encode(sample.read())
        self.write(
            {
                "state": "draft",
                "employee_file": contents[SAMPLE_FILES["employee"]],
                "employee_filename": SAMPLE_FILES["employee"],
                "unor_file": contents[SAMPLE_FILES["unor"]],
                "unor_filename": SAMPLE_FILES["unor"],
            }
        )
        return self._reopen()

    def action_download_template(self):
        """The XLSX template of the employee file, for data that does not come from SIASN's export."""
        self.ensure_one()
        self._check_officer()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/template_data_asn.xlsx?download=true",
            "target": "download",
        }

    def action_preview(self):
        """Count what an import would do and list the problems; changes nothing but this wizard."""
        self.ensure_one()
        self._check_officer()
        plan = self._plan()
        self._store(plan, "preview")
        return self._reopen()

    def action_import(self):
        """Write the plan in this transaction; with problems, refuse unless ``skip_problems``."""
        self.ensure_one()
        self._check_officer()
        units, rows = self._read_files()
        Run = self.env["asn.kinerja.siasn.run"]
        if rows and len(rows) > Run.JOBS_FROM:
            # a whole province: the problems now (nothing written), the rows in jobs
            plan = self._plan_rows(units, rows)
            self._refuse_blocking(plan)
            return Run._start_import(self, units, rows, plan)._open()
        plan = self._import_rows(units, rows)
        self._store(plan, "done")
        return self._reopen()

    def _import_rows(self, units, rows, full=True):
        """The import of a batch: ``units`` as ``siasn_master.read_unor_json`` returns them and ``rows`` as
        ``read_employee_csv`` does (either may be None), planned and written in the caller's transaction, or
        refused with the problems unless ``skip_problems``. Returns the plan.

        A job importing a large file in batches calls this per batch, the units (and the heads of units) in
        the first: later batches find the heads among the employees. With ``full`` False the people of the
        database absent from this batch are not listed."""
        plan = self._plan_rows(units, rows, full=full)
        self._refuse_blocking(plan)
        self._apply(plan)
        return plan

    def _refuse_blocking(self, plan):
        """Nothing is written while the plan has a blocking problem, unless ``skip_problems``."""
        blocking = [problem for problem in plan["problems"] if problem["blocking"]]
        if blocking and not self.skip_problems:
            lines = [self._problem_text(problem) for problem in blocking[:20]]
            if len(blocking) > 20:
                lines.append(self.env._("… and %(count)s more.", count=len(blocking) - 20))
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s problem(s). Fix the files, or tick "
                    '"Skip Rows with Problems" to import the valid rows.\n%(lines)s',
                    count=len(blocking),
                    lines="\n".join(lines),
                )
            )

    def _check_officer(self):
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja (BKPSDM) imports from SIASN."))

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import from SIASN"),
        }

    def _problem_text(self, problem):
        where = problem["reference"] or ""
        if problem["line"]:
            where = self.env._("line %(line)s %(reference)s", line=problem["line"], reference=where)
        return f"- {where.strip()}: {problem['message']}"

    def _store(self, plan, state):
        counts = plan["counts"]
        self.env["asn.kinerja.siasn.import.problem"].search([("wizard_id", "=", self.id)]).unlink()
        self.write(
            {
                "state": state,
                "count_create": counts["create"],
                "count_update": counts["update"],
                "count_unchanged": counts["unchanged"],
                "count_problem": sum(problem["blocking"] for problem in plan["problems"]),
                "count_absent": sum(problem["kind"] == "absent" for problem in plan["problems"]),
                "problem_ids": [
                    Command.create(
                        {key: problem[key] for key in ("line", "reference", "name", "kind", "message", "blocking")}
                    )
                    for problem in plan["problems"]
                ],
            }
        )

    # ------------------------------------------------------------------
    # reading the files
    # ------------------------------------------------------------------
    def _file_content(self, value, label):
        if not value:
            return None
        try:
            return base64.b64decode(value)
        except (binascii.Error, ValueError):
            raise UserError(self.env._("The %(file)s is not a readable file.", file=label)) from None

    def _read_files(self):
        units = rows = None
        if (content := self._file_content(self.unor_file, self.env._("unit reference"))) is not None:
            try:
                units = sm.read_unor_json(content)
            except ValueError as error:
                raise UserError(
                    self.env._("The unit reference is not SIASN's ref-unor JSON: %(error)s", error=error)
                ) from None
        if (content := self._file_content(self.employee_file, self.env._("employee file"))) is not None:
            if sm.is_xlsx(content):
                try:
                    rows = sm.read_employee_xlsx(content)
                except ValueError as error:
                    raise UserError(
                        self.env._("The employee file is not a readable XLSX workbook: %(error)s", error=error)
                    ) from None
            else:
                rows = sm.read_employee_csv(content)
            if rows and "nip_baru" not in rows[0]:
                raise UserError(
                    self.env._(
                        "The employee file has no column nip_baru: is it SIASN's Export Data ASN (|-delimited) "
                        "or the XLSX template?"
                    )
                )
        if units is None and rows is None:
            raise UserError(self.env._("Choose the Export Data ASN file, the unit reference, or both."))
        return units, rows

    # ------------------------------------------------------------------
    # the plan: everything decided before anything is written
    # ------------------------------------------------------------------
    def _plan(self):
        units, rows = self._read_files()
        return self._plan_rows(units, rows)

    def _plan_rows(self, units, rows, full=True):
        plan = Plan(self.env, units, rows)
        self._plan_units(plan)
        for index, row in enumerate(rows or []):
            plan.rows.append(self._check_row(plan, index + 2, row))
        self._check_duplicates(plan)
        self._plan_managers(plan)
        self._plan_unit_changes(plan)
        self._plan_people_changes(plan)
        self._plan_transfers(plan)
        if rows is not None and full:
            self._list_absent(plan)
        plan.problems.sort(key=lambda item: (not item["blocking"], item["line"], item["reference"]))
        return plan.result()

    def _plan_units(self, plan):
        """Parent and head of every unit known, the reference over the database; a DiatasanId loop is a problem."""
        for uid, dep in plan.departments.items():
            plan.parent_of[uid] = dep.parent_id.siasn_unor_id or ""
            plan.head_of[uid] = dep.siasn_head_pns_id or dep.manager_id.siasn_id or ""
        for uid, unit in plan.ref_units.items():
            plan.parent_of[uid] = unit["parent"] if unit["parent"] != uid else ""
            plan.head_of[uid] = unit["head"]
            plan.eselon_of[uid] = unit["eselon"]
        cyclic = set()
        for uid, unit in plan.ref_units.items():
            seen, current = {uid}, plan.parent_of.get(uid)
            while current and current in plan.parent_of and current not in seen:
                seen.add(current)
                current = plan.parent_of.get(current)
            if current == uid:
                cyclic.add(uid)
                plan.problem(
                    "cycle",
                    self.env._("Unit %(unit)s is its own parent through DiatasanId.", unit=unit["name"]),
                    reference=uid,
                    name=unit["name"],
                )
        for uid in cyclic:
            del plan.ref_units[uid]
            plan.parent_of.pop(uid, None)
            plan.head_of.pop(uid, None)
        plan.known_units = set(plan.parent_of)

    def _check_row(self, plan, line, row):
        """One row of the employee file on its own: its values and its problems."""
        nip = normalize_nip(row.get("nip_baru", ""))
        asn_type = sm.asn_type_of(row)
        item = {
            "line": line,
            "row": row,
            "nip": nip,
            "pns_id": row.get("pns_id", ""),
            "name": sm.full_name(row),
            "asn_type": asn_type,
            "rank": sm.rank_of(row, asn_type),
            "jenis": row.get("jenis_jabatan_id", "").lstrip("0"),
            "unit": row.get("unor_id", ""),
            "email": (row.get("email_gov") or row.get("email") or "").lower(),
            "problems": [],
        }
        for kind, message in self._nip_problems(row, nip, asn_type):
            plan.row_problem(item, kind, message)
        if not item["rank"] and (row.get("gol_akhir_id") or row.get("gol_akhir_nama")):
            plan.row_problem(
                item,
                "unknown_golongan",
                self.env._(
                    "Golongan code %(code)s (%(label)s) is not known.",
                    code=row.get("gol_akhir_id", ""),
                    label=row.get("gol_akhir_nama", ""),
                ),
            )
        if item["jenis"] and item["jenis"] not in sm.JENIS_JABATAN:
            plan.row_problem(
                item, "unknown_jabatan", self.env._("Jabatan type code %(code)s is not known.", code=item["jenis"])
            )
        if not item["unit"]:
            plan.row_problem(item, "no_unit", self.env._("No unit (unor_id)."))
        elif item["unit"] not in plan.known_units:
            plan.row_problem(
                item,
                "unknown_unit",
                self.env._(
                    "Unit %(unit)s (%(name)s) is not in the unit reference.",
                    unit=item["unit"],
                    name=row.get("unor_nama", ""),
                ),
            )
        item["employee"] = (
            (plan.by_siasn.get(item["pns_id"]) if item["pns_id"] else None) or plan.by_nip.get(nip) or plan.Employee
        )
        return item

    def _nip_problems(self, row, nip, asn_type):
        """(kind, message) of what is wrong with the NIP: invalid, or not the birth date, sex or status."""
        try:
            info = parse_nip(nip, asn_type)
        except NipError as error:
            return [("nip_invalid", self.env._(error.message))]
        problems = []
        birth = sm.parse_date(row.get("tanggal_lahir") or row.get("tgl_lahir") or "")
        if birth and birth != info.birth_date:
            problems.append(
                (
                    "nip_mismatch",
                    self.env._(
                        "The NIP says born %(nip_date)s, the file %(file_date)s.",
                        nip_date=info.birth_date.strftime("%d-%m-%Y"),
                        file_date=birth.strftime("%d-%m-%Y"),
                    ),
                )
            )
        sex = sm.sex_of(row)
        if sex and sex != info.sex:
            problems.append(("nip_mismatch", self.env._("The NIP's sex digit does not match jenis_kelamin.")))
        if (asn_type in PPPK_TYPES) != (nip[12:14] == PPPK_MONTH_CODE):
            problems.append(
                (
                    "nip_mismatch",
                    self.env._("A PPPK's number carries the code 21 in digits 13-14, a PNS's NIP does not.")
                    if asn_type in PPPK_TYPES
                    else self.env._("The NIP carries the PPPK code 21 but the status is PNS."),
                )
            )
        return problems

    def _check_duplicates(self, plan):
        """A NIP or SIASN id twice in the file; an e-mail twice, or already another employee's."""
        by_key, by_email = defaultdict(list), defaultdict(list)
        for item in plan.rows:
            for key in {item["nip"], item["pns_id"]} - {""}:
                by_key[key].append(item)
            if item["email"]:
                by_email[item["email"]].append(item)
        for key, items in by_key.items():
            if len(items) > 1:
                lines = ", ".join(str(other["line"]) for other in items)
                for item in items:
                    plan.row_problem(
                        item, "duplicate_nip", self.env._("%(key)s is on lines %(lines)s.", key=key, lines=lines)
                    )
        matched = {item["employee"].id for item in plan.rows if item["employee"]}
        taken = {emp.work_email.lower(): emp for emp in plan.employees if emp.work_email and emp.id not in matched}
        for email, items in by_email.items():
            if len(items) < 2 and email not in taken:
                continue
            for item in items:
                others = ", ".join(str(other["line"]) for other in items if other is not item)
                plan.row_problem(
                    item,
                    "duplicate_email",
                    self.env._("%(email)s is also on line(s) %(lines)s.", email=email, lines=others)
                    if others
                    else self.env._("%(email)s belongs to %(other)s.", email=email, other=taken[email].name),
                )

    def _plan_managers(self, plan):
        """Each valid row's manager by the unit rule; heads not found and appraiser cycles are problems."""
        plan.valid = [item for item in plan.rows if not item["problems"]]
        people = {item["pns_id"] for item in plan.valid if item["pns_id"]} | set(plan.by_siasn)
        for uid, unit in plan.ref_units.items():
            if unit["head"] and unit["head"] not in people:
                plan.problem(
                    "head_missing",
                    self.env._(
                        "The head of %(unit)s (SIASN id %(head)s) is neither in the file nor an employee.",
                        unit=unit["name"],
                        head=unit["head"],
                    ),
                    reference=uid,
                    name=unit["name"],
                    # units alone: their heads come with the people
                    blocking=plan.has_rows,
                )
        while True:
            heads = {uid: head for uid, head in plan.head_of.items() if head in people}
            for item in plan.valid:
                item["manager"] = self._manager_by_unit(item["pns_id"], item["unit"], heads, plan.parent_of)
            cyclic = self._cycles({item["pns_id"]: item["manager"] for item in plan.valid if item["pns_id"]})
            if not cyclic:
                break
            for item in plan.valid:
                if item["pns_id"] in cyclic:
                    plan.row_problem(
                        item,
                        "cycle",
                        self.env._(
                            "The appraiser chain comes back to this person (heads sitting in each other's units)."
                        ),
                    )
            plan.valid = [item for item in plan.valid if not item["problems"]]
            people -= cyclic
        plan.people = people

    def _plan_unit_changes(self, plan):
        for uid, unit in plan.ref_units.items():
            parent = plan.parent_of.get(uid)
            vals = {
                "name": unit["name"] or uid,
                "parent": parent if parent in plan.known_units else "",
                "head": unit["head"] if unit["head"] in plan.people else "",
                "head_pns_id": unit["head"],
            }
            plan.add_unit(uid, plan.departments.get(uid), vals)
        for uid, dep in plan.departments.items():
            # units of an earlier import whose head comes with these people
            head = plan.head_of.get(uid)
            if uid not in plan.ref_units and head in plan.people and (dep.manager_id.siasn_id or "") != head:
                vals = {
                    "name": dep.name,
                    "parent": dep.parent_id.siasn_unor_id or "",
                    "head": head,
                    "head_pns_id": dep.siasn_head_pns_id or "",
                }
                plan.add_unit(uid, dep, vals)

    def _plan_people_changes(self, plan):
        headed = {head: uid for uid, head in plan.head_of.items() if head}
        for item in plan.valid:
            row = item["row"]
            position = sm.JENIS_JABATAN.get(item["jenis"], ("", None))[1]
            if item["jenis"] == "1" and item["pns_id"] in headed:
                position = sm.POSITION_BY_ESELON.get(plan.eselon_of.get(headed[item["pns_id"]], "")[:1])
            item["vals"] = {
                "name": item["name"],
                "nip": item["nip"],
                "siasn_id": item["pns_id"],
                "asn_type": item["asn_type"],
                "asn_rank": item["rank"],
                "asn_position_type": position,
                "department_id": item["unit"],
                "job_id": row.get("jabatan_nama", ""),
                "work_email": row.get("email_gov") or row.get("email") or "",
                "mobile_phone": row.get("nomor_hp", ""),
                # where the kedudukan hukum is clear; the status date is the import's (docs/rules.md §24)
                "asn_status": sm.asn_status_of(row),
                "parent_id": item["manager"] if item["manager"] in plan.people else "",
            }
            employee = item["employee"]
            item["diff"] = {}
            if employee:
                # many2one fields compare by SIASN id or name, and the chatter line shows the old name
                current = {
                    "department_id": employee.department_id.siasn_unor_id or "",
                    "job_id": employee.job_id.name or "",
                    "parent_id": employee.parent_id.siasn_id or "",
                }
                item["diff"] = {
                    key: (employee[key].display_name if key in current else employee[key], value)
                    for key, value in item["vals"].items()
                    if value and current.get(key, employee[key] or "") != value
                }
                rule_manager = item["vals"]["parent_id"]
                if employee.appraiser_is_override and rule_manager and employee.appraiser_id.siasn_id != rule_manager:
                    plan.problem(
                        "override",
                        self.env._(
                            "Keeps %(appraiser)s, set by HR, as appraiser; the unit rule gives the head of the unit.",
                            appraiser=employee.appraiser_id.name,
                        ),
                        item["line"],
                        item["nip"],
                        item["name"],
                        blocking=False,
                    )
            item["change"] = "update" if item["diff"] else "unchanged" if employee else "create"
            plan.counts[item["change"]] += 1

    def _plan_transfers(self, plan):
        """A new unit or job of someone with an SKP in a period not closed is a transfer (docs/rules.md §23), from
        SIASN's TMT jabatan when it falls in the period, else from today. Those the transfer's own rule refuses
        (``asn.kinerja.transfer.wizard._refusal``: a finished SKP, a date before the current part) are listed
        now, before anything is written, and not attempted by ``_apply_transfers``."""
        moving = [
            item
            for item in plan.valid
            if item["change"] == "update" and {"department_id", "job_id"} & set(item["diff"])
        ]
        if not moving:
            return
        skps = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", [item["employee"].id for item in moving]),
                    ("state", "!=", "cancel"),
                    ("period_id.state", "!=", "closed"),
                ],
                ["employee_id", "period_id"],
            )
        )
        periods = defaultdict(list)
        for skp in skps:
            periods[skp.employee_id.id].append(skp.period_id)
        today = fields.Date.context_today(self)
        Wizard = self.env["asn.kinerja.transfer.wizard"]
        for item in moving:
            employee = item["employee"]
            if employee.id not in periods:
                continue
            tmt = sm.parse_date(item["row"].get("tmt_jabatan", ""))
            inside = tmt and any(period.date_start <= tmt <= period.date_end for period in periods[employee.id])
            item["transfer_date"] = tmt if inside else today
            if refusal := Wizard.new({"employee_id": employee.id, "date": item["transfer_date"]})._refusal():
                item["transfer_refusal"] = refusal
                plan.problems.append(self._transfer_note(item, refusal))

    def _list_absent(self, plan):
        """People of a full file are listed when it no longer has them; nobody is archived."""
        seen = {item["employee"].id for item in plan.rows if item["employee"]}
        for employee in plan.employees:
            if employee.id not in seen and (employee.nip or employee.siasn_id):
                plan.problem(
                    "absent",
                    self.env._("In Odoo, not in the file: check whether they left; nothing was archived."),
                    reference=employee.nip or employee.siasn_id,
                    name=employee.name,
                    blocking=False,
                )

    @api.model
    def _manager_by_unit(self, person, unit, heads, parent_of):
        """The head of ``unit``, or for its own head the head of the nearest unit above (docs/rules.md §3)."""
        seen = set()
        while unit and unit not in seen:
            seen.add(unit)
            head = heads.get(unit)
            if head and head != person:
                return head
            unit = parent_of.get(unit)
        return ""

    @api.model
    def _cycles(self, manager_of):
        """The people whose chain of managers comes back to them."""
        cyclic = set()
        for start in manager_of:
            path, current = [], start
            while current in manager_of and current not in path and current not in cyclic:
                path.append(current)
                current = manager_of[current]
            if current in path:
                cyclic.update(path[path.index(current) :])
        return cyclic

    # ------------------------------------------------------------------
    # writing the plan
    # ------------------------------------------------------------------
    def _apply(self, plan):
        env = self.env(context=dict(self.env.context, **QUIET))
        departments = self._apply_units(plan, env)
        changed = self._apply_people(plan, env, departments)
        # before the managers: the appraiser change then moves only the new post's SKP (docs/rules.md §17)
        self._apply_transfers(plan, changed)
        by_pns = self._apply_managers(plan, env)
        names = {
            "department_id": {uid: department.name for uid, department in departments.items()},
            "parent_id": {pns_id: employee.name for pns_id, employee in by_pns.items()},
        }
        # one chatter line per changed employee, all logged at once (a post per row costs a dozen queries)
        bodies = {}
        for item in changed:
            diff = {key: (old, names.get(key, {}).get(new, new)) for key, (old, new) in item["diff"].items()}
            bodies[item["employee"].id] = escape(self._change_line(diff))
        if bodies:
            self.env["hr.employee"].browse(list(bodies))._message_log_batch(bodies)

    def _apply_transfers(self, plan, changed):
        """The transfers ``_plan_transfers`` found, applied as HR's Mutasi / Promosi applies them
        (``asn.kinerja.transfer.wizard._apply_to_skps``); the new appraiser is the import's (HR's override, else
        the manager by the unit rule). A transfer refused now (e.g. an SKP finished meanwhile) is a line of the
        result too; the employee's update stays."""
        by_pns = {item["vals"]["siasn_id"]: item["employee"] for item in plan["people"] if item["employee"]}
        Wizard = self.env["asn.kinerja.transfer.wizard"]
        for item in changed:
            if not item.get("transfer_date") or item.get("transfer_refusal"):
                continue
            employee = item["employee"].sudo()
            if employee.appraiser_is_override:
                appraiser = employee.appraiser_id
            else:
                appraiser = by_pns.get(item["vals"]["parent_id"]) or employee.appraiser_id
            try:
                with self.env.cr.savepoint():
                    if not appraiser or appraiser == employee:
                        raise UserError(self.env._("No appraiser for the new post."))
                    Wizard.create(
                        {
                            "employee_id": employee.id,
                            "date": item["transfer_date"],
                            "department_id": employee.department_id.id,
                            "job_id": employee.job_id.id,
                            "appraiser_id": appraiser.id,
                            "reason": self.env._(
                                "SIASN import (TMT jabatan %(tmt)s).", tmt=item["row"].get("tmt_jabatan") or "-"
                            ),
                        }
                    )._apply_to_skps()
            except (UserError, ValidationError) as error:
                plan["problems"].append(self._transfer_note(item, error.args[0]))

    def _transfer_note(self, item, reason):
        return {
            "kind": "transfer",
            "message": self.env._("Transfer not applied: %(reason)s", reason=reason),
            "line": item["line"],
            "reference": item["nip"] or item["pns_id"],
            "name": item["name"],
            "blocking": False,
        }

    def _apply_units(self, plan, env):
        """Units first, without heads: the heads may be among the people. Returns {SIASN unit id: unit}."""
        Department = env["hr.department"]
        departments = dict(plan["departments"])
        new_units = [unit for unit in plan["units"] if unit["change"] == "create"]
        created = Department.create(
            [
                {"name": unit["vals"]["name"], "siasn_unor_id": unit["id"], "company_id": env.company.id}
                for unit in new_units
            ]
        )
        for unit, department in zip(new_units, created, strict=True):
            departments[unit["id"]] = unit["department"] = department
        for unit in plan["units"]:
            vals = unit["vals"]
            department = unit["department"].with_env(env)
            update = {
                "name": vals["name"],
                "parent_id": departments.get(vals["parent"], Department).id,
                "siasn_head_pns_id": vals["head_pns_id"] or False,
            }
            current = {
                "name": department.name,
                "parent_id": department.parent_id.id,
                "siasn_head_pns_id": department.siasn_head_pns_id or False,
            }
            if update != current:
                department.write({key: value for key, value in update.items() if current[key] != value})
        return departments

    def _apply_people(self, plan, env, departments):
        """Create the new employees and write what changed; the managers come after. Returns the changed."""
        jobs = self._jobs({item["vals"]["job_id"] for item in plan["people"] if item["vals"]["job_id"]}, env)

        def resolve(vals):
            resolved = {key: value for key, value in vals.items() if value and key != "parent_id"}
            if "department_id" in resolved:
                resolved["department_id"] = departments[resolved["department_id"]].id
            if "job_id" in resolved:
                resolved["job_id"] = jobs[resolved["job_id"]].id
            return resolved

        new_people = [item for item in plan["people"] if item["change"] == "create"]
        created = env["hr.employee"].create(
            [dict(resolve(item["vals"]), company_id=env.company.id) for item in new_people]
        )
        for item, employee in zip(new_people, created, strict=True):
            item["employee"] = employee
        changed = [item for item in plan["people"] if item["change"] == "update"]
        for item in changed:
            if update := resolve({key: new for key, (_old, new) in item["diff"].items()}):
                item["employee"].with_env(env).write(update)
        return changed

    def _apply_managers(self, plan, env):
        """Heads of units and managers, now that everyone exists; the appraisers follow the managers."""
        Employee = env["hr.employee"]
        by_pns = {
            employee.siasn_id: employee
            for employee in Employee.search([("siasn_id", "!=", False), ("company_id", "=", env.company.id)])
        }
        for unit in plan["units"]:
            head = by_pns.get(unit["vals"]["head"], Employee)
            if head and unit["department"].manager_id != head:
                unit["department"].with_env(env).write({"manager_id": head.id})
        # one write per manager, not per person: the appraisers follow in batches
        moving = defaultdict(lambda: Employee)
        for item in plan["people"]:
            manager = by_pns.get(item["vals"]["parent_id"], Employee)
            if manager and item["employee"].parent_id != manager:
                moving[manager] |= item["employee"]
        for manager, employees in moving.items():
            employees.with_env(env).write({"parent_id": manager.id})
        return by_pns

    def _jobs(self, names, env):
        """hr.job by name (agency-wide, no department), created when missing."""
        Job = env["hr.job"]
        jobs = {
            job.name: job
            for job in Job.search(
                [("name", "in", list(names)), ("company_id", "=", env.company.id), ("department_id", "=", False)]
            )
        }
        missing = sorted(names - set(jobs))
        for job in Job.create([{"name": name, "company_id": env.company.id} for name in missing]):
            jobs[job.name] = job
        return jobs

    def _change_line(self, diff):
        """The chatter line of an employee a SIASN import changed: field, old → new."""
        fields_ = self.env["hr.employee"]._fields
        parts = [
            f"{fields_[key]._description_string(self.env)}: {old or '-'} → {new}" for key, (old, new) in diff.items()
        ]
        return self.env._("Updated from SIASN: %(changes)s", changes="; ".join(parts))


class AsnKinerjaSiasnImportProblem(models.TransientModel):
    _name = "asn.kinerja.siasn.import.problem"
    _description = "SIASN Import Problem"
    _order = "blocking desc, line, id"

    wizard_id = fields.Many2one("asn.kinerja.siasn.import", required=True, ondelete="cascade")
    line = fields.Integer(help="Line of the employee file; 0 for a unit or an employee not in the file.")
    reference = fields.Char("NIP / Unit Id")
    name = fields.Char()
    kind = fields.Selection(PROBLEM_KINDS, required=True)
    message = fields.Char("Problem")
    blocking = fields.Boolean("Blocks the Import")

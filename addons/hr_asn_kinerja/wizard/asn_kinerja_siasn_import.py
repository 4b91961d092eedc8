"""Moving in from SIASN (docs/rules.md §22): units from the ref-unor JSON, people from the "Export Data ASN"
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

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..tools import siasn_master as sm
from ..tools.nip import NipError, normalize_nip, parse_nip

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
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}


class AsnKinerjaSiasnImport(models.TransientModel):
    _name = "asn.kinerja.siasn.import"
    _description = "Import from SIASN"

    employee_file = fields.Binary(
        "Export Data ASN (CSV)", attachment=False, help="SIASN's Export Data ASN of the whole agency, |-delimited."
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
    count_problem = fields.Integer("Problems", readonly=True)
    count_absent = fields.Integer("Absent from the File", readonly=True)
    problem_ids = fields.One2many(
        "asn.kinerja.siasn.import.problem", "wizard_id", "Problems", domain=[("blocking", "=", True)], readonly=True
    )
    note_ids = fields.One2many(
        "asn.kinerja.siasn.import.problem", "wizard_id", "Notes", domain=[("blocking", "=", False)], readonly=True
    )

    # ------------------------------------------------------------------
    # the actions
    # ------------------------------------------------------------------
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
        plan = self._plan()
        blocking = [problem for problem in plan["problems"] if problem["blocking"]]
        if blocking and not self.skip_problems:
            lines = [self._problem_text(problem) for problem in blocking[:20]]
            if len(blocking) > 20:
                lines.append(self.env._("… and %(count)s more.", count=len(blocking) - 20))
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s problem(s). Fix the files, or tick "
                    "\"Skip Rows with Problems\" to import the valid rows.\n%(lines)s",
                    count=len(blocking),
                    lines="\n".join(lines),
                )
            )
        self._apply(plan)
        self._store(plan, "done")
        return self._reopen()

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
                    Command.create({key: problem[key] for key in ("line", "reference", "name", "kind", "message", "blocking")})
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
                raise UserError(self.env._("The unit reference is not SIASN's ref-unor JSON: %(error)s", error=error)) from None
        if (content := self._file_content(self.employee_file, self.env._("employee file"))) is not None:
            rows = sm.read_employee_csv(content)
            if rows and "nip_baru" not in rows[0]:
                raise UserError(self.env._("The employee file has no column nip_baru: is it SIASN's Export Data ASN (|-delimited)?"))
        if units is None and rows is None:
            raise UserError(self.env._("Choose the Export Data ASN file, the unit reference, or both."))
        return units, rows

    # ------------------------------------------------------------------
    # the plan: everything decided before anything is written
    # ------------------------------------------------------------------
    def _plan(self):
        units, rows = self._read_files()
        company = self.env.company
        Department = self.env["hr.department"].sudo()
        Employee = self.env["hr.employee"].sudo()
        problems = []

        def problem(kind, message, line=0, reference="", name="", blocking=True):
            problems.append(
                {"kind": kind, "message": message, "line": line, "reference": reference, "name": name, "blocking": blocking}
            )

        departments = {
            dep.siasn_unor_id: dep
            for dep in Department.search_fetch(
                [("siasn_unor_id", "!=", False), ("company_id", "in", [company.id, False])],
                ["siasn_unor_id", "siasn_head_pns_id", "name", "parent_id", "manager_id"],
            )
        }
        employees = Employee.search_fetch(
            [("company_id", "=", company.id)],
            ["siasn_id", "nip", "appraiser_is_override", "appraiser_id", *EMPLOYEE_FIELDS],
        )
        by_siasn = {emp.siasn_id: emp for emp in employees if emp.siasn_id}
        by_nip = {emp.nip: emp for emp in employees if emp.nip}

        # --- units: parent and head of every unit we know, the reference first ---
        ref_units = {unit["id"]: unit for unit in units or [] if unit["id"]}
        parent_of = {uid: dep.parent_id.siasn_unor_id or "" for uid, dep in departments.items()}
        head_of = {uid: dep.siasn_head_pns_id or dep.manager_id.siasn_id or "" for uid, dep in departments.items()}
        eselon_of = {}
        for uid, unit in ref_units.items():
            parent_of[uid] = unit["parent"] if unit["parent"] != uid else ""
            head_of[uid] = unit["head"]
            eselon_of[uid] = unit["eselon"]
        for uid, unit in ref_units.items():
            seen = [uid]
            current = parent_of.get(uid)
            while current and current in parent_of:
                if current in seen:
                    problem(
                        "cycle",
                        self.env._("Unit %(unit)s is its own parent through DiatasanId.", unit=unit["name"]),
                        reference=uid,
                        name=unit["name"],
                    )
                    break
                seen.append(current)
                current = parent_of.get(current)
        cyclic_units = {item["reference"] for item in problems if item["kind"] == "cycle"}
        for uid in cyclic_units:
            del ref_units[uid]
            parent_of.pop(uid, None)
            head_of.pop(uid, None)
        known_units = set(parent_of)

        # --- people: check every row on its own ---
        row_plans = []
        nip_lines, pns_lines, email_lines = defaultdict(list), defaultdict(list), defaultdict(list)
        for index, row in enumerate(rows or []):
            line = index + 2
            nip = normalize_nip(row.get("nip_baru", ""))
            pns_id = row.get("pns_id", "")
            name = sm.full_name(row)
            asn_type = sm.asn_type_of(row)
            item = {"line": line, "row": row, "nip": nip, "pns_id": pns_id, "name": name, "asn_type": asn_type}
            item["problems"] = row_problems = []

            def row_problem(kind, message, item=item, row_problems=row_problems):
                row_problems.append(kind)
                problem(kind, message, item["line"], item["nip"] or item["pns_id"], item["name"])

            try:
                info = parse_nip(nip, asn_type)
            except NipError as error:
                info = None
                row_problem("nip_invalid", self.env._(error.message))
            if info:
                birth = sm.parse_date(row.get("tanggal_lahir") or row.get("tgl_lahir") or "")
                sex = sm.sex_of(row)
                if birth and birth != info.birth_date:
                    row_problem(
                        "nip_mismatch",
                        self.env._(
                            "The NIP says born %(nip_date)s, the file %(file_date)s.",
                            nip_date=info.birth_date.strftime("%d-%m-%Y"),
                            file_date=birth.strftime("%d-%m-%Y"),
                        ),
                    )
                if sex and sex != info.sex:
                    row_problem("nip_mismatch", self.env._("The NIP's sex digit does not match jenis_kelamin."))
                if (asn_type == "pppk") != (nip[12:14] == "21"):
                    row_problem(
                        "nip_mismatch",
                        self.env._("A PPPK's number carries the code 21 in digits 13-14, a PNS's NIP does not.")
                        if asn_type == "pppk"
                        else self.env._("The NIP carries the PPPK code 21 but the status is PNS."),
                    )
            rank = sm.rank_of(row, asn_type)
            if not rank and (row.get("gol_akhir_id") or row.get("gol_akhir_nama")):
                row_problem(
                    "unknown_golongan",
                    self.env._(
                        "Golongan code %(code)s (%(label)s) is not known.",
                        code=row.get("gol_akhir_id", ""),
                        label=row.get("gol_akhir_nama", ""),
                    ),
                )
            jenis = row.get("jenis_jabatan_id", "").lstrip("0")
            if jenis and jenis not in sm.JENIS_JABATAN:
                row_problem("unknown_jabatan", self.env._("Jabatan type code %(code)s is not known.", code=jenis))
            unit = row.get("unor_id", "")
            if not unit:
                row_problem("no_unit", self.env._("No unit (unor_id)."))
            elif unit not in known_units:
                row_problem(
                    "unknown_unit",
                    self.env._(
                        "Unit %(unit)s (%(name)s) is not in the unit reference.",
                        unit=unit,
                        name=row.get("unor_nama", ""),
                    ),
                )
            item.update(rank=rank, jenis=jenis, unit=unit)
            item["email"] = (row.get("email_gov") or row.get("email") or "").lower()
            item["employee"] = by_siasn.get(pns_id) if pns_id else None
            item["employee"] = item["employee"] or by_nip.get(nip) or Employee
            if nip:
                nip_lines[nip].append(item)
            if pns_id:
                pns_lines[pns_id].append(item)
            if item["email"]:
                email_lines[item["email"]].append(item)
            row_plans.append(item)

        for key, items in list(nip_lines.items()) + list(pns_lines.items()):
            if len(items) > 1:
                for item in items:
                    problem(
                        "duplicate_nip",
                        self.env._(
                            "%(key)s is on lines %(lines)s.", key=key, lines=", ".join(str(i["line"]) for i in items)
                        ),
                        item["line"],
                        item["nip"],
                        item["name"],
                    )
                    item["problems"].append("duplicate_nip")
        matched = {item["employee"].id for item in row_plans if item["employee"]}
        taken_emails = {
            (emp.work_email or "").lower(): emp for emp in employees if emp.work_email and emp.id not in matched
        }
        for email, items in email_lines.items():
            if len(items) > 1 or email in taken_emails:
                for item in items:
                    others = [str(i["line"]) for i in items if i is not item]
                    problem(
                        "duplicate_email",
                        self.env._("%(email)s is also on line(s) %(lines)s.", email=email, lines=", ".join(others))
                        if others
                        else self.env._("%(email)s belongs to %(other)s.", email=email, other=taken_emails[email].name),
                        item["line"],
                        item["nip"],
                        item["name"],
                    )
                    item["problems"].append("duplicate_email")

        # --- heads and managers, by the unit rule; cycles are problems ---
        valid = [item for item in row_plans if not item["problems"]]
        people = {item["pns_id"] for item in valid if item["pns_id"]} | set(by_siasn)
        for uid, unit in ref_units.items():
            if unit["head"] and unit["head"] not in people:
                problem(
                    "head_missing",
                    self.env._(
                        "The head of %(unit)s (SIASN id %(head)s) is neither in the file nor an employee.",
                        unit=unit["name"],
                        head=unit["head"],
                    ),
                    reference=uid,
                    name=unit["name"],
                    blocking=rows is not None,
                )
        while True:
            heads = {uid: head for uid, head in head_of.items() if head in people}
            for item in valid:
                item["manager"] = self._manager_by_unit(item["pns_id"], item["unit"], heads, parent_of)
            manager_of = {item["pns_id"]: item["manager"] for item in valid if item["pns_id"]}
            cyclic = self._cycles(manager_of)
            if not cyclic:
                break
            for item in valid:
                if item["pns_id"] in cyclic:
                    item["problems"].append("cycle")
                    problem(
                        "cycle",
                        self.env._("Appraiser chain comes back to this person (heads of units sitting in each other's units)."),
                        item["line"],
                        item["nip"],
                        item["name"],
                    )
            valid = [item for item in valid if not item["problems"]]
            people -= cyclic
        # with problems skipped the valid rows stand alone: who they would report to must be imported too
        valid_ids = {item["pns_id"] for item in valid}
        people = valid_ids | set(by_siasn)

        # --- what changes ---
        counts = {"create": 0, "update": 0, "unchanged": 0}
        unit_plans = []
        for uid, unit in ref_units.items():
            dep = departments.get(uid)
            vals = {
                "name": unit["name"] or uid,
                "parent": parent_of.get(uid) if parent_of.get(uid) in known_units else "",
                "head": unit["head"] if unit["head"] in people else "",
                "head_pns_id": unit["head"],
            }
            if not dep:
                change = "create"
            else:
                current = {
                    "name": dep.name,
                    "parent": dep.parent_id.siasn_unor_id or "",
                    "head": dep.manager_id.siasn_id or "",
                    "head_pns_id": dep.siasn_head_pns_id or "",
                }
                change = "update" if any(current[key] != vals[key] for key in vals) else "unchanged"
            counts[change] += 1
            unit_plans.append({"id": uid, "department": dep, "vals": vals, "change": change})
        for uid, dep in departments.items():
            # units of an earlier import whose head comes with these people
            head = head_of.get(uid)
            if uid not in ref_units and head in people and (dep.manager_id.siasn_id or "") != head:
                vals = {
                    "name": dep.name,
                    "parent": dep.parent_id.siasn_unor_id or "",
                    "head": head,
                    "head_pns_id": dep.siasn_head_pns_id or "",
                }
                counts["update"] += 1
                unit_plans.append({"id": uid, "department": dep, "vals": vals, "change": "update"})

        jenis_position = {key: position for key, (_label, position) in sm.JENIS_JABATAN.items()}
        headed = {head: uid for uid, head in head_of.items() if head}
        for item in valid:
            row = item["row"]
            position = jenis_position.get(item["jenis"])
            if item["jenis"] == "1" and item["pns_id"] in headed:
                position = sm.POSITION_BY_ESELON.get(eselon_of.get(headed[item["pns_id"]], "")[:1])
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
                "parent_id": item["manager"] if item["manager"] in people else "",
            }
            employee = item["employee"]
            if not employee:
                item["change"] = "create"
                item["diff"] = {}
            else:
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
                item["change"] = "update" if item["diff"] else "unchanged"
                rule_manager = item["vals"]["parent_id"]
                if employee.appraiser_is_override and rule_manager and employee.appraiser_id.siasn_id != rule_manager:
                    problem(
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
            counts[item["change"]] += 1

        if rows is not None:
            seen = {item["employee"].id for item in row_plans if item["employee"]}
            for employee in employees:
                if employee.id not in seen and (employee.nip or employee.siasn_id):
                    problem(
                        "absent",
                        self.env._("In Odoo, not in the file: check whether they left; nothing was archived."),
                        reference=employee.nip or employee.siasn_id,
                        name=employee.name,
                        blocking=False,
                    )
        problems.sort(key=lambda item: (not item["blocking"], item["line"], item["reference"]))
        return {"units": unit_plans, "people": valid, "problems": problems, "counts": counts, "departments": departments}

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
        company = env.company
        Department = env["hr.department"]
        Employee = env["hr.employee"]
        departments = dict(plan["departments"])

        # units first without heads: the heads may be among the people
        new_units = [unit for unit in plan["units"] if unit["change"] == "create"]
        created = Department.create(
            [{"name": unit["vals"]["name"], "siasn_unor_id": unit["id"], "company_id": company.id} for unit in new_units]
        )
        for unit, department in zip(new_units, created, strict=True):
            departments[unit["id"]] = unit["department"] = department
        for unit in plan["units"]:
            vals = unit["vals"]
            department = unit["department"].with_env(env)
            parent = departments.get(vals["parent"], Department)
            update = {}
            if department.name != vals["name"]:
                update["name"] = vals["name"]
            if department.parent_id != parent:
                update["parent_id"] = parent.id
            if (department.siasn_head_pns_id or "") != vals["head_pns_id"]:
                update["siasn_head_pns_id"] = vals["head_pns_id"] or False
            if update:
                department.write(update)

        jobs = self._jobs({item["vals"]["job_id"] for item in plan["people"] if item["vals"]["job_id"]}, env)

        def resolve(vals):
            resolved = {key: value for key, value in vals.items() if value and key != "parent_id"}
            if "department_id" in resolved:
                resolved["department_id"] = departments[resolved["department_id"]].id
            if "job_id" in resolved:
                resolved["job_id"] = jobs[resolved["job_id"]].id
            return resolved

        new_people = [item for item in plan["people"] if item["change"] == "create"]
        created = Employee.create([dict(resolve(item["vals"]), company_id=company.id) for item in new_people])
        for item, employee in zip(new_people, created, strict=True):
            item["employee"] = employee
        changed = [item for item in plan["people"] if item["change"] == "update"]
        for item in changed:
            update = resolve({key: new for key, (_old, new) in item["diff"].items()})
            if update:
                item["employee"].with_env(env).write(update)

        # heads and managers, now that everyone exists
        by_pns = {employee.siasn_id: employee for employee in Employee.search([("siasn_id", "!=", False), ("company_id", "=", company.id)])}
        for unit in plan["units"]:
            head = by_pns.get(unit["vals"]["head"], Employee)
            if head and unit["department"].manager_id != head:
                unit["department"].with_env(env).write({"manager_id": head.id})
        for item in plan["people"]:
            manager = by_pns.get(item["vals"]["parent_id"], Employee)
            employee = item["employee"].with_env(env)
            if manager and employee.parent_id != manager:
                employee.write({"parent_id": manager.id})
        names = {
            "department_id": {uid: department.name for uid, department in departments.items()},
            "parent_id": {pns_id: employee.name for pns_id, employee in by_pns.items()},
        }
        for item in changed:
            diff = {key: (old, names.get(key, {}).get(new, new)) for key, (old, new) in item["diff"].items()}
            item["employee"].with_env(self.env).message_post(body=self._change_line(diff))

    def _jobs(self, names, env):
        """hr.job by name (agency-wide, no department), created when missing."""
        Job = env["hr.job"]
        jobs = {job.name: job for job in Job.search([("name", "in", list(names)), ("company_id", "=", env.company.id), ("department_id", "=", False)])}
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
    line = fields.Integer("Line", help="Line of the employee file; 0 for a unit or an employee not in the file.")
    reference = fields.Char("NIP / Unit Id")
    name = fields.Char("Name")
    kind = fields.Selection(PROBLEM_KINDS, "Kind", required=True)
    message = fields.Char("Problem")
    blocking = fields.Boolean("Blocks the Import")

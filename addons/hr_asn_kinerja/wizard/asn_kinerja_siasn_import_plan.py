"""The plan of a SIASN import (docs/rules.md §23): everything decided before anything is written; the units,
the managers by the unit rule and their cycles. The rows are checked in ``_rows``, the people's changes
planned in ``_people``."""

from odoo import api, models

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
    _inherit = "asn.kinerja.siasn.import"  # pylint: disable=consider-merging-classes-inherited

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

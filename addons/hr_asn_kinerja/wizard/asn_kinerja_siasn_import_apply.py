"""Writing the plan of a SIASN import (docs/rules.md §23): units, then people, transfers and managers, with
one chatter line per changed employee."""

from collections import defaultdict

from markupsafe import escape

from odoo import models
from odoo.exceptions import UserError, ValidationError

QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}


class AsnKinerjaSiasnImport(models.TransientModel):
    _inherit = "asn.kinerja.siasn.import"  # pylint: disable=consider-merging-classes-inherited

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

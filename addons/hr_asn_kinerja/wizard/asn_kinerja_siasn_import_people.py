"""The people's changes of a SIASN import (docs/rules.md §23): what each valid row changes, the transfers
these changes are, and the people no longer in a full file."""

from collections import defaultdict

from odoo import fields, models

from ..tools import siasn_master as sm


class AsnKinerjaSiasnImport(models.TransientModel):
    _inherit = "asn.kinerja.siasn.import"  # pylint: disable=consider-merging-classes-inherited

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

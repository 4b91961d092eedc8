"""Checking the rows of a SIASN import's employee file (docs/rules.md §23): each row on its own (NIP, golongan,
jabatan, unit), then the NIPs and e-mails found twice."""

from collections import defaultdict

from odoo import models

from ..tools import siasn_master as sm
from ..tools.nip import PPPK_MONTH_CODE, PPPK_TYPES, NipError, normalize_nip, parse_nip


class AsnKinerjaSiasnImport(models.TransientModel):
    _inherit = "asn.kinerja.siasn.import"  # pylint: disable=consider-merging-classes-inherited

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

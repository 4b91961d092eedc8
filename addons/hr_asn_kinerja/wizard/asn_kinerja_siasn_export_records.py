"""The records of a SIASN export (docs/rules.md §10, §15): each SKP of the period as SIASN's ``skp22`` or
``kinerjaperiodik`` body and its row of the e-Kinerja recap, or left out with the reason."""

from odoo import api, models

from ..tools.nip import PPPK_TYPES, format_nip
from ..tools.periods import period_label
from ..tools.predicate import PREDICATE_NAMES_ID, RATING_NAMES_ID

# the appraiser kept on the SKP at finalisation (models/asn_kinerja_appraisal_final.py)
FINAL_APPRAISER_KEYS = ("name", "nip", "asn_type", "rank", "job", "unit")
FINAL_APPRAISER_FIELDS = tuple(f"final_appraiser_{key}" for key in FINAL_APPRAISER_KEYS)


def _reference(code):
    """A code SIASN takes as a reference id: a string (``"2"``), or null where no code is known."""
    return None if code in (None, False, "") else str(code)


class AsnKinerjaSiasnExport(models.TransientModel):
    _inherit = "asn.kinerja.siasn.export"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # the records
    # ------------------------------------------------------------------
    def _collect(self):
        """The SIASN records of the period and those left out: ``({section: [(payload, display row)]},
        [left-out line values])``. Other addons add sections (hr_asn_training: diklat, kursus)."""
        sections = {"skp22": [], "kinerjaperiodik": []}
        left_out = []
        codes = self.env["asn.kinerja.siasn.code"]._code_table()
        skps = self._appraisals()
        # a result under objection may still change (PP 30/2019): it goes once decided
        pending = set(
            self.env["asn.kinerja.objection"]
            .sudo()
            .search([("appraisal_id", "in", skps.ids), ("state", "=", "submitted")])
            .appraisal_id.ids
        )
        for skp in skps:
            section = "skp22" if skp.period_id.period_type == "annual" else "kinerjaperiodik"
            if not skp.is_last_part:
                # a period of several posts goes as the result of the last one (docs/rules.md §17)
                left_out.append(self._left_out_vals(section, skp.employee_id, self._part_reason(skp), skp.period_id))
            elif reason := self._skp_left_out_reason(skp, codes, pending):
                left_out.append(self._left_out_vals(section, skp.employee_id, reason, skp.period_id))
            else:
                sections[section].append((self._skp_payload(skp, codes), self._skp_display(skp)))
        return sections, left_out

    def _appraisals(self):
        """Every SKP of the period and of its sub-periods, read in a fixed number of queries."""
        periods = self.period_id | self.period_id.child_ids
        skps = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search_fetch(
                [("period_id", "in", periods.ids)],
                ["period_id", "employee_id", "appraiser_id", "department_id", "job_id", "state"]
                + ["date_start", "date_end", "is_last_part"]
                + ["result_rating", "behavior_rating", "predicate"]
                + list(FINAL_APPRAISER_FIELDS),
                order="period_id, employee_name, id",
            )
        )
        people = skps.employee_id | skps.appraiser_id
        people.fetch(["name", "nip", "asn_type", "asn_rank", "version_id"])
        people.version_id.fetch(["department_id", "job_id", "job_title"])
        (skps.department_id | people.department_id).fetch(["name"])
        (skps.job_id | people.job_id).fetch(["name"])
        return skps

    def _part_reason(self, skp):
        """Why an earlier part of a period of several posts is not sent: SIASN takes one result per period."""
        return self.env._(
            "Earlier post (%(start)s - %(end)s) of a period with several posts: the result of the last post "
            "is exported.",
            start=skp.date_start,
            end=skp.date_end,
        )

    def _identity_left_out_reason(self, employee):
        """Why SIASN cannot tell who ``employee`` is, or '': SIASN finds a civil servant by the NIP."""
        if employee.nip:
            return ""
        if employee.asn_type in PPPK_TYPES:
            return self.env._("PPPK without an NI PPPK number.")
        return self.env._("No NIP.")

    def _skp_left_out_reason(self, skp, codes, pending=()):
        """Why ``skp`` cannot go to SIASN, or ''; ``pending``: the ids of the SKPs under objection."""
        if skp.state != "done":
            states = dict(skp._fields["state"]._description_selection(self.env))
            return self.env._("Not finished (%(state)s).", state=states[skp.state])
        if skp.id in pending:
            return self.env._("Objection not decided yet: the result may still change.")
        if reason := self._identity_left_out_reason(skp.employee_id):
            return reason
        if not skp.appraiser_id:
            return self.env._("No appraiser (Pejabat Penilai).")
        missing = [
            label
            for kind, key, label in (
                ("rating", skp.result_rating, RATING_NAMES_ID.get(skp.result_rating)),
                ("rating", skp.behavior_rating, RATING_NAMES_ID.get(skp.behavior_rating)),
                ("predicate", skp.predicate, PREDICATE_NAMES_ID.get(skp.predicate)),
            )
            if key not in codes[kind]
        ]
        period_type = skp.period_id.period_type
        if period_type != "annual" and period_type not in codes["period_type"]:
            types = dict(skp.period_id._fields["period_type"]._description_selection(self.env))
            missing.append(types[period_type])
        if missing:
            return self.env._("No SIASN code for %(values)s (see SIASN Codes).", values=", ".join(missing))
        return ""

    def _skp_payload(self, skp, codes):
        """The body SIASN takes for the SKP: skp22 (annual) or kinerjaperiodik, typed as SIASN declares it."""
        period, appraiser = skp.period_id, self._final_appraiser(skp)
        values = {
            "nipBaru": skp.employee_id.nip,
            "hasilKinerjaNilai": codes["rating"][skp.result_rating],
            "perilakuKerjaNilai": codes["rating"][skp.behavior_rating],
            "kuadranKinerjaNilai": codes["predicate"][skp.predicate],
            "penilaiNama": appraiser["name"],
            "penilaiNipNrp": appraiser["nip"],
            "penilaiGolongan": _reference(codes["golongan"].get(appraiser["rank"])),
            "penilaiUnorNama": appraiser["unit"],
            "statusPenilai": "ASN" if appraiser["asn_type"] else "NON ASN",
        }
        if period.period_type == "annual":
            return {"tahun": period.date_end.year, **values, "penilaiJabatan": appraiser["job"]}
        return {
            "tahun": period.date_start.year,
            "tahunMulaiPenilaian": period.date_start.year,
            "bulanMulaiPenilaian": period.date_start.month,
            "tahunSelesaiPenilaian": period.date_end.year,
            "bulanSelesaiPenilaian": period.date_end.month,
            "periodikId": _reference(codes["period_type"][period.period_type]),
            "koefisienId": _reference(codes.get("koefisien", {}).get(skp.job_id.name)),
            **values,
            "penilaiJabatanNama": appraiser["job"],
        }

    def _final_appraiser(self, skp):
        """The appraiser as kept on the SKP when it was finalised; for an SKP finalised before they were kept
        (and not migrated), the appraiser's data of today."""
        if skp.final_appraiser_name:
            return {name: skp[f"final_appraiser_{name}"] or "" for name in FINAL_APPRAISER_KEYS}
        appraiser = skp.appraiser_id
        return {
            "name": appraiser.name or "",
            "nip": appraiser.nip or "",
            "asn_type": appraiser.asn_type or "",
            "rank": appraiser.asn_rank or "",
            "job": appraiser.job_title or appraiser.job_id.name or "",
            "unit": appraiser.department_id.name or "",
        }

    def _skp_display(self, skp):
        """The row of the e-Kinerja recap (SKP_HEADERS)."""
        employee, appraiser, period = skp.employee_id, self._final_appraiser(skp), skp.period_id
        return (
            format_nip(employee.nip),
            employee.name,
            employee.asn_rank or "",
            employee.job_title or skp.job_id.name or "",
            skp.department_id.name or "",
            period_label(period.period_type, period.date_start, period.date_end),
            RATING_NAMES_ID[skp.result_rating],
            RATING_NAMES_ID[skp.behavior_rating],
            PREDICATE_NAMES_ID[skp.predicate],
            appraiser["name"],
            format_nip(appraiser["nip"]) if appraiser["nip"] else "",
        )

    @api.model
    def _left_out_vals(self, section, employee, reason, period=None):
        return {
            "section": section,
            "employee_id": employee.id,
            "employee_name": employee.name,
            "nip": employee.nip or "",
            "period_id": period.id if period else False,
            "reason": reason,
        }

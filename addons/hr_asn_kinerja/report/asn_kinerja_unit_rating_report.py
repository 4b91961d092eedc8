"""Penetapan Predikat Kinerja Pegawai (docs/rules.md §5): per unit and period, the unit's rating, its
allowed spread against the actual one, every employee's predikat, who prepared it and who set it.

HR and the heads of the unit (or of a parent unit) print it; the SKPs and people are then read with
sudo, since a head may not read every SKP of the unit."""

from odoo import api, models
from odoo.exceptions import AccessError

from ..tools.distribution import check_distribution, rule_text
from ..tools.nip import format_nip
from ..tools.periods import format_date_id, period_range_id
from ..tools.predicate import PREDICATE_NAMES_ID, PREDICATES


class ReportUnitRating(models.AbstractModel):
    _name = "report.hr_asn_kinerja.report_unit_rating"
    _description = "Penetapan Predikat Kinerja Pegawai"

    @api.model
    def _get_report_values(self, docids, data=None):
        unit_ratings = self.env["asn.kinerja.unit.rating"].browse(docids)
        unit_ratings.check_access("read")
        for unit_rating in unit_ratings:
            self._check_reader(unit_rating)
        return {
            "doc_ids": docids,
            "doc_model": "asn.kinerja.unit.rating",
            "docs": unit_ratings.sudo(),
            "report_lang": self._report_lang,
            "rows_of": self._rows_of,
            "checks_of": self._checks_of,
            "spread_of": self._spread_of,
            "signers_of": self._signers_of,
            "format_date_id": format_date_id,
            "period_range_id": period_range_id,
            "format_nip": format_nip,
        }

    def _check_reader(self, unit_rating):
        """HR, who sets it, or the head of the unit or of one of its parent units."""
        if self.env.su or unit_rating._get_roles() & {"officer", "setter"}:
            return
        heads = self.env["hr.department"].sudo().search([("id", "parent_of", unit_rating.sudo().department_id.id)])
        if self.env.user not in heads.manager_id.user_id:
            raise AccessError(
                self.env._(
                    "Only Pengelola Kinerja and the head of %(unit)s may print its Penetapan Predikat Kinerja.",
                    unit=unit_rating.sudo().department_id.name,
                )
            )

    def _report_lang(self, unit_rating):
        return unit_rating.department_id.manager_id.work_contact_id.lang or self.env.lang or "en_US"

    def _rows_of(self, unit_rating):
        """The SKPs the Penetapan counts (finished; once confirmed, those it counted), by unit and name."""
        return (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search(unit_rating._appraisal_domain(), order="department_id, employee_name, id")
        )

    def _spread_of(self, unit_rating):
        """[(predikat name, count, percent)] in the predikat order."""
        counts = unit_rating._predicate_counts()
        total = sum(counts.values())
        return [
            (PREDICATE_NAMES_ID[key], counts.get(key, 0), counts.get(key, 0) * 100 / total if total else 0)
            for key in PREDICATES
        ]

    def _checks_of(self, unit_rating):
        """[(rule in the forms' words, actual count, actual percent, met)] of the unit's pattern."""
        return [
            (rule_text(check.kind, check.predicates, check.limit), check.count, check.percent, check.ok)
            for check in check_distribution(unit_rating._predicate_counts(), unit_rating.rating)
        ]

    def _signers_of(self, unit_rating):
        """Who prepared the Penetapan (Pengelola Kinerja) and who set it (the appraiser of the unit's head, or
        whom HR named), with their dates; never the unit's head, who is among those it rates (docs/rules.md §5).
        Before it is set, the one who will set it, with the date left blank."""
        preparer = unit_rating.prepared_by_id
        preparer_employee = preparer.employee_id if preparer else self.env["hr.employee"]
        setter = unit_rating.set_by_id or unit_rating.setter_id
        return {
            "prepared": self._person(preparer_employee, preparer.name or "", unit_rating.date_prepared),
            "set": self._person(setter, setter.name or "", unit_rating.date_confirmed),
        }

    def _person(self, employee, name, date):
        return {
            "name": employee.name or name,
            "nip": format_nip(employee.nip) if employee.nip else "",
            "job": employee.job_title or employee.job_id.name or "",
            "date": format_date_id(date) if date else "",
        }

"""Values of the three printed SKP documents (docs/rules.md §12).

The caller must be able to read the SKPs; the people data (names, NIP, rank, unit of the
appraiser and their superior) is then read with sudo, so that an employee or a supervisor
without HR rights can print what they can read.
"""

from odoo import api, models

from ..tools.distribution import distribution_text
from ..tools.nip import format_nip
from ..tools.periods import format_date_id, period_range_id


class AsnKinerjaReportMixin(models.AbstractModel):
    _name = "asn.kinerja.report.mixin"
    _description = "SKP Printed Documents"

    # which signature date each document prints
    _sign_date_fields = ("date_approved",)
    # the Dokumen Evaluasi leaves NIP and pangkat empty for non-PNS staff
    _identity_only_pns = False

    @api.model
    def _get_report_values(self, docids, data=None):
        appraisals = self.env["asn.kinerja.appraisal"].browse(docids)
        appraisals.check_access("read")
        docs = appraisals.sudo()
        return {
            "doc_ids": docids,
            "doc_model": "asn.kinerja.appraisal",
            "docs": docs,
            "report_lang": self._report_lang,
            "people_of": self._people_of,
            "result_groups": self._result_groups,
            "sign_date_of": self._sign_date_of,
            "sign_place_of": self._sign_place_of,
            "format_date_id": format_date_id,
            "period_range_id": period_range_id,
            "distribution_text": distribution_text,
        }

    def _report_lang(self, appraisal):
        """Print in the language of the employee's partner, else the user's."""
        return appraisal.employee_id.work_contact_id.lang or self.env.lang or "en_US"

    def _people_of(self, appraisal):
        """The employee, the appraiser and the appraiser's superior as the forms print them.
        Selection labels follow the language of ``appraisal``'s environment."""
        return {
            "employee": self._person(
                appraisal.employee_id,
                "employee",
                department=appraisal.department_id,
                job=appraisal.employee_job_title or appraisal.job_id.name,
            ),
            "appraiser": self._person(appraisal.appraiser_id, "appraiser"),
            "superior": self._person(appraisal.appraiser_superior_id, "superior"),
        }

    def _person(self, employee, role, department=None, job=None):
        show_identity = not self._identity_only_pns or employee.asn_type == "pns"
        ranks = dict(employee._fields["asn_rank"]._description_selection(employee.env))
        return {
            "role": role,
            "name": employee.name or "",
            "nip": format_nip(employee.nip) if employee.nip and show_identity else "",
            "rank": ranks.get(employee.asn_rank, "") if show_identity else "",
            "job": job or employee.job_title or employee.job_id.name or "",
            "unit": (department or employee.department_id).name or "",
        }

    def _result_groups(self, lines):
        """Consecutive rows of the same work result (RHK) and supported superior result, so the
        form prints the result once with its indicators."""
        groups = []
        for line in lines:
            if groups and (groups[-1][0].name, groups[-1][0].parent_line_id) == (line.name, line.parent_line_id):
                groups[-1] |= line
            else:
                groups.append(line)
        return groups

    def _sign_date_of(self, appraisal):
        return next((appraisal[name] for name in self._sign_date_fields if appraisal[name]), False)

    def _sign_place_of(self, appraisal):
        company = appraisal.company_id
        return company.kinerja_sign_place or company.city or ""


class ReportSkp(models.AbstractModel):
    _name = "report.hr_asn_kinerja.report_skp"
    _inherit = ["asn.kinerja.report.mixin"]
    _description = "SKP (JA/JF)"


class ReportEvaluation(models.AbstractModel):
    _name = "report.hr_asn_kinerja.report_evaluation"
    _inherit = ["asn.kinerja.report.mixin"]
    _description = "Evaluasi Kinerja Pegawai"

    _sign_date_fields = ("date_scored",)


class ReportEvaluationDocument(models.AbstractModel):
    _name = "report.hr_asn_kinerja.report_evaluation_document"
    _inherit = ["asn.kinerja.report.mixin"]
    _description = "Dokumen Evaluasi Kinerja Pegawai"

    _sign_date_fields = ("date_done", "date_scored")
    _identity_only_pns = True

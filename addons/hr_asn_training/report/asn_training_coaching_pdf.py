from odoo import api, models


class ReportCoaching(models.AbstractModel):
    """Forms B.1.8 and B.1.9: read with the reader's rights first, so that a coaching that does not exist
    answers 404 (Odoo's MissingError) like the SKP forms, not a failed rendering (500)."""

    _name = "report.hr_asn_training.report_coaching"
    _description = "Coaching Forms (B.1.8 and B.1.9)"

    @api.model
    def _get_report_values(self, docids, data=None):
        coachings = self.env["asn.training.coaching"].browse(docids)
        coachings.check_access("read")
        return {"doc_ids": docids, "doc_model": coachings._name, "docs": coachings, "data": data}

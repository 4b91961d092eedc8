"""When the Dokumen Evaluasi Kinerja Pegawai of a final result is rendered (docs/performance.md, "The Dokumen
of a result"): by default when its employee first asks for it (the report keeps it, ``asn.kinerja.pdf``, and
serves the kept file from then on); in advance by low-priority jobs only where a job node has workers of its
own (``hr_asn_kinerja.documents_in_advance``), since a job holds an HTTP worker for the seconds of its PDFs."""

from odoo import models
from odoo.tools import str2bool

from ..tools.jobs import DOCUMENT_CHANNEL, PRIORITY_LOW, enqueue_batches

DOCUMENTS_IN_ADVANCE = "hr_asn_kinerja.documents_in_advance"
DOCUMENT_BATCH = 10  # Dokumen rendered in advance per low-priority job (about a second each)


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    def _documents_in_advance(self):
        """The administrator's switch (off by default: a PDF job on a node that also serves users takes one
        of its workers away from them for ten seconds, which on two workers doubled the finalise step)."""
        return str2bool(self.env["ir.config_parameter"].sudo().get_param(DOCUMENTS_IN_ADVANCE) or "0", False)

    def _enqueue_documents(self):
        """After their e-mails: the Dokumen of these results rendered in advance, if switched on, by jobs of
        ``DOCUMENT_BATCH`` in the channel root.kinerja.document, priority 100 (after every e-mail job)."""
        if not self._documents_in_advance():
            return
        description = self.env._("%(period)s: Dokumen of %(count)s results")
        enqueue_batches(
            self, DOCUMENT_BATCH, "_prepare_document", "document", description, DOCUMENT_CHANNEL, PRIORITY_LOW
        )

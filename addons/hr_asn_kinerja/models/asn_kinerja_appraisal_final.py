"""The appraiser as they were when the SKP was finalised (docs/rules.md §10, §15): SIASN keeps the appraiser per
SKP record (``penilaiNama``, ``penilaiNipNrp``, ``penilaiGolongan``, ``penilaiJabatan``, ``penilaiUnorNama``),
and an appraiser promoted, moved or retired later must not change what a finished SKP says."""

from odoo import fields, models

from .hr_employee import ASN_TYPES, PNS_RANKS, PPPK_RANKS


class AsnKinerjaAppraisal(models.Model):
    _inherit = "asn.kinerja.appraisal"  # pylint: disable=consider-merging-classes-inherited

    final_appraiser_name = fields.Char("Appraiser at Finalisation", readonly=True, copy=False)
    final_appraiser_nip = fields.Char("Appraiser NIP at Finalisation", readonly=True, copy=False)
    final_appraiser_asn_type = fields.Selection(
        ASN_TYPES, "Appraiser ASN Type at Finalisation", readonly=True, copy=False
    )
    final_appraiser_rank = fields.Selection(
        PNS_RANKS + PPPK_RANKS, "Appraiser Rank at Finalisation", readonly=True, copy=False
    )
    final_appraiser_job = fields.Char("Appraiser Position at Finalisation", readonly=True, copy=False)
    final_appraiser_unit = fields.Char("Appraiser Unit at Finalisation", readonly=True, copy=False)

    def _final_appraiser_vals(self):
        """The appraiser's identity now, to keep on the SKP as it becomes final (written by ``action_done``)."""
        appraiser = self.sudo().appraiser_id
        return {
            "final_appraiser_name": appraiser.name or False,
            "final_appraiser_nip": appraiser.nip or False,
            "final_appraiser_asn_type": appraiser.asn_type or False,
            "final_appraiser_rank": appraiser.asn_rank or False,
            "final_appraiser_job": appraiser.job_title or appraiser.job_id.name or False,
            "final_appraiser_unit": appraiser.department_id.name or False,
        }

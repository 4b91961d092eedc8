from odoo import fields, models

SKP_SECTIONS = ("skp22", "kinerjaperiodik")


class AsnKinerjaSiasnExport(models.TransientModel):
    """SIASN finds a person by its own id (``pnsDinilaiOrang``): written when the SIASN import brought it
    (``hr.employee.siasn_id``, docs/rules.md §23), the NIP (``nipBaru``) always; who lacks it is listed."""

    _inherit = "asn.kinerja.siasn.export"  # pylint: disable=consider-merging-classes-inherited

    without_siasn_id = fields.Text(
        "Without SIASN Id",
        readonly=True,
        help="Employees exported by NIP only: import them from SIASN to add their SIASN id.",
    )

    def _skp_payload(self, skp, codes):
        payload = super()._skp_payload(skp, codes)
        if siasn_id := skp.employee_id.sudo().siasn_id:
            payload["pnsDinilaiOrang"] = siasn_id
        return payload

    def _collect(self):
        sections, left_out = super()._collect()
        nips = {payload["nipBaru"] for section in SKP_SECTIONS for payload, _row in sections.get(section, [])}
        lacking = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [("nip", "in", list(nips)), ("siasn_id", "=", False), ("company_id", "=", self.period_id.company_id.id)]
            )
        )
        self.without_siasn_id = ", ".join(sorted(lacking.mapped("name"))) or False
        return sections, left_out

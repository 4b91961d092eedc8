"""The SIASN export adds the period's finished training requests (docs/rules.md §8, §10): a managerial
(leadership) training as a ``diklat`` record (Diklat Struktural), any other as a ``kursus`` record."""

from odoo import models

from odoo.addons.hr_asn_kinerja.tools.nip import format_nip
from odoo.addons.hr_asn_kinerja.tools.periods import format_date_id

TRAINING_HEADERS = ("NIP", "Nama", "Pelatihan", "Jenis", "Penyelenggara", "Mulai", "Selesai", "JP")
# the training type SIASN keeps as Diklat Struktural (leadership: PKA, PKP, PIM); every other one is a kursus
STRUCTURAL_TYPES = ("managerial",)


class AsnKinerjaSiasnExport(models.TransientModel):
    _inherit = "asn.kinerja.siasn.export"

    def _collect(self):
        sections, left_out = super()._collect()
        sections.update(diklat=[], kursus=[])
        codes = self.env["asn.kinerja.siasn.code"]._code_table()["training_type"]
        types = dict(self.env["asn.training.request"]._fields["training_type"]._description_selection(self.env))
        for request in self._training_requests():
            section = "diklat" if request.training_type in STRUCTURAL_TYPES else "kursus"
            if reason := self._identity_left_out_reason(request.employee_id):
                left_out.append(self._left_out_vals(section, request.employee_id, reason))
                continue
            payload = getattr(self, f"_{section}_payload")(request, codes.get(request.training_type), types)
            sections[section].append((payload, self._training_display(request, types)))
        return sections, left_out

    def _training_requests(self):
        """The done training requests of the period's agency that ended within the period."""
        period = self.period_id
        requests = (
            self.env["asn.training.request"]
            .sudo()
            .search_fetch(
                [
                    ("state", "=", "done"),
                    ("company_id", "=", period.company_id.id),
                    ("date_end", ">=", period.date_start),
                    ("date_end", "<=", period.date_end),
                ],
                ["name", "employee_id", "training_type", "competency_area", "provider", "date_start", "date_end"]
                + ["jp_hours"],
                order="date_end, id",
            )
        )
        requests.employee_id.fetch(["name", "nip", "asn_type"])
        return requests

    def _diklat_payload(self, request, code, types):
        """The body of SIASN's diklat (Diklat Struktural)."""
        areas = dict(request._fields["competency_area"]._description_selection(self.env))
        return {
            "nipBaru": request.employee_id.nip,
            "latihanStrukturalId": code,
            "jenisKompetensi": areas.get(request.competency_area, ""),
            "institusiPenyelenggara": request.provider or "",
            "jumlahJam": round(request.jp_hours),
            "nomor": None,
            "bobot": None,
            "tahun": request.date_end.year,
            "tanggal": request.date_start.strftime("%d-%m-%Y"),
            "tanggalSelesai": request.date_end.strftime("%d-%m-%Y"),
        }

    def _kursus_payload(self, request, code, types):
        """The body of SIASN's kursus (any other training, course, workshop, ...)."""
        return {
            "nipBaru": request.employee_id.nip,
            "jenisDiklatId": code,
            "jenisKursus": types.get(request.training_type, ""),
            "namaKursus": request.name,
            "institusiPenyelenggara": request.provider or "",
            "jumlahJam": round(request.jp_hours),
            "nomorSertipikat": None,
            "instansiId": None,
            "lokasiId": None,
            "tahunKursus": request.date_end.year,
            "tanggalKursus": request.date_start.strftime("%d-%m-%Y"),
            "tanggalSelesaiKursus": request.date_end.strftime("%d-%m-%Y"),
        }

    def _training_display(self, request, types):
        employee = request.employee_id
        return (
            format_nip(employee.nip),
            employee.name,
            request.name,
            types.get(request.training_type, ""),
            request.provider or "",
            format_date_id(request.date_start),
            format_date_id(request.date_end),
            request.jp_hours,
        )

    def _sheets(self):
        return {**super()._sheets(), "diklat": ("Diklat", TRAINING_HEADERS), "kursus": ("Kursus", TRAINING_HEADERS)}

"""Reading the files of a SIASN import (docs/rules.md §23): the unit reference (JSON) and the employee file
(CSV, or XLSX from the template), as ``tools/siasn_master.py`` parses them."""

import base64
import binascii

from odoo import models
from odoo.exceptions import UserError

from ..tools import siasn_master as sm


class AsnKinerjaSiasnImport(models.TransientModel):
    _inherit = "asn.kinerja.siasn.import"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # reading the files
    # ------------------------------------------------------------------
    def _file_content(self, value, label):
        if not value:
            return None
        try:
            return base64.b64decode(value)
        except (binascii.Error, ValueError):
            raise UserError(self.env._("The %(file)s is not a readable file.", file=label)) from None

    def _read_files(self):
        units = rows = None
        if (content := self._file_content(self.unor_file, self.env._("unit reference"))) is not None:
            try:
                units = sm.read_unor_json(content)
            except ValueError as error:
                raise UserError(
                    self.env._("The unit reference is not SIASN's ref-unor JSON: %(error)s", error=error)
                ) from None
        if (content := self._file_content(self.employee_file, self.env._("employee file"))) is not None:
            if sm.is_xlsx(content):
                try:
                    rows = sm.read_employee_xlsx(content)
                except ValueError as error:
                    raise UserError(
                        self.env._("The employee file is not a readable XLSX workbook: %(error)s", error=error)
                    ) from None
            else:
                rows = sm.read_employee_csv(content)
            if rows and "nip_baru" not in rows[0]:
                raise UserError(
                    self.env._(
                        "The employee file has no column nip_baru: is it SIASN's Export Data ASN (|-delimited) "
                        "or the XLSX template?"
                    )
                )
        if units is None and rows is None:
            raise UserError(self.env._("Choose the Export Data ASN file, the unit reference, or both."))
        return units, rows

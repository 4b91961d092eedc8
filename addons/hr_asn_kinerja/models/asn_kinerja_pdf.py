import base64
import hashlib
import json
import logging
from datetime import timedelta

from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)
KEEP_DAYS = 90


class AsnKinerjaPdf(models.Model):
    """A PDF of one of the addons' reports as wkhtmltopdf made it, kept under the hash of everything wkhtmltopdf
    was given: the HTML the reader's own rights rendered and its arguments. Printing a document again
    whose content has not changed is then a file read instead of a wkhtmltopdf run (about a second, most
    of the January peak's load). Our reports embed their images, so the HTML is the whole input; any change
    to what a page shows changes the key. Nobody reads this table but the report engine (no access rights)."""

    _name = "asn.kinerja.pdf"
    _description = "Rendered PDF"

    key = fields.Char(required=True, readonly=True)
    report_name = fields.Char(required=True, readonly=True)
    pdf = fields.Binary("PDF", attachment=True, required=True, readonly=True)

    _key_unique = models.UniqueIndex("(key)")

    @api.model
    def _key(self, report_name, *inputs):
        return hashlib.sha256(json.dumps([report_name, *inputs], default=str).encode()).hexdigest()

    @api.model
    def _find(self, key):
        """The PDF stored under ``key``, or None."""
        found = self.sudo().search_fetch([("key", "=", key)], ["pdf"], limit=1)
        return base64.b64decode(found.pdf) if found else None

    @api.model
    def _keep(self, key, report_name, pdf):
        if self.env.cr.readonly:  # a read-only route served by a replica: keep it through the primary
            with self.env.registry.cursor() as cr:
                self.with_env(self.env(cr=cr))._keep(key, report_name, pdf)
            return
        try:
            # as mail's presence does: the clash below is expected and harmless, not a bad query to log
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                self.sudo().create({"key": key, "report_name": report_name, "pdf": base64.b64encode(pdf)})
        except UniqueViolation:
            _logger.debug("%s was kept by a simultaneous print of the same content", report_name)

    @api.autovacuum
    def _gc_old_pdfs(self):
        self.sudo().search([("create_date", "<", fields.Datetime.now() - timedelta(days=KEEP_DAYS))]).unlink()

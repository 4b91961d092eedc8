"""Bahasa Indonesia is complete: every translatable term of both addons has an Indonesian text."""

import io
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("hr_asn_kinerja", "hr_asn_training")


@tagged("post_install", "-at_install")
class TestIndonesianTranslation(TransactionCase):
    def test_every_term_is_translated(self):
        for module in MODULES:
            with self.subTest(module=module):
                buffer = io.BytesIO()
                trans_export(False, [module], buffer, "po", self.env)
                template = polib.pofile(buffer.getvalue().decode())
                po_path = ROOT / "addons" / module / "i18n" / "id.po"
                self.assertTrue(po_path.exists(), f"{po_path} is missing")
                translated = {
                    (entry.msgctxt, entry.msgid) for entry in polib.pofile(str(po_path)) if entry.msgstr.strip()
                }
                missing = sorted(entry.msgid for entry in template if (entry.msgctxt, entry.msgid) not in translated)
                self.assertFalse(missing, f"{module}: {len(missing)} terms lack Indonesian, e.g. {missing[:5]}")

    def test_the_app_speaks_indonesian(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(list(MODULES), ["id_ID"])
        menu = self.env.ref("hr_asn_kinerja.menu_appraisal_mine").with_context(lang="id_ID")
        self.assertEqual(menu.name, "SKP Saya")
        states = dict(
            self.env["asn.kinerja.appraisal"]
            .with_context(lang="id_ID")
            ._fields["predicate"]
            ._description_selection(self.env(context={"lang": "id_ID"}))
        )
        self.assertEqual(states["needs_improvement"], "Butuh Perbaikan")

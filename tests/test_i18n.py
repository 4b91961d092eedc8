"""Bahasa Indonesia is complete: every translatable term of both addons has an Indonesian text."""

import io
from pathlib import Path

import polib
from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

from odoo.addons.hr_asn_kinerja.tests.common import run_jobs
from odoo.addons.hr_asn_training.tests.common import TrainingCase

from .english import english_in

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("hr_asn_kinerja", "hr_asn_training")
# column headers spelt the same in both languages ("Rating" as in Rating Hasil Kerja, PermenPAN-RB 6/2022;
# "Penetapan" as in Penetapan Predikat Kinerja, SE MenPAN-RB 3/2023)
SAME_IN_INDONESIAN = {"NIP", "JP", "SKP", "Predikat", "Target", "Status", "No", "E-learning", "Rating", "Penetapan"}


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

    def test_every_column_header_is_indonesian(self):
        """Every column of every list the addons define (also inside their forms, and in the views they
        extend) has an Indonesian header."""
        self.env["res.lang"]._activate_lang("id_ID")
        # with those of hr, whose fields some of the lists show
        self.env["ir.module.module"]._load_module_terms(["hr", *MODULES], ["id_ID"])
        views = self.env["ir.ui.view"].browse(
            self.env["ir.model.data"].search([("module", "in", MODULES), ("model", "=", "ir.ui.view")]).mapped("res_id")
        )
        untranslated = set()
        for view in views.filtered(lambda v: v.type in ("list", "form")):
            columns = {lang: self._column_headers(view, lang) for lang in ("en_US", "id_ID")}
            self.assertEqual(len(columns["en_US"]), len(columns["id_ID"]), view.xml_id)
            for english, indonesian in zip(columns["en_US"], columns["id_ID"], strict=True):
                if english == indonesian and english not in SAME_IN_INDONESIAN:
                    untranslated.add(f"{view.xml_id}: {english}")
        self.assertGreater(len(views), 20)
        self.assertFalse(sorted(untranslated), "column headers without Indonesian")

    def _column_headers(self, view, lang):
        """The headers of the visible columns of the lists in the view's own arch, in ``lang``."""
        env = self.env(context={"lang": lang})
        arch = etree.fromstring(view.with_env(env).arch_db)
        headers = []
        for list_node in arch.iter("list"):
            model = env[view.model]
            # a list inside x2many fields lists the records of the innermost field's comodel
            for field_node in reversed(list(list_node.iterancestors("field"))):
                model = env[model._fields[field_node.get("name")].comodel_name]
            for node in list_node.iterchildren("field"):
                if node.get("column_invisible") in ("1", "True") or node.get("widget") == "handle":
                    continue
                field = model._fields[node.get("name")]
                headers.append(node.get("string") or field._description_string(env))
        return headers

    def test_every_list_says_what_to_do_when_empty(self):
        """Every window action of the addons that lists records has Odoo's no-content help, in Indonesian
        too: what the list is for and what to do next."""
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(list(MODULES), ["id_ID"])
        data = self.env["ir.model.data"].search([("module", "in", MODULES), ("model", "=", "ir.actions.act_window")])
        actions = self.env["ir.actions.act_window"].browse(data.mapped("res_id"))
        lists = actions.filtered(lambda a: {"list", "kanban"} & set(a.view_mode.split(",")))
        self.assertGreaterEqual(len(lists), 15)
        for action in lists:
            with self.subTest(action=action.xml_id):
                english = action.with_context(lang="en_US").help
                indonesian = action.with_context(lang="id_ID").help
                self.assertIn("o_view_nocontent", english or "", "no help for an empty list")
                self.assertGreaterEqual(english.count("<p"), 2, "a title and what to do next")
                self.assertNotEqual(english, indonesian)
                self.assertFalse(english_in(indonesian), indonesian)

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


@tagged("post_install", "-at_install")
class TestGeneratedTextsInIndonesian(TrainingCase):
    """Every text a workflow step writes (chatter, activities, generated fields) is in the language of
    those who read it: users in id_ID read no English, even when the step is taken in an English session."""

    def test_a_year_of_steps_read_in_indonesian(self):
        self.load_indonesian()
        users = self.user_staff | self.user_staff2 | self.user_supervisor | self.user_head | self.user_officer
        users.write({"lang": "id_ID"})
        self.assertNotEqual(self.env.lang, "id_ID")  # the sessions taking the steps speak English
        skp = self.walk(self.skp_of(self.staff), "submitted")
        skp.with_user(self.user_supervisor).action_return("Lengkapi indikator")
        skp.with_user(self.user_staff).action_submit()
        skp = self.finish_skp(self.staff, "needs_improvement")  # a training request and a coaching activity
        coaching = (
            self.env["asn.training.coaching"]
            .with_user(self.user_supervisor)
            .create({"employee_id": self.staff.id, "appraisal_id": skp.id})
        )
        request = self.draft_request(self.user_staff2, course_schedule_id=self.open_session.id)
        request.with_user(self.user_staff2).action_submit()
        request.with_user(self.user_supervisor).action_approve()
        request.with_user(self.user_officer).action_validate()

        texts = []
        for record in (skp, *skp.training_request_ids, coaching, request):
            texts += record.message_ids.mapped("body")
            texts += record.activity_ids.mapped("summary") + record.activity_ids.mapped("note")
            texts += [record.with_user(user).with_context(lang="id_ID").next_step for user in users]
        texts += skp.with_context(lang="id_ID").mapped("predicate_reason")
        texts += (skp.training_request_ids | request).mapped("reason")
        self.assertTrue(coaching.activity_ids and request.activity_ids)
        english = {text: words for text in texts if text and (words := english_in(text))}
        self.assertFalse(english, f"English for readers in id_ID: {english}")

    def test_feedback_result_and_objection_read_in_indonesian(self):
        """The thread's notices, the result e-mail and activity, the acknowledgement, the objection's chatter,
        activities, notices and next step (docs/rules.md §13, §21): Indonesian for readers in id_ID."""
        self.load_indonesian()
        users = self.user_staff | self.user_supervisor | self.user_head | self.user_officer
        users.write({"lang": "id_ID"})
        skp = self.walk(self.skp_of(self.staff), "approved")
        Feedback = self.env["asn.kinerja.feedback"]
        Feedback.with_user(self.user_supervisor).create({"appraisal_id": skp.id, "body": "Lengkapi bukti dukung."})
        Feedback.with_user(self.user_staff).create({"appraisal_id": skp.id, "body": "Siap.", "kind": "dialogue"})
        skp = self.finish_skp(self.staff, "needs_improvement")
        skp.with_user(self.user_staff).write({"employee_comment": "Saya terima."})
        skp.with_user(self.user_staff).action_acknowledge()
        objection = (
            self.env["asn.kinerja.objection"]
            .with_user(self.user_staff)
            .create({"appraisal_id": skp.id, "reason": "Bukti dukung belum dinilai."})
        )
        texts = objection.activity_ids.mapped("summary") + objection.activity_ids.mapped("note")
        texts += [objection.with_user(user).with_context(lang="id_ID").next_step for user in users]
        objection.with_user(self.user_head).write(
            {
                "appraiser_explanation": "Sesuai bukti.",
                "employee_explanation": "Bukti terlambat diunggah.",
                "result_rating": "as_expected",
                "behavior_rating": "as_expected",
            }
        )
        objection.with_user(self.user_head).action_accept()
        for record in (skp, objection):
            texts += record.message_ids.mapped("body") + record.message_ids.mapped("subject")
            texts += record.activity_ids.mapped("summary") + record.activity_ids.mapped("note")
            texts += [record.with_user(user).with_context(lang="id_ID").next_step for user in users]
        run_jobs(skp._cron_send_results)
        texts += self.env["mail.mail"].search([("model", "=", skp._name), ("res_id", "=", skp.id)]).mapped("body_html")
        texts.append(skp.with_user(self.user_staff).with_context(lang="id_ID").history_html)
        texts.append(skp.with_user(self.user_staff).with_context(lang="id_ID").predicate_matrix_html)
        english = {text: words for text in texts if text and (words := english_in(text))}
        self.assertFalse(english, f"English for readers in id_ID: {english}")

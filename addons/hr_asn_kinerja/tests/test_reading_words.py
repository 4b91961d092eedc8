"""Reading is not agreeing (docs/rules.md §21): everything an employee reads about acknowledging a final result,
in Bahasa Indonesia, says "sudah membaca" and never "terima" / "diterima" (which reads as accepting the result);
the objection is offered beside it as an equal choice, and while an objection waits for its decision, nothing
asks the employee to read the result."""

import re

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import KinerjaCase, run_jobs

READ_RESULT = "hr_asn_kinerja.mail_act_skp_acknowledge"
DOCUMENT = "hr_asn_kinerja.action_report_evaluation_document"
ACCEPTING = re.compile(r"terima", re.IGNORECASE)


def texts(node):
    """The words a reader sees in an arch node: its text and the labels of its buttons and fields."""
    words = [" ".join(" ".join(node.itertext()).split())]
    words += [element.get(attr) for attr in ("string", "placeholder", "confirm") for element in node.iter()]
    return [word for word in words if word]


@tagged("post_install", "-at_install")
class TestReadingWords(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.load_indonesian()
        self.user_staff.lang = "id_ID"
        self.skp = self.walk_to_predicate(self.skp_of(self.staff), "needs_improvement")
        self.staff_id = self.skp.with_user(self.user_staff).with_context(lang="id_ID")

    def read_activity(self):
        return self.skp.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(READ_RESULT))

    def form_arch(self, model="asn.kinerja.appraisal", view=None):
        Model = self.env[model].with_user(self.user_staff).with_context(lang="id_ID")
        arch = Model.get_views([(view and self.env.ref(view).id, "form")])["views"]["form"]["arch"]
        return etree.fromstring(arch)

    def assertNotAccepting(self, words, where):
        for word in words:
            self.assertFalse(ACCEPTING.search(word or ""), f"{where} reads as accepting the result: {word!r}")

    def test_every_word_of_reading_the_result_says_read_not_accepted(self):
        arch = self.form_arch()
        block = arch.xpath("//div[@name='acknowledgement']")[0]
        button = block.xpath(".//button[@name='action_acknowledge']")[0]
        self.assertEqual(button.get("string"), "Saya sudah membaca hasil ini")
        self.assertNotAccepting(texts(block), "the form's block")
        self.assertNotAccepting(texts(arch.xpath("//div[@name='acknowledged']")[0]), "the form's 'read' line")
        # the objection is an equal choice beside it: a button of the same kind, in the same row
        objection = block.xpath(".//button[@name='action_open_objection']")[0]
        self.assertIn("btn-primary", objection.get("class"))
        self.assertEqual(objection.getparent(), button.getparent())
        self.assertIn("keberatan", objection.get("string").lower())

        activity = self.read_activity().with_context(lang="id_ID")
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertNotAccepting([activity.activity_type_id.name, activity.summary, str(activity.note)], "the activity")
        self.assertIn("sudah membaca", str(activity.note))
        self.assertIn("keberatan", str(activity.note))
        line = self.staff_id.next_step
        self.assertNotAccepting([line], "the next-step line")
        self.assertIn("keberatan", line)

        self.staff_id.write({"employee_comment": "Saya akan memperbaiki ketepatan waktu laporan."})
        self.staff_id.action_acknowledge()
        chatter = self.skp.message_ids[0].body
        self.assertIn("Pegawai sudah membaca hasil ini.", chatter)
        self.assertNotAccepting([chatter], "the chatter")
        with self.assertRaises(UserError) as caught:
            self.staff_id.action_acknowledge()
        self.assertNotAccepting([str(caught.exception)], "the refusal to read twice")

        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(lang="id_ID")
            ._render_qweb_html(DOCUMENT, self.skp.ids)
        )
        response = etree.fromstring(html.decode(), etree.HTMLParser()).xpath(
            "//table[contains(@class, 'o_asn_response')]"
        )
        printed = " ".join(" ".join(response[0].itertext()).split())
        self.assertIn("Pegawai sudah membaca hasil evaluasi ini pada", printed)
        self.assertNotAccepting([printed], "the printed Dokumen")

    def test_the_result_e_mail_asks_to_read_not_to_accept(self):
        run_jobs(self.env["asn.kinerja.appraisal"]._cron_send_results)
        mail = self.env["mail.mail"].search([("model", "=", self.skp._name), ("res_id", "=", self.skp.id)])
        self.assertIn("sudah membaca", mail.body_html)
        self.assertNotIn("terima hasil", mail.body_html.lower())

    def test_the_objection_reads_right_and_stops_the_reading(self):
        Objection = self.env["asn.kinerja.objection"].with_user(self.user_staff).with_context(lang="id_ID")
        filing = self.form_arch("asn.kinerja.objection", "hr_asn_kinerja.asn_kinerja_objection_view_form_file")
        self.assertIn("Ajukan Keberatan", texts(filing))
        objection = Objection.create({"appraisal_id": self.skp.id, "reason": "Laporan Maret terlambat karena sistem."})
        self.assertIn("Keberatan diajukan oleh Staf Satu", self.skp.message_ids[0].body)
        # the history does not say it is decided while it waits for the decision
        self.assertNotIn("diputuskan oleh", self.staff_id.history_html)
        # filing is confirmed, naming who decides
        notice = objection.action_file()
        self.assertEqual(notice["tag"], "display_notification")
        self.assertIn("Kepala Dinas", notice["params"]["message"])
        # "your turn" points to what the employee can do: a message on the objection, with the evidence
        line = objection.next_step
        self.assertIn("Giliran Anda: berikan penjelasan", line)
        self.assertIn("pesan", line)
        evidence = self.env["ir.attachment"].create(
            {"name": "surat_dinas.pdf", "raw": b"%PDF-1.4", "res_model": objection._name, "res_id": objection.id}
        )
        objection.message_post(body="Surat dinas terlampir.", message_type="comment", attachment_ids=evidence.ids)
        decider_view = objection.with_user(self.user_head)
        self.assertIn(evidence, decider_view.message_ids.attachment_ids)
        self.assertEqual(decider_view.message_ids.attachment_ids.with_user(self.user_head).raw, b"%PDF-1.4")

        # "Keberatan: Diajukan", then a button that says what it does (not "Dibuka", "opened")
        block = self.form_arch().xpath("//div[@name='objection']")[0]
        words = " ".join(texts(block))
        self.assertIn("Keberatan:", words)
        self.assertNotIn("Dibuka", words)
        self.assertEqual(self.staff_id.objection_state, "submitted")
        labels = dict(self.staff_id._fields["objection_state"]._description_selection(self.staff_id.env))
        self.assertEqual(labels["submitted"], "Diajukan")

        # while it waits for the decision, the result is not to be "read": no activity, no line, refused
        self.assertFalse(self.read_activity())
        self.staff_id.invalidate_recordset(["next_step"])
        self.assertNotIn("sudah membaca", self.staff_id.next_step or "")
        with self.assertRaisesRegex(UserError, "keberatan"):
            self.staff_id.action_acknowledge()
        self.assertFalse(self.skp.acknowledged_date)

        # decided: the (possibly changed) result is the employee's to read again
        objection.with_user(self.user_head).write(
            {
                "appraiser_explanation": "Laporan diterima 20 April.",
                "employee_explanation": "Sistem tidak dapat diakses.",
            }
        )
        objection.with_user(self.user_head).action_reject("Keterlambatan tidak disebabkan sistem.")
        self.assertEqual(self.read_activity().user_id, self.user_staff)
        self.staff_id.action_acknowledge()
        self.assertTrue(self.skp.acknowledged_date)

    def test_a_submitted_plan_is_sent_not_approved(self):
        """The tour's last word after a submit says the plan was sent, not "diterima" (read as approved)."""
        tour = self.env.ref("hr_asn_kinerja.tour_first_skp").with_context(lang="id_ID")
        self.assertIn("dikirim ke Pejabat Penilai", str(tour.rainbow_man_message))
        self.assertNotAccepting([str(tour.rainbow_man_message)], "the first plan's tour")

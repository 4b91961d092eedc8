"""Continuous feedback and performance dialogue (docs/rules.md §21), per role: who posts and reads the thread,
who corrects an entry and until when, that nobody deletes one, and that each post tells the other side."""

import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import KinerjaCase

FEEDBACK = "asn.kinerja.feedback"


class FeedbackCase(KinerjaCase):
    """Staf Satu's approved SKP (Kepala Bidang appraises, Kepala Dinas is the appraiser's superior)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # walked once for the class (each test rolls back to it), not before every test
        case = cls(methodName="run")  # the walk helpers are instance methods
        cls.skp = case.walk(case.skp_of(cls.staff), "approved")
        cls.line = cls.skp.line_ids

    def post(self, user, body="Percepat penyusunan laporan bulan ini.", **vals):
        return self.env[FEEDBACK].with_user(user).create({"appraisal_id": self.skp.id, "body": body, **vals})

    def age(self, entry, hours):
        """Pretend ``entry`` was posted ``hours`` ago."""
        entry.flush_recordset()
        self.env.cr.execute(
            "UPDATE asn_kinerja_feedback SET create_date = now() at time zone 'UTC' - %s WHERE id = %s",
            [datetime.timedelta(hours=hours), entry.id],
        )
        entry.invalidate_recordset()

    def notifications_of(self, user):
        """The notifications of the SKP's thread ``user`` got: (message, notification) pairs."""
        messages = self.env["mail.message"].search(
            [("model", "=", self.skp._name), ("res_id", "=", self.skp.id), ("message_type", "=", "user_notification")]
        )
        return [
            (message, notification)
            for message in messages
            for notification in message.notification_ids
            if notification.res_partner_id == user.partner_id
        ]


@tagged("post_install", "-at_install")
class TestFeedbackThread(FeedbackCase):
    def test_the_employee_the_appraiser_and_the_superior_post(self):
        for user, role in (
            (self.user_staff, "employee"),
            (self.user_supervisor, "appraiser"),
            (self.user_head, "superior"),
        ):
            with self.subTest(role=role):
                entry = self.post(user)
                self.assertRecordValues(entry, [{"author_id": user.id, "author_role": role, "kind": "feedback"}])
        self.assertEqual(len(self.skp.feedback_ids), 3)
        self.assertEqual(self.skp.feedback_count, 3)

    def test_a_colleague_hr_or_an_outsider_may_not_post(self):
        for user in (self.user_staff2, self.user_outsider, self.user_officer, self.user_manager):
            with self.subTest(user=user.login), self.assertRaisesRegex(AccessError, "feedback thread"):
                self.post(user)

    def test_nobody_posts_once_the_skp_is_done_or_cancelled(self):
        self.walk(self.skp, "done")
        for user in (self.user_staff, self.user_supervisor, self.user_head):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "thread is closed"):
                self.post(user)
        other = self.skp_of(self.staff2)
        other.with_user(self.user_officer).action_cancel()
        with self.assertRaisesRegex(UserError, "thread is closed"):
            self.env[FEEDBACK].with_user(self.user_staff2).create({"appraisal_id": other.id, "body": "Halo"})

    def test_nobody_posts_in_another_s_name(self):
        entry = self.post(self.user_staff, author_id=self.user_supervisor.id)
        self.assertEqual((entry.author_id, entry.author_role), (self.user_staff, "employee"))

    def test_on_a_work_result_of_the_same_skp_only(self):
        entry = self.post(self.user_supervisor, line_id=self.line.id)
        self.assertEqual(self.line.feedback_ids, entry)
        self.assertEqual(self.line.feedback_count, 1)
        # posted from the row's thread, the entry finds its SKP
        answer = self.env[FEEDBACK].with_user(self.user_staff).create({"line_id": self.line.id, "body": "Siap."})
        self.assertEqual(answer.appraisal_id, self.skp)
        other_line = self.walk(self.skp_of(self.staff2), "submitted").line_ids
        with self.assertRaises(ValidationError):
            self.post(self.user_supervisor, line_id=other_line.id)

    def test_a_dialogue_records_the_day_it_took_place(self):
        entry = self.post(
            self.user_supervisor, "Disepakati: laporan dikirim tiap tanggal 5.", kind="dialogue", date="2026-03-02"
        )
        self.assertEqual((entry.kind, str(entry.date)), ("dialogue", "2026-03-02"))

    def test_only_the_skp_people_and_hr_read_the_thread(self):
        entry = self.post(self.user_supervisor)
        readers = {
            self.user_staff: True,
            self.user_supervisor: True,
            self.user_head: True,
            self.user_officer: True,
            self.user_manager: True,
            self.user_staff2: False,
            self.user_outsider: False,
        }
        for user, reads in readers.items():
            with self.subTest(user=user.login):
                self.assertEqual(bool(self.env[FEEDBACK].with_user(user).search([("id", "=", entry.id)])), reads)

    def test_its_author_corrects_it_within_24_hours(self):
        entry = self.post(self.user_staff, "Laporan Maret terlambat karena server.")
        entry.with_user(self.user_staff).write({"body": "Laporan Maret terlambat karena gangguan server."})
        self.assertTrue(entry.with_user(self.user_staff).is_editable)
        self.assertFalse(entry.with_user(self.user_supervisor).is_editable)
        with self.assertRaisesRegex(AccessError, "Only its author"):
            entry.with_user(self.user_supervisor).write({"body": "Diubah atasan"})
        with self.assertRaisesRegex(AccessError, "Only its author"):
            entry.with_user(self.user_officer).write({"body": "Diubah BKPSDM"})
        with self.assertRaisesRegex(AccessError, "set when it is posted"):
            entry.with_user(self.user_staff).write({"author_id": self.user_supervisor.id})
        self.age(entry, 25)
        self.assertFalse(entry.with_user(self.user_staff).is_editable)
        with self.assertRaisesRegex(UserError, "24 hours"):
            entry.with_user(self.user_staff).write({"body": "Terlambat diubah"})

    def test_nobody_deletes_an_entry(self):
        entry = self.post(self.user_staff)
        for user in (self.user_staff, self.user_supervisor, self.user_officer, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                entry.with_user(user).unlink()
        self.assertTrue(entry.exists())

    def test_posted_through_the_skp_form(self):
        self.skp.with_user(self.user_head).write(
            {"feedback_ids": [Command.create({"body": "Koordinasikan dengan bidang lain."})]}
        )
        self.assertEqual(self.skp.feedback_ids.author_role, "superior")
        with self.assertRaises(AccessError):
            self.skp.with_user(self.user_officer).write({"feedback_ids": [Command.create({"body": "Dari BKPSDM"})]})
        # a row's thread, answered from its dialog
        self.line.with_user(self.user_staff).write({"feedback_ids": [Command.create({"body": "Akan saya perbaiki."})]})
        self.assertEqual(self.line.feedback_ids.appraisal_id, self.skp)


@tagged("post_install", "-at_install")
class TestFeedbackNotifications(FeedbackCase):
    def assertNotified(self, user, text):
        found = [(m, n) for m, n in self.notifications_of(user) if text in m.body]
        self.assertEqual(len(found), 1, f"{user.login} was not told about {text!r}")
        message, notification = found[0]
        # by e-mail, and in the Odoo inbox as well
        self.assertEqual(notification.notification_type, "email")
        self.assertFalse(notification.is_read)
        self.assertTrue(message.with_user(user).needaction)
        return message

    def test_a_leader_s_post_tells_the_employee(self):
        self.post(self.user_supervisor, "Lengkapi bukti dukung triwulan I.")
        message = self.assertNotified(self.user_staff, "Lengkapi bukti dukung triwulan I.")
        self.assertIn("New feedback", message.subject)
        self.assertEqual(message.author_id, self.user_supervisor.partner_id)
        self.post(self.user_head, "Koordinasikan dengan Bidang Anggaran.", kind="dialogue")
        message = self.assertNotified(self.user_staff, "Koordinasikan dengan Bidang Anggaran.")
        self.assertIn("Performance dialogue", message.subject)
        self.assertFalse(self.notifications_of(self.user_supervisor))

    def test_the_employee_s_post_tells_the_appraiser(self):
        self.post(self.user_staff, "Bukti dukung sudah saya unggah.", line_id=self.line.id)
        message = self.assertNotified(self.user_supervisor, "Bukti dukung sudah saya unggah.")
        self.assertIn(self.line.name, message.body)
        self.assertFalse(self.notifications_of(self.user_staff))
        self.assertFalse(self.notifications_of(self.user_head))

    def test_in_the_reader_s_language(self):
        self.load_indonesian()
        self.user_staff.lang = "id_ID"
        self.post(self.user_supervisor, "Pertahankan.")
        message = self.assertNotified(self.user_staff, "Pertahankan.")
        self.assertIn("Umpan balik baru", message.subject)
        self.assertIn("menulis", message.body)

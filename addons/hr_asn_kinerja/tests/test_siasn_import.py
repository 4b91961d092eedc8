"""Moving in from SIASN (docs/rules.md §23): the sample files of tests/data, the problems HR is shown, a
second and a next month's import, accounts for everyone, the data-quality filters, and who may do it."""

import base64
import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.queue_job.tests.common import trap_jobs

from ..tools.jobs import INVITATION_CHANNEL
from .common import APPRAISER, EMPLOYEE, OFFICER, KinerjaCase
from .siasn_case import (
    CSV_TEXT,
    HEADER,
    NIP,
    ROWS,
    UNIT_MUTASI,
    UNIT_TOP,
    UNIT_UMUM,
    UNOR,
    SiasnImportCase,
    b64,
    changed,
    csv_of,
)


class TestSiasnImport(SiasnImportCase):
    def test_preview_counts_and_changes_nothing(self):
        wizard = self.wizard()
        wizard.action_preview()
        self.assertEqual(
            (wizard.count_create, wizard.count_update, wizard.count_unchanged, wizard.count_problem), (10, 0, 0, 0)
        )
        self.assertFalse(self.env["hr.employee"].search_count([("nip", "in", list(NIP.values()))]))
        self.assertFalse(self.env["hr.department"].search_count([("siasn_unor_id", "!=", False)]))

    def test_import_builds_units_people_and_appraisers(self):
        self.imported()
        top, mutasi, umum = self.unit(UNIT_TOP), self.unit(UNIT_MUTASI), self.unit(UNIT_UMUM)
        self.assertFalse(top.parent_id)
        self.assertEqual((mutasi.parent_id, umum.parent_id), (top, top))
        head, kabid, kasubag = self.person("Hendra Wijaya"), self.person("Ratna Sari"), self.person("Agus Salim")
        self.assertEqual((top.manager_id, mutasi.manager_id, umum.manager_id), (head, kabid, kasubag))
        self.assertEqual(head.name, "Drs. Hendra Wijaya, M.Si.")
        self.assertEqual(head.siasn_id, "9b1f0c2e7a4d4e11a000000000000001")
        self.assertEqual((head.asn_type, head.asn_rank, head.asn_position_type), ("pns", "IV/b", "jpt"))
        self.assertEqual((kabid.asn_position_type, kasubag.asn_position_type), ("administrator", "pengawas"))
        self.assertEqual(kabid.work_email, "ratna.sari@example.com")  # email_gov first
        self.assertEqual(head.mobile_phone, "081200000001")  # the ' guard is gone
        analyst, clerk, pppk, staff = (
            self.person(n) for n in ("Dedi Kurniawan", "Siti Aminah", "Rudi Hartono", "Nur Aisyah")
        )
        self.assertEqual((analyst.asn_position_type, clerk.asn_position_type), ("fungsional", "pelaksana"))
        self.assertEqual((pppk.asn_type, pppk.asn_rank), ("pppk", "IX"))
        self.assertEqual(analyst.job_id.name, "Analis Sumber Daya Manusia Aparatur Ahli Pertama")
        self.assertEqual(analyst.department_id, mutasi)
        # the rule: the head of one's unit; a head is appraised by the head of the unit above
        self.assertFalse(head.appraiser_id)
        self.assertEqual((kabid.appraiser_id, kasubag.appraiser_id), (head, head))
        self.assertEqual((analyst.appraiser_id, clerk.appraiser_id), (kabid, kabid))
        self.assertEqual((pppk.appraiser_id, staff.appraiser_id), (kasubag, kasubag))
        self.assertFalse(analyst.appraiser_is_override)

    def test_same_files_twice_change_nothing(self):
        self.imported()
        messages = self.env["mail.message"].search_count([("model", "=", "hr.employee")])
        again = self.wizard()
        again.action_preview()
        self.assertEqual((again.count_create, again.count_update, again.count_unchanged), (0, 0, 10))
        again.action_import()
        self.assertEqual((again.count_create, again.count_update), (0, 0))
        self.assertEqual(self.env["mail.message"].search_count([("model", "=", "hr.employee")]), messages)

    def test_next_month_updates_and_leaves_a_chatter_line(self):
        self.imported()
        rows = [
            changed("Dedi Kurniawan", gol_akhir_id="32", gol_akhir_nama="III/b")
            if row["nama"] == "Dedi Kurniawan"
            else changed("Siti Aminah", unor_id=UNIT_UMUM)
            if row["nama"] == "Siti Aminah"
            else row
            for row in ROWS
        ]
        wizard = self.imported(rows)
        self.assertEqual((wizard.count_create, wizard.count_update, wizard.count_unchanged), (0, 2, 8))
        analyst, clerk = self.person("Dedi Kurniawan"), self.person("Siti Aminah")
        self.assertEqual(analyst.asn_rank, "III/b")
        self.assertEqual(clerk.department_id, self.unit(UNIT_UMUM))
        self.assertEqual(clerk.appraiser_id, self.person("Agus Salim"))  # the transfer brings a new appraiser
        self.assertIn("III/a → III/b", analyst.message_ids[0].body)
        self.assertIn("Sub Bagian Umum dan Kepegawaian", clerk.message_ids[0].body)
        self.assertNotIn("Updated from SIASN", self.person("Nur Aisyah").message_ids[:1].body or "")

    def test_every_problem_kind_is_named_and_blocks(self):
        units = {
            "data": UNOR["data"]
            + [
                dict(UNOR["data"][1], Id="U-LOOP-1", DiatasanId="U-LOOP-2", NamaUnor="Loop Satu", PemimpinPnsId=""),
                dict(UNOR["data"][1], Id="U-LOOP-2", DiatasanId="U-LOOP-1", NamaUnor="Loop Dua", PemimpinPnsId=""),
                dict(UNOR["data"][1], Id="U-NOHEAD", NamaUnor="Tanpa Kepala", PemimpinPnsId="ghost"),
                # A heads U-A but sits in its sub-unit U-B, whose head B sits there too: A and B appraise each other
                dict(UNOR["data"][1], Id="U-A", NamaUnor="Unit A", PemimpinPnsId="pns-a"),
                dict(UNOR["data"][1], Id="U-B", DiatasanId="U-A", NamaUnor="Unit B", PemimpinPnsId="pns-b"),
            ]
        }
        base = changed("Nur Aisyah", gelar_belakang="null")
        bad = [
            dict(base, pns_id="p1", nip_baru="198513322010011001", nama="NIP Salah"),
            dict(base, pns_id="p2", nip_baru="199505052019102099", tanggal_lahir="06-05-1995", nama="Lahir Beda"),
            dict(base, pns_id="p3", nip_baru="199505052019101098", nama="Kelamin Beda"),
            dict(
                base,
                pns_id="p4",
                nip_baru="199505052019102097",
                kedudukan_hukum_id="71",
                gol_akhir_nama="IX",
                nama="PPPK Tanpa 21",
            ),
            dict(base, pns_id="p5", nip_baru="199505052019102096", nama="Kembar"),
            dict(base, pns_id="p6", nip_baru="199505052019102096", nama="Kembar Juga"),
            dict(base, pns_id="p7", nip_baru="199505052019102095", gol_akhir_id="99", nama="Golongan Aneh"),
            dict(base, pns_id="p8", nip_baru="199505052019102094", jenis_jabatan_id="9", nama="Jabatan Aneh"),
            dict(base, pns_id="p9", nip_baru="199505052019102093", unor_id="U-NOWHERE", nama="Unit Asing"),
            dict(base, pns_id="p10", nip_baru="199505052019102092", unor_id="null", nama="Tanpa Unit"),
            dict(base, pns_id="p11", nip_baru="199505052019102091", email="sama@example.com", nama="Surel Satu"),
            dict(base, pns_id="p12", nip_baru="199505052019102090", email="sama@example.com", nama="Surel Dua"),
            dict(base, pns_id="pns-a", nip_baru="199505052019102089", unor_id="U-B", nama="Kepala A"),
            dict(base, pns_id="pns-b", nip_baru="199505052019102088", unor_id="U-B", nama="Kepala B"),
        ]
        wizard = self.wizard(ROWS + bad, units)
        wizard.action_preview()
        kinds = set(wizard.problem_ids.mapped("kind"))
        self.assertEqual(
            kinds,
            {
                "nip_invalid",
                "nip_mismatch",
                "duplicate_nip",
                "unknown_golongan",
                "unknown_jabatan",
                "unknown_unit",
                "head_missing",
                "cycle",
                "no_unit",
                "duplicate_email",
            },
        )
        self.assertEqual(len(wizard.problem_ids.filtered(lambda p: p.kind == "nip_mismatch")), 3)
        cycle_people = wizard.problem_ids.filtered(lambda p: p.kind == "cycle" and p.line).mapped("name")
        self.assertEqual(sorted(cycle_people), ["Kepala A", "Kepala B"])
        self.assertEqual(wizard.count_problem, len(wizard.problem_ids))
        with self.assertRaisesRegex(UserError, "Nothing was imported") as refused:
            self.wizard(ROWS + bad, units).action_import()
        self.assertIn("Golongan code 99", str(refused.exception))
        self.assertFalse(self.env["hr.employee"].search_count([("nip", "in", list(NIP.values()))]))
        self.assertFalse(self.env["hr.department"].search_count([("siasn_unor_id", "!=", False)]))

        # skipping: the valid rows go in, the others are listed and left out
        skipped = self.imported(ROWS + bad, units, skip_problems=True)
        self.assertTrue(skipped.problem_ids)
        self.assertEqual(len(self.env["hr.employee"].search([("siasn_id", "!=", False)])), 7)
        self.assertFalse(self.env["hr.employee"].search([("name", "in", [row["nama"] for row in bad])]))
        self.assertFalse(self.unit("U-LOOP-1"))
        self.assertTrue(self.unit("U-NOHEAD"))
        self.assertFalse(self.unit("U-NOHEAD").manager_id)
        self.assertEqual(self.person("Siti Aminah").appraiser_id, self.person("Ratna Sari"))

    def test_tolerant_csv(self):
        """Reordered and extra columns, a BOM, a missing optional column: read the same."""
        header = ["extra_kolom", *reversed(HEADER)]
        header.remove("tanggal_lahir")
        text = "\ufeff" + csv_of([dict(row, extra_kolom="x") for row in ROWS], header)
        wizard = self.wizard(text)
        wizard.action_preview()
        self.assertEqual((wizard.count_create, wizard.count_problem), (10, 0))

    def test_hr_override_kept_and_absent_listed(self):
        self.imported()
        analyst, kasubag, staff = self.person("Dedi Kurniawan"), self.person("Agus Salim"), self.person("Nur Aisyah")
        analyst.with_user(self.user_officer).appraiser_id = kasubag
        self.assertTrue(analyst.appraiser_is_override)
        wizard = self.imported([row for row in ROWS if row["nama"] != "Nur Aisyah"])
        self.assertEqual(analyst.appraiser_id, kasubag)
        notes = {(note.kind, note.name) for note in wizard.note_ids}
        self.assertIn(("override", analyst.name), notes)
        self.assertIn(("absent", staff.name), notes)
        self.assertEqual(wizard.count_absent, 1)
        self.assertTrue(staff.active)

    def test_units_alone_then_people_alone(self):
        units_only = self.wizard(rows=None)
        units_only.action_preview()
        self.assertEqual((units_only.count_create, units_only.count_problem), (3, 0))
        self.assertEqual(set(units_only.note_ids.mapped("kind")), {"head_missing"})  # the people come next
        units_only.action_import()
        people_only = self.imported(units=None)
        self.assertEqual((people_only.count_create, people_only.count_update), (7, 3))  # the units get their heads
        self.assertEqual(self.unit(UNIT_MUTASI).manager_id, self.person("Ratna Sari"))
        self.assertEqual(self.person("Siti Aminah").appraiser_id, self.person("Ratna Sari"))

    def test_not_a_siasn_file(self):
        with self.assertRaisesRegex(UserError, "nip_baru"):
            self.wizard("a;b;c\n1;2;3\n", None).action_preview()
        with self.assertRaisesRegex(UserError, "ref-unor"):
            self.env["asn.kinerja.siasn.import"].with_user(self.user_officer).create(
                {"unor_file": b64("{not json")}
            ).action_preview()


class TestAccountsAndQuality(SiasnImportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.company"].browse(cls.env.company.id).partner_id.tz = False

    def test_accounts_for_everyone_once(self):
        self.imported()
        people = self.env["hr.employee"].search([("siasn_id", "!=", False)])
        Mail = self.env["mail.mail"].sudo()
        with trap_jobs() as trap:
            people.with_user(self.user_officer).action_create_users()
            # the accounts at once; the invitations are the job's, not HR's request's
            self.assertEqual(len(people.user_id), 7)
            self.assertFalse(Mail.search_count([("email_to", "=", "hendra.wijaya@example.com")]))
            trap.assert_jobs_count(1)
            job = trap.enqueued_jobs[0]
            self.assertEqual((job.method_name, job.channel), ("_job_send_invitations", INVITATION_CHANNEL))
            trap.perform_enqueued_jobs()
            # run again (a retry, a runner handing it out twice): nobody invited twice
            job.perform()
        head, clerk = self.person("Hendra Wijaya"), self.person("Siti Aminah")
        user = clerk.user_id
        self.assertEqual((user.login, user.lang, user.tz), (NIP["Siti Aminah"], "id_ID", "Asia/Jakarta"))
        self.assertEqual(user.partner_id, clerk.work_contact_id)
        # they joined the channels of their groups as every new user does (without the bus notice, see
        # discuss_channel)
        general = self.env.ref("mail.channel_all_employees").sudo()
        self.assertTrue(general.group_ids & user.all_group_ids)
        self.assertIn(user.partner_id, general.channel_partner_ids)
        # the initials avatar Odoo gives a new user, drawn on the fly rather than stored twice per person
        for avatar in (user.avatar_128, clerk.avatar_128):
            self.assertIn(b">S</text>", base64.b64decode(avatar))
        self.assertTrue(head.user_id.has_group("hr_asn_kinerja.group_kinerja_appraiser"))
        self.assertFalse(user.has_group("hr_asn_kinerja.group_kinerja_appraiser"))
        self.assertTrue(user.has_group("hr_asn_kinerja.group_kinerja_employee"))
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*) FROM res_users WHERE id IN %s AND password IS NOT NULL", [tuple(people.user_id.ids)]
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0, "no password is ever set")
        # those with an e-mail got Odoo's signup invitation, the others none
        self.assertEqual(head.user_id.partner_id.sudo().signup_type, "signup")
        self.assertFalse(user.partner_id.sudo().signup_type)
        invitations = Mail.search([("email_to", "=", "hendra.wijaya@example.com")])
        self.assertEqual(len(invitations), 1)
        self.assertIn("signup", invitations.body_html)
        self.assertFalse(Mail.search_count([("email_to", "ilike", NIP["Siti Aminah"])]))
        invited = people.user_id.filtered("email")
        self.assertEqual(Mail.search_count([("email_to", "in", invited.mapped("email"))]), len(invited))
        result = people.with_user(self.user_officer).action_create_users()
        self.assertIn("0 account(s) created", result["params"]["message"])
        self.assertEqual(self.env["res.users"].search_count([("login", "in", list(NIP.values()))]), 7)

    def test_accounts_are_for_hr_only(self):
        self.imported()
        appraiser = new_test_user(self.env, "siasn_head", groups=APPRAISER)
        with self.assertRaises(AccessError):
            self.person("Siti Aminah").with_user(appraiser).action_create_users()

    def test_data_quality_filters(self):
        self.imported()
        Employee = self.env["hr.employee"].with_user(self.user_officer)
        clerk, analyst = self.person("Siti Aminah"), self.person("Dedi Kurniawan")
        before = Employee.kinerja_data_quality_counts()
        clerk.with_user(self.user_officer).appraiser_id = self.person("Agus Salim")  # another unit's head
        analyst.with_user(self.user_officer).department_id = False
        after = Employee.kinerja_data_quality_counts()
        self.assertEqual(after["appraiser_outside_chain"], before["appraiser_outside_chain"] + 1)
        self.assertEqual(after["no_unit"], before["no_unit"] + 1)
        self.assertIn(clerk, Employee.search([("kinerja_appraiser_outside_chain", "=", True)]))
        self.assertNotIn(self.person("Ratna Sari"), Employee.search([("kinerja_appraiser_outside_chain", "=", True)]))
        self.assertGreaterEqual(after["no_user"], 7)
        pppk = self.person("Rudi Hartono")
        pppk.sudo().write({"contract_date_start": "1999-01-01", "contract_date_end": "2000-01-01"})
        self.assertIn(pppk, Employee.search([("kinerja_contract_ending", "=", True)]))


@tagged("post_install", "-at_install")
class TestSiasnImportRpc(HttpCase):
    """Over JSON-RPC as the web client sends it: only HR imports and creates accounts."""

    def rpc(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_only_hr_imports_and_creates_accounts(self):
        officer = new_test_user(self.env, "siasn_rpc_officer", groups=OFFICER)
        others = [
            new_test_user(self.env, "siasn_rpc_staff", groups=EMPLOYEE),
            new_test_user(self.env, "siasn_rpc_head", groups=APPRAISER),
        ]
        files = {"employee_file": b64(CSV_TEXT), "unor_file": b64(json.dumps(UNOR))}
        for user in others:
            with self.subTest(user=user.login), self.assertRaisesRegex(JsonRpcException, "AccessError"):
                self.rpc(user, "asn.kinerja.siasn.import", "create", [files])
        wizard_id = self.rpc(officer, "asn.kinerja.siasn.import", "create", [files])
        self.rpc(officer, "asn.kinerja.siasn.import", "action_preview", [[wizard_id]])
        counts = self.rpc(officer, "asn.kinerja.siasn.import", "read", [[wizard_id], ["count_create", "count_problem"]])
        self.assertEqual((counts[0]["count_create"], counts[0]["count_problem"]), (10, 0))
        self.rpc(officer, "asn.kinerja.siasn.import", "action_import", [[wizard_id]])
        people = self.env["hr.employee"].search([("siasn_id", "!=", False)])
        self.assertEqual(len(people), 7)
        for user in others:
            with self.subTest(user=user.login), self.assertRaisesRegex(JsonRpcException, "AccessError"):
                self.rpc(user, "hr.employee", "action_create_users", [people.ids])
        self.rpc(officer, "hr.employee", "action_create_users", [people.ids])
        self.assertEqual(len(people.user_id), 7)


@tagged("post_install", "-at_install")
class TestSiasnIdInExport(KinerjaCase):
    def test_export_writes_the_siasn_id_when_known_and_lists_who_lacks_it(self):
        for employee in (self.staff, self.staff2):
            self.walk(self.skp_of(employee), "done")
        self.staff.siasn_id = "9b1f0c2e7a4d4e11a0000000000000aa"
        wizard = self.env["asn.kinerja.siasn.export"].with_user(self.user_officer).create({"period_id": self.period.id})
        wizard.action_export()
        records = {record["nipBaru"]: record for record in json.loads(base64.b64decode(wizard.export_file))["skp22"]}
        self.assertEqual(records[self.staff.nip]["pnsDinilaiOrang"], "9b1f0c2e7a4d4e11a0000000000000aa")
        self.assertNotIn("pnsDinilaiOrang", records[self.staff2.nip])
        self.assertEqual(wizard.without_siasn_id, self.staff2.name)

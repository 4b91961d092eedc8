"""The demo data of both addons loads on a database created without demo and shows a living regency.

The test database has no demo data, so the test loads every file of the manifest's ``demo`` itself,
inside the test transaction: nothing of it is committed.
"""

from datetime import date, timedelta

import freezegun.api
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.modules.module import get_manifest
from odoo.sql_db import db_connect
from odoo.tests import TransactionCase, tagged
from odoo.tools.convert import convert_file

from odoo.addons.hr_asn_kinerja.tools.nip import parse_nip

from .english import KINERJA_MODELS, english_in

MODULE = "hr_asn_kinerja"
TRAINING = "hr_asn_training"
STATES = ("draft", "submitted", "approved", "self_assessed", "scored", "done", "cancel")
LOW_PREDICATES = ("needs_improvement", "poor", "very_poor")
UNITS = {
    "dep_bkpsdm": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "dep_disdik": "Dinas Pendidikan",
    "dep_dinkes": "Dinas Kesehatan",
}
APPRAISER = f"{MODULE}.group_kinerja_appraiser"
OFFICER = f"{MODULE}.group_kinerja_officer"
# the day the demo is loaded and read: late in its year, after the July transfer, with the Plt running; the demo's
# dates that follow its loading day (the Plt, the contract that ends soon) follow it, whatever day the suite runs
DEMO_DAY = date(2026, 12, 7)


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_preinstalled = cls.env["ir.module.module"].search([("name", "=", MODULE)]).demo
        cls.demo_files = get_manifest(MODULE)["demo"]
        # a database loaded before: its own day, 30 days after its Plt started (demo/asn_kinerja_living_year_demo.xml)
        day = (
            cls.env.ref(f"{MODULE}.acting_disdik_sekretariat").date_from + timedelta(days=30)
            if cls.demo_preinstalled
            else DEMO_DAY
        )
        # freezegun's own freeze_time (Odoo's wraps it without ``ignore``): pytest keeps the real clock for its durations
        cls.startClassPatcher(freezegun.api.freeze_time(day, tick=True, ignore=["_pytest"]))
        if not cls.demo_preinstalled:
            cls.env["res.lang"]._activate_lang("id_ID")
            for module in (MODULE, TRAINING):  # in the order Odoo installs them
                for path in get_manifest(module)["demo"]:
                    convert_file(cls.env, module, path, {}, mode="init", noupdate=True)
        cls.company = cls.env.ref("base.main_company")
        cls.sekda = cls.env.ref(f"{MODULE}.emp_zulkifli")
        cls.period = cls.env.ref(f"{MODULE}.period_2026")
        cls.employees = cls.env["hr.employee"].search([("company_id", "=", cls.company.id), ("nip", "!=", False)])
        cls.skps = cls.env["asn.kinerja.appraisal"].search([("period_id", "=", cls.period.id)])

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        if cls.demo_preinstalled:
            return
        # seen from another connection, none of the demo records may have been committed
        with db_connect(cls.env.cr.dbname).cursor() as cr:
            cr.execute("SELECT count(*) FROM ir_model_data WHERE module = %s AND name = 'period_2026'", [MODULE])
            if cr.fetchone()[0]:
                raise AssertionError("the demo data loaded by the test was committed")

    def test_manifest_lists_the_demo_files(self):
        self.assertTrue(self.demo_files)
        self.assertTrue(all(path.startswith("demo/") and path.endswith(".xml") for path in self.demo_files))

    def test_company_is_the_regency(self):
        self.assertEqual(self.company.name, "Pemerintah Kabupaten Bungo")
        self.assertEqual(self.company.city, "Muara Bungo")
        self.assertEqual(self.company.state_id.name, "Jambi")
        self.assertEqual(self.company.country_id.code, "ID")
        self.assertEqual(self.company.kinerja_sign_place, "Muara Bungo")

    def test_three_units_with_heads_appraised_by_the_sekda(self):
        self.assertTrue(self.sekda.user_id.has_group(APPRAISER))
        for xmlid, name in UNITS.items():
            with self.subTest(unit=name):
                unit = self.env.ref(f"{MODULE}.{xmlid}")
                head = unit.manager_id
                self.assertEqual(unit.name, name)
                self.assertTrue(head, f"{name} has no head")
                self.assertEqual(head.department_id, unit)
                self.assertEqual(head.parent_id, self.sekda)
                self.assertEqual(head.appraiser_id, self.sekda)
                self.assertEqual(head.asn_position_type, "jpt")
                # head -> kepala bidang / sekretaris -> staff
                middle = self.employees.filtered(lambda e, head=head: e.parent_id == head)
                self.assertTrue(middle, f"{name}: nobody reports to the head")
                self.assertTrue(self.employees.filtered(lambda e, middle=middle: e.parent_id in middle))
                units = self.env["hr.department"].search([("id", "child_of", unit.id)])
                self.assertTrue(set(middle.department_id.ids) <= set(units.ids))

    def test_employees_have_a_valid_unique_nip_and_asn_identity(self):
        employees = self.employees
        self.assertGreaterEqual(len(employees), 15)
        self.assertEqual(len(set(employees.mapped("nip"))), len(employees), "NIPs are not unique")
        pns_ranks = {f"{group}/{step}" for group in ("I", "II", "III", "IV") for step in "abcde"}
        for employee in employees:
            with self.subTest(employee=employee.name):
                info = parse_nip(employee.nip, employee.asn_type)
                self.assertEqual(info.sex, employee.sex)
                self.assertEqual(info.birth_date, employee.birthday)
                if info.appointment_month:  # an NI PPPK coded 21 has none
                    age = (info.appointment_month - info.birth_date).days / 365.25
                    self.assertTrue(18 <= age <= 40, f"appointed at {age:.0f}")
                self.assertIn(employee.asn_type, ("pns", "pppk", "pppk_part_time"))
                self.assertEqual(employee.asn_rank in pns_ranks, employee.asn_type == "pns")
                self.assertTrue(employee.asn_position_type)
                self.assertTrue(employee.job_id and employee.job_title and employee.department_id)
                self.assertTrue(employee.user_id)
                if employee != self.sekda:
                    self.assertTrue(employee.parent_id)
                    self.assertEqual(employee.appraiser_id, self._expected_appraiser(employee))
        self.assertIn(len(employees.filtered(lambda e: e.asn_type == "pppk")), (2, 3))

    def _expected_appraiser(self, employee):
        """The manager; a running Plt in the manager's place (docs/rules.md §24); after a transfer, the
        appraiser HR gave the new post (docs/rules.md §17)."""
        if employee.kinerja_acting_id:
            return employee.kinerja_acting_id.employee_id
        parts = self.skps.filtered(lambda s: s.employee_id == employee)
        if len(parts) > 1:
            return parts.sorted("date_start")[-1].appraiser_id
        return employee.parent_id

    def test_jobs_prefill_duties_and_indicators(self):
        jobs = self.employees.job_id
        self.assertGreaterEqual(len(jobs), 5)
        for job in jobs:
            with self.subTest(job=job.name):
                self.assertTrue(job.asn_duty_ids)
                self.assertTrue(job.asn_indicator_ids)
                for indicator in job.asn_indicator_ids:
                    self.assertTrue(indicator.result_name and indicator.unit and indicator.default_target > 0)
        # an SKP created by opening the period starts from the job's indicators
        fitri = self.env.ref(f"{MODULE}.emp_fitri")
        skp = self.skps.filtered(lambda s: s.employee_id == fitri)
        self.assertEqual(skp.line_ids.indicator_id, fitri.job_id.asn_indicator_ids)

    def test_users_log_in_with_the_right_groups(self):
        users = self.employees.user_id
        self.assertEqual(len(users), len(self.employees))
        heads = self.env["hr.department"].search([("manager_id", "in", self.employees.ids)]).manager_id
        officers = users.filtered(lambda u: u.has_group(OFFICER))
        self.assertIn(len(officers), (1, 2))
        bkpsdm = self.env["hr.department"].search([("id", "child_of", self.env.ref(f"{MODULE}.dep_bkpsdm").id)])
        self.assertTrue(officers.employee_id.department_id <= bkpsdm)
        for employee in self.employees:
            user = employee.user_id
            with self.subTest(login=user.login):
                self.assertRegex(user.login, r"^[a-z]+(\.[a-z]+)?$")
                self.assertEqual(user.lang, "id_ID")
                self.assertTrue(user.has_group("base.group_user"))
                self.assertTrue(user.has_group(f"{MODULE}.group_kinerja_employee"))
                self.assertFalse(user.has_group(f"{MODULE}.group_kinerja_manager"))
                leads = employee in heads or bool(employee.appraisee_ids)
                self.assertEqual(user.has_group(APPRAISER), leads or user in officers)
        # every role can sign in with the demo password
        for xmlid in ("user_hendra", "user_ridwan", "user_budi", "user_dewi", "user_agus"):
            user = self.env.ref(f"{MODULE}.{xmlid}")
            credential = {"type": "password", "login": user.login, "password": "demo"}
            auth = self.env["res.users"].authenticate(credential, {"interactive": False})
            self.assertEqual(auth["uid"], user.id)
        self.assertEqual(self.env.ref("base.user_admin").lang, "id_ID")

    def test_open_2026_period_gives_everyone_an_skp(self):
        self.assertEqual(self.period.name, "Tahun 2026")
        self.assertEqual(self.period.state, "open")
        self.assertEqual((str(self.period.date_start), str(self.period.date_end)), ("2026-01-01", "2026-12-31"))
        semesters = self.period.child_ids
        self.assertEqual(semesters.mapped("period_type"), ["semester", "semester"])
        self.assertEqual(set(semesters.mapped("state")), {"draft"})
        self.assertEqual(self.skps.employee_id, self.employees)
        # one SKP per employee and post segment (docs/rules.md §17)
        self.assertEqual(len(self.skps), len(self.employees) + len(self.skps.filtered("previous_appraisal_id")))

    def test_skps_in_every_state(self):
        counts = {state: len(self.skps.filtered(lambda s, state=state: s.state == state)) for state in STATES}
        self.assertTrue(all(counts.values()), counts)
        done = self.skps.filtered(lambda s: s.state == "done")
        self.assertGreaterEqual(len(set(done.mapped("predicate"))), 3)
        self.assertTrue(set(done.mapped("predicate")) & set(LOW_PREDICATES), "no done SKP with a low predikat")
        for skp in self.skps:
            with self.subTest(skp=skp.name, state=skp.state):
                self._check_content(skp)

    def _check_content(self, skp):
        """What the state implies has been filled in along the way."""
        self.assertEqual(len(skp.behavior_line_ids), 7)
        state = skp.state
        if state in ("submitted", "approved", "self_assessed", "scored", "done"):
            self.assertTrue(skp.main_line_ids)
        if state in ("approved", "self_assessed", "scored", "done"):
            self.assertTrue(skp.behavior_line_ids.filtered("expectation"), "no BerAKHLAK expectation")
            self.assertTrue(skp.date_approved)
        if state in ("approved",):
            self.assertTrue(skp.activity_ids.filtered(lambda a: a.user_id == skp.employee_id.user_id))
        if state in ("self_assessed", "scored", "done"):
            self.assertTrue(all(skp.line_ids.mapped("realization")))
        if state in ("submitted", "self_assessed"):
            self.assertIn(skp.appraiser_id.user_id, skp.activity_ids.user_id)
        if state in ("scored", "done"):
            self.assertTrue(skp.result_rating and skp.behavior_rating and skp.predicate)
            self.assertTrue(all(skp.behavior_line_ids.mapped("rating")))
            self.assertTrue(skp.line_ids.filtered("feedback") or skp.behavior_line_ids.filtered("feedback"))
            self.assertTrue(skp.appraiser_feedback)
        else:
            self.assertFalse(skp.predicate)
        if state == "done":
            self.assertTrue(skp.date_done)

    def test_returned_plan_and_cancelled_skp(self):
        returned = self.skps.filtered("return_reason")
        self.assertTrue(returned)
        self.assertEqual(set(returned.mapped("state")), {"draft"})
        cancelled = self.skps.filtered(lambda s: s.state == "cancel")
        notes = " ".join(str(body) for body in cancelled.message_ids.mapped("body") if body)
        self.assertIn("tugas belajar", notes)

    def test_work_results_cascade_from_the_superiors(self):
        lines = self.skps.line_ids.filtered("parent_line_id")
        self.assertGreaterEqual(len(lines), 15)
        # in every unit, staff results support their head's
        for xmlid in UNITS:
            unit = self.env["hr.department"].search([("id", "child_of", self.env.ref(f"{MODULE}.{xmlid}").id)])
            self.assertTrue(lines.filtered(lambda line, unit=unit: line.appraisal_id.department_id in unit))
        for line in lines:
            parent = line.parent_line_id.appraisal_id
            skp = line.appraisal_id
            # the appraiser's results, or those of the holder a running Plt stands in for
            self.assertIn(parent.employee_id, skp.appraiser_id | skp.employee_id.kinerja_acting_id.holder_id)
            self.assertEqual(parent.period_id, line.appraisal_id.period_id)
        # three levels: staff -> kepala bidang -> unit head -> Sekretaris Daerah
        self.assertTrue(lines.filtered(lambda line: line.parent_line_id.parent_line_id.parent_line_id))

    def test_appraiser_sees_the_skps_of_subordinates(self):
        ridwan = self.env.ref(f"{MODULE}.user_ridwan")
        visible = self.env["asn.kinerja.appraisal"].with_user(ridwan).search([("period_id", "=", self.period.id)])
        appraised = visible.filtered("is_appraiser")
        self.assertEqual(appraised.employee_id, ridwan.employee_id.appraisee_ids)
        self.assertGreaterEqual(len(appraised), 3)
        self.assertEqual(visible - appraised, visible.filtered("is_own"))
        # a teacher sees only her own SKP
        dewi = self.env.ref(f"{MODULE}.user_dewi")
        own = self.env["asn.kinerja.appraisal"].with_user(dewi).search([])
        self.assertEqual(own.sudo().employee_id.user_id, dewi)

    def test_workflow_was_done_by_the_people(self):
        """Each step ran as the user whose step it is: the chatter names them."""
        skp = self.env.ref(f"{MODULE}.skp_2026_budi")
        authors = set(skp.message_ids.author_id.ids)
        for xmlid in ("user_budi", "user_dedi", "user_hendra"):
            self.assertIn(self.env.ref(f"{MODULE}.{xmlid}").partner_id.id, authors)

    def test_bkpsdm_sees_penetapan_late_skps_and_a_ready_export(self):
        """The four units are rated; Dinas Kesehatan's Penetapan is confirmed, Dinas Pendidikan's spread breaks
        its pattern; some SKPs are late; the SIASN export of the year has records and says what it left out."""
        ratings = {
            xmlid: self.env.ref(f"{MODULE}.unit_rating_2026_{xmlid}")
            for xmlid in ("setda", "bkpsdm", "disdik", "dinkes")
        }
        self.assertEqual(len(set(ratings.values())), 4)
        self.assertRecordValues(ratings["dinkes"], [{"state": "confirmed", "good_count": 1, "poor_count": 1}])
        # prepared by BKPSDM, set by the Sekda who appraises the head of Dinas Kesehatan; two SKPs not finished
        self.assertEqual(ratings["dinkes"].prepared_by_id, self.env.ref(f"{MODULE}.user_budi"))
        self.assertEqual(ratings["dinkes"].set_by_id, self.env.ref(f"{MODULE}.emp_zulkifli"))
        self.assertEqual(
            ratings["dinkes"].unfinished_appraisal_ids.employee_id,
            self.env.ref(f"{MODULE}.emp_yulia") | self.env.ref(f"{MODULE}.emp_wahyuni"),
        )
        self.assertFalse(ratings["disdik"].distribution_ok)
        # its SKPs are scored, not finished: none is counted yet, each is listed (docs/rules.md §5)
        self.assertIn("No SKP of this unit is finished yet.", ratings["disdik"].distribution_issues)
        self.assertIn("not finished", ratings["disdik"].distribution_issues)
        self.assertEqual(ratings["disdik"].state, "draft")
        # once the plan deadline (31 January 2026) has passed, the plans still in draft or submitted are late,
        # whatever day the suite runs
        with freeze_time("2026-06-30"):
            self.env["asn.kinerja.appraisal"]._refresh_late(date(2026, 6, 30))
            self.assertTrue(self.skps.filtered("is_late"))
            self.assertFalse(self.skps.filtered(lambda s: s.is_late and s.state in ("done", "cancel")))
        budi = self.env.ref(f"{MODULE}.user_budi")
        export = self.env["asn.kinerja.siasn.export"].with_user(budi).create({"period_id": self.period.id})
        export.action_export()
        done = self.skps.filtered(lambda s: s.state == "done")
        # a result still under objection (Irwan's) waits for its decision
        pending = done.filtered(lambda s: "submitted" in s.objection_ids.mapped("state"))
        self.assertTrue(pending)
        self.assertGreaterEqual(export.record_count, len(done - pending))
        self.assertEqual(set(export.line_ids.employee_id.ids), set((self.skps - done + pending).employee_id.ids))

    def test_two_way_and_transparent(self):
        """A conversation on the SKPs (feedback on rows and on the whole SKP, answers, a dialogue, the two
        texts once written on rows), one acknowledged result, one objection waiting and one decided."""
        entries = self.env["asn.kinerja.feedback"].search([("appraisal_id", "in", self.skps.ids)])
        self.assertGreaterEqual(len(entries), 8)
        self.assertEqual(set(entries.mapped("author_role")), {"employee", "appraiser", "superior"})
        self.assertTrue(entries.filtered(lambda e: e.kind == "dialogue"))
        self.assertTrue(entries.filtered("line_id") and entries.filtered(lambda e: not e.line_id))
        bodies = entries.mapped("body")
        self.assertIn("Percepat rekapitulasi AKPK dari enam perangkat daerah yang belum menyampaikan.", bodies)
        self.assertIn("Lanjutkan survei semester II di sekolah daerah terpencil.", bodies)
        rina = self.env.ref(f"{MODULE}.skp_2026_rina")
        self.assertTrue(rina.acknowledged_date and rina.employee_comment)
        acknowledged = self.skps.filtered("acknowledged_date")
        self.assertEqual(acknowledged, rina)
        # the other finished SKPs wait for their employee to say they have read them, unless an objection
        # waits: reading is asked again once it is decided (docs/rules.md §21)
        pending = self.env["asn.kinerja.objection"].search([("state", "=", "submitted")]).appraisal_id
        for skp in self.skps.filtered(lambda s: s.state == "done") - rina - pending:
            self.assertIn(skp.employee_id.user_id, skp.activity_ids.user_id)
        self.assertTrue(pending)
        objections = self.env["asn.kinerja.objection"].search([("appraisal_id", "in", self.skps.ids)])
        irwan = objections.filtered(lambda o: o.appraisal_id == self.env.ref(f"{MODULE}.skp_2026_irwan"))
        eko = objections.filtered(lambda o: o.appraisal_id == self.env.ref(f"{MODULE}.skp_2026_eko"))
        self.assertEqual(len(objections), 2)
        self.assertEqual((irwan.state, irwan.superior_id), ("submitted", self.sekda))
        self.assertIn(self.sekda.user_id, irwan.activity_ids.user_id)
        self.assertEqual(eko.state, "rejected")
        self.assertTrue(eko.appraiser_explanation and eko.employee_explanation and eko.decision_reason)
        self.assertEqual(eko.appraisal_id.predicate, "poor")

    def test_training_demo_closes_the_loop(self):
        Request = self.env["asn.training.request"]
        for xmlid in ("skp_2026_irwan", "skp_2026_eko"):
            with self.subTest(skp=xmlid):
                skp = self.env.ref(f"{MODULE}.{xmlid}")
                self.assertIn(skp.predicate, LOW_PREDICATES)
                linked = Request.search([("appraisal_id", "=", skp.id)])
                self.assertEqual(len(linked), 1)
                self.assertEqual(linked.source, "appraisal")
                self.assertIn(skp.appraiser_id.user_id, skp.activity_ids.user_id)
        self.assertEqual(self.env.ref(f"{TRAINING}.request_dewi_elearning").state, "submitted")
        agus = self.env.ref(f"{TRAINING}.request_agus_bimtek")
        self.assertEqual(agus.state, "final_approval")
        siti = self.env.ref(f"{TRAINING}.request_siti_berakhlak")
        self.assertEqual(siti.state, "done")
        self.assertGreaterEqual(siti.employee_id.training_jp_done, siti.jp_hours)

    def test_360_input_on_behaviour(self):
        """Dewi Kartika's appraiser asked two teachers of her unit, who answered: she reads the summary;
        Budi Santoso has yet to answer about Siti Aminah (docs/rules.md §20.16)."""
        self.assertTrue(self.company.kinerja_peer_input)
        dewi = self.env.ref(f"{MODULE}.skp_2026_dewi").with_user(self.env.ref(f"{MODULE}.user_dewi"))
        self.assertFalse(dewi.peer_input_ids, "the employee reads no answer, only the summary")
        self.assertTrue(dewi.peer_summary_visible)
        self.env.invalidate_all()
        self.assertEqual(dewi.sudo().peer_input_ids.mapped("state"), ["answered", "answered"])
        siti = self.env.ref(f"{MODULE}.skp_2026_siti").sudo()
        budi = self.env.ref(f"{MODULE}.user_budi")
        self.assertEqual(siti.peer_input_ids.activity_ids.user_id, budi)

    def test_what_the_demo_wrote_is_indonesian(self):
        """Chatter, activities and generated fields of the demo, read by an id_ID user (docs/rules.md §20)."""
        reader = self.env.ref(f"{MODULE}.user_budi")  # Pengelola Kinerja reads every SKP
        self.assertEqual(reader.lang, "id_ID")
        env = self.env(user=reader, context={"lang": "id_ID"})
        models = [model for model in KINERJA_MODELS if model in self.env]
        messages = self.env["mail.message"].search([("model", "in", models)])
        activities = self.env["mail.activity"].search([("res_model", "in", models)])
        self.assertGreater(len(messages), 50)
        self.assertGreater(len(activities), 5)
        self.assertFalse(activities.filtered(lambda a: not a.summary), "activities without a title")
        texts = messages.mapped("body") + activities.mapped("summary") + activities.mapped("note")
        texts += activities.activity_type_id.with_env(env).mapped("name")
        skps = self.skps.with_env(env)
        texts += skps.mapped("predicate_reason") + skps.mapped("next_step")
        if "asn.training.request" in self.env:
            requests = self.env["asn.training.request"].with_env(env).search([])
            texts += requests.mapped("reason") + requests.mapped("next_step")
        # the next step as each assignee reads it on the record of their activity
        for activity in activities:
            texts.append(env[activity.res_model].with_user(activity.user_id).browse(activity.res_id).next_step)
        english = {text: words for text in texts if text and (words := english_in(text))}
        self.assertFalse(english, f"English in the demo: {english}")

    def test_the_catalogue_is_the_regency_s_own(self):
        if "hr.course.category" not in self.env:
            return
        names = self.env["hr.course.category"].search([]).mapped("name")
        self.assertFalse({"Department IT", "Languages"} & set(names), "hr_course's demo categories")

    def test_a_set_talent_box_and_an_expiring_certificate(self):
        if "asn.talent.box" not in self.env:
            return
        box = self.env.ref(f"{TRAINING}.talent_box_2026")
        self.assertEqual(box.state, "set")
        self.assertEqual(box.set_by_id, self.env.ref(f"{MODULE}.user_zulkifli"))
        self.assertGreaterEqual(len(box.line_ids), 5)
        self.assertTrue(all(line.box or line.excluded for line in box.line_ids))
        eko = box.line_ids.filtered(lambda line: line.employee_id == self.env.ref(f"{MODULE}.emp_eko"))
        self.assertTrue(eko.excluded and eko.exclusion_reason)
        certificate = self.env["asn.training.certificate"].search(
            [("employee_id", "=", self.env.ref(f"{MODULE}.emp_yusuf").id)]
        )
        self.assertEqual(certificate.validity_state, "expiring")

    def test_an_akpk_in_each_state(self):
        """The competency needs plans of 2027 (docs/rules.md §25): SD drafts, PKPK has submitted, Pelayanan
        Kesehatan is set and its training requests follow, the low-predikat one of Eko linked, not doubled."""
        if "asn.training.needs" not in self.env:
            return
        plans = {
            state: self.env.ref(f"{TRAINING}.needs_2027_{unit}")
            for state, unit in (("draft", "sd"), ("submitted", "pkpk"), ("set", "yankes"))
        }
        for state, plan in plans.items():
            with self.subTest(state=state):
                self.assertEqual(plan.state, state)
                self.assertTrue(plan.line_ids)
        requests = plans["set"].line_ids.request_id
        self.assertTrue(requests)
        eko = self.env.ref(f"{MODULE}.emp_eko")
        coaching = self.company._training_coaching_course()
        self.assertEqual(
            self.env["asn.training.request"].search_count(
                [("employee_id", "=", eko.id), ("course_id", "=", coaching.id)]
            ),
            1,
        )

    def test_a_living_year(self):
        """A transfer on 1 July 2026 split Yusuf Maulana's SKP in two parts; a Plt appraises for the Sekretaris
        Dinas Pendidikan; a part-time PPPK's contract ends within 60 days and HR and her unit head were told
        (docs/rules.md §16, §17, §24)."""
        today = fields.Date.context_today(self.env["hr.employee"])
        # the transfer: the old part keeps its appraiser and state, the new one follows it without a gap
        yusuf = self.env.ref(f"{MODULE}.emp_yusuf")
        rina = self.env.ref(f"{MODULE}.emp_rina")
        old, new = self.skps.filtered(lambda s: s.employee_id == yusuf).sorted("date_start")
        self.assertEqual(old, self.env.ref(f"{MODULE}.skp_2026_yusuf"))
        self.assertRecordValues(
            old,
            [
                {
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 6, 30),
                    "state": "self_assessed",
                    "appraiser_id": rina.id,
                    "department_id": self.env.ref(f"{MODULE}.dep_bkpsdm_sekretariat").id,
                }
            ],
        )
        self.assertIn(rina.user_id, old.activity_ids.user_id, "the old appraiser still scores the old part")
        self.assertRecordValues(
            new,
            [
                {
                    "date_start": date(2026, 7, 1),
                    "date_end": date(2026, 12, 31),
                    "state": "draft",
                    "previous_appraisal_id": old.id,
                    "appraiser_id": self.sekda.id,
                    "department_id": self.env.ref(f"{MODULE}.dep_setda").id,
                }
            ],
        )
        self.assertEqual(new.line_ids.indicator_id, yusuf.job_id.asn_indicator_ids)
        self.assertEqual((yusuf.department_id, yusuf.appraiser_id), (new.department_id, self.sekda))
        for skp in (old, new):
            self.assertIn("821.2/145/BKPSDM/2026", " ".join(str(body) for body in skp.message_ids.mapped("body")))
        # the Plt: running today, the holder's appraisee and her SKP follow the acting official
        acting = self.env.ref(f"{MODULE}.acting_disdik_sekretariat")
        ridwan = self.env.ref(f"{MODULE}.emp_ridwan")
        nurhasanah = self.env.ref(f"{MODULE}.emp_nurhasanah")
        nadia = self.env.ref(f"{MODULE}.emp_nadia")
        self.assertEqual((acting.state, acting.kind, acting.holder_id), ("running", "plt", nurhasanah))
        self.assertTrue(acting.date_from <= today <= acting.date_to)
        self.assertEqual(acting.appraisee_ids, nadia)
        self.assertEqual((nadia.parent_id, nadia.appraiser_id), (nurhasanah, ridwan))
        skp = self.skps.filtered(lambda s: s.employee_id == nadia)
        self.assertEqual(len(skp), 1)
        self.assertEqual(skp.appraiser_id, ridwan)
        # the part-time PPPK: code 21, a one-year contract ending within 60 days, its recommendation waiting
        self.assertEqual(nadia.asn_type, "pppk_part_time")
        self.assertIsNone(parse_nip(nadia.nip, "pppk_part_time").appointment_month)
        self.assertTrue(today <= nadia.contract_date_end <= today + timedelta(days=60))
        self.assertEqual(nadia.contract_date_start, nadia.contract_date_end - relativedelta(years=1, days=-1))
        recommendation = self.env["asn.kinerja.contract.recommendation"].search([("employee_id", "=", nadia.id)])
        self.assertEqual(len(recommendation), 1)
        self.assertEqual(recommendation.contract_date_end, nadia.contract_date_end)
        told = recommendation.activity_ids.user_id
        self.assertIn(self.env.ref(f"{MODULE}.user_budi"), told)
        self.assertIn(recommendation.head_id.user_id, told)

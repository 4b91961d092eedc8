"""360 input on behaviour (docs/rules.md §20.16), per role: the appraiser asks peers and direct
subordinates, each answers through an activity; the appraiser and HR read every answer, the employee
only the summary per value, the colleague asked only their own answer."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import EMPLOYEE, OFFICER, KinerjaCase

PEER_INPUT = "asn.kinerja.peer.input"
LINE = "asn.kinerja.peer.input.line"
COMMENT = "Sering terlambat rapat koordinasi"


@tagged("post_install", "-at_install")
class TestPeerInput(KinerjaCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.kinerja_peer_input = True
        Employee = cls.env["hr.employee"]
        # a direct subordinate of Staf Satu, and someone of another unit and position type
        cls.user_junior = new_test_user(cls.env, "kin_junior", groups=EMPLOYEE, name="Staf Junior")
        cls.junior = Employee.create(cls._employee_vals(cls.user_junior, 20, parent=cls.staff))
        cls.other_unit = cls.env["hr.department"].create({"name": "Dinas Lain"})
        cls.user_stranger = new_test_user(cls.env, "kin_stranger", groups=EMPLOYEE, name="Orang Lain")
        cls.stranger = Employee.create(
            {
                **cls._employee_vals(cls.user_stranger, 21),
                "department_id": cls.other_unit.id,
                "asn_position_type": "fungsional",
            }
        )
        # walked once for the class (each test rolls back to it), not before every test
        case = cls(methodName="run")  # the walk helpers are instance methods
        cls.skp = case.walk(case.skp_of(cls.staff), "approved")

    def ask(self, *employees, user=None):
        Input = self.env[PEER_INPUT].with_user(user or self.user_supervisor)
        return Input.create([{"appraisal_id": self.skp.id, "employee_id": e.id} for e in employees])

    def answer(self, request, rating="above", comment=COMMENT):
        user = request.employee_id.user_id
        request.line_ids.with_user(user).write({"rating": rating, "comment": comment})
        request.with_user(user).action_answer()
        return request

    # ------------------------------------------------------------------
    # asking
    # ------------------------------------------------------------------
    def test_appraiser_asks_a_peer_and_a_subordinate_each_through_an_activity(self):
        peer, junior = self.ask(self.staff2, self.junior)
        self.assertEqual((peer.relation, junior.relation), ("peer", "subordinate"))
        self.assertEqual(len(peer.line_ids), len(self.skp.behavior_line_ids))
        self.assertEqual(peer.line_ids.behavior_id, self.skp.behavior_line_ids.behavior_id)
        for request, user in ((peer, self.user_staff2), (junior, self.user_junior)):
            self.assertEqual(request.activity_ids.user_id, user)
            self.assertEqual(request.activity_ids.activity_type_id, self.env.ref("hr_asn_kinerja.mail_act_peer_input"))
            self.assertIn("Your turn", request.with_user(user).next_step)

    def test_a_peer_of_the_same_position_type_in_another_unit_may_be_asked(self):
        self.stranger.asn_position_type = self.staff.asn_position_type
        self.assertEqual(self.ask(self.stranger).relation, "peer")

    def test_only_the_appraiser_asks(self):
        for user in (self.user_staff, self.user_staff2, self.user_head, self.user_officer, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.ask(self.staff2, user=user)

    def test_asking_needs_the_company_setting(self):
        self.company.kinerja_peer_input = False
        with self.assertRaisesRegex(UserError, "switched off"):
            self.ask(self.staff2)
        with self.assertRaisesRegex(UserError, "switched off"):
            self.skp.with_user(self.user_supervisor).action_open_peer_input_wizard()

    def test_asking_only_while_approved_or_self_assessed(self):
        self.walk(self.skp, "self_assessed")
        self.assertTrue(self.ask(self.staff2))
        self.walk(self.skp, "scored")
        with self.assertRaisesRegex(UserError, "approved or self-assessed"):
            self.ask(self.junior)
        draft = self.skp_of(self.staff2)
        with self.assertRaisesRegex(UserError, "approved or self-assessed"):
            self.env[PEER_INPUT].with_user(self.user_supervisor).create(
                {"appraisal_id": draft.id, "employee_id": self.staff.id}
            )

    def test_nobody_but_peers_and_direct_subordinates_can_be_asked(self):
        with self.assertRaisesRegex(ValidationError, "neither a peer"):
            self.ask(self.stranger)
        with self.assertRaisesRegex(ValidationError, "own SKP"):
            self.ask(self.staff)
        with self.assertRaisesRegex(ValidationError, "is the appraiser"):
            self.ask(self.supervisor)
        self.ask(self.staff2)
        with self.assertRaisesRegex(ValidationError, "already asked"), self.cr.savepoint():
            self.ask(self.staff2)

    def test_the_wizard_offers_only_peers_and_subordinates(self):
        action = self.skp.with_user(self.user_supervisor).action_open_peer_input_wizard()
        wizard = (
            self.env[action["res_model"]].with_user(self.user_supervisor).with_context(**action["context"]).create({})
        )
        offered = set(wizard.candidate_ids.ids)
        self.assertLessEqual({self.staff2.id, self.junior.id}, offered)
        self.assertFalse({self.staff.id, self.supervisor.id, self.stranger.id} & offered)
        wizard.employee_ids = [(6, 0, [self.staff2.id, self.junior.id])]
        wizard.action_confirm()
        self.assertEqual(self.skp.peer_input_ids.employee_id, self.staff2 | self.junior)
        # asked once: no longer offered
        wizard = self.env[action["res_model"]].with_user(self.user_supervisor).create({"appraisal_id": self.skp.id})
        self.assertNotIn(self.staff2.id, wizard.candidate_ids.ids)

    def test_appraiser_withdraws_an_unanswered_request_only(self):
        peer, junior = self.ask(self.staff2, self.junior)
        with self.assertRaises(UserError):
            peer.with_user(self.user_officer).unlink()
        peer.with_user(self.user_supervisor).unlink()
        self.answer(junior)
        with self.assertRaisesRegex(UserError, "before it is answered"):
            junior.with_user(self.user_supervisor).unlink()

    # ------------------------------------------------------------------
    # answering
    # ------------------------------------------------------------------
    def test_answering_closes_the_activity_and_is_final(self):
        request = self.answer(self.ask(self.staff2))
        self.assertEqual(request.state, "answered")
        self.assertTrue(request.date_answered)
        self.assertFalse(request.activity_ids)
        with self.assertRaises(UserError):
            request.line_ids[:1].with_user(self.user_staff2).write({"rating": "below"})
        with self.assertRaises(UserError):
            request.with_user(self.user_staff2).action_answer()

    def test_an_answer_by_someone_not_asked_gets_a_clear_error(self):
        request = self.ask(self.staff2)
        request.line_ids.with_user(self.user_staff2).write({"rating": "as_expected"})
        for user in (self.user_supervisor, self.user_officer, self.user_manager, self.user_staff, self.user_junior):
            with self.subTest(user=user.login), self.assertRaisesRegex(AccessError, "Staf Dua, who was asked"):
                request.with_user(user).action_answer()
        for user in (self.user_supervisor, self.user_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                request.line_ids[:1].with_user(user).write({"rating": "below"})
        self.assertEqual(request.state, "asked")

    def test_every_value_is_rated_before_sending(self):
        request = self.ask(self.staff2)
        request.line_ids[:3].with_user(self.user_staff2).write({"rating": "above"})
        with self.assertRaisesRegex(UserError, "Rate every value first"):
            request.with_user(self.user_staff2).action_answer()

    def test_scoring_closes_the_unanswered_requests(self):
        answered, open_request = self.ask(self.staff2, self.junior)
        self.answer(answered)
        self.walk(self.skp, "scored")
        self.assertEqual((answered.state, open_request.state), ("answered", "expired"))
        self.assertFalse(open_request.activity_ids)
        with self.assertRaisesRegex(UserError, "not possible now"):
            open_request.with_user(self.user_junior).action_answer()

    # ------------------------------------------------------------------
    # who reads what
    # ------------------------------------------------------------------
    def test_the_colleague_asked_reads_only_their_own_answer(self):
        peer, junior = self.ask(self.staff2, self.junior)
        self.answer(junior, "below")
        Input, Line = self.env[PEER_INPUT].with_user(self.user_staff2), self.env[LINE].with_user(self.user_staff2)
        self.assertEqual(Input.search([]), peer)
        self.assertEqual(Line.search([]), peer.line_ids)
        with self.assertRaises(AccessError):
            junior.with_user(self.user_staff2).read(["state"])
        # nothing of the SKP itself
        self.assertFalse(
            self.env["asn.kinerja.appraisal"].with_user(self.user_staff2).search([("id", "=", self.skp.id)])
        )

    def test_the_employee_reads_the_summary_never_who_said_what(self):
        peer, junior = self.ask(self.staff2, self.junior)
        self.answer(peer, "above")
        skp = self.skp.with_user(self.user_staff)
        self.assertFalse(self.env[PEER_INPUT].with_user(self.user_staff).search([]))
        self.assertFalse(self.env[LINE].with_user(self.user_staff).search([]))
        self.assertFalse(skp.peer_input_ids)
        # one answer would be that colleague's answer: no summary yet
        self.assertFalse(skp.peer_summary_visible)
        self.assertFalse(skp.peer_summary)
        self.answer(junior, "below")
        skp.invalidate_recordset()
        self.assertTrue(skp.peer_summary_visible)
        summary = str(skp.peer_summary)
        self.assertIn("2 colleagues answered", summary)
        for hidden in ("Staf Dua", "Staf Junior", COMMENT):
            self.assertNotIn(hidden, summary)
        # each value: one above, none as expected, one below
        first_value = skp.behavior_line_ids[:1].behavior_id.name
        self.assertRegex(summary, rf"{first_value}</td>\s*<td[^>]*>1</td>\s*<td[^>]*>0</td>\s*<td[^>]*>1</td>")

    def test_the_appraiser_reads_every_answer_and_the_summary(self):
        peer, junior = self.ask(self.staff2, self.junior)
        self.answer(peer)
        skp = self.skp.with_user(self.user_supervisor)
        self.assertEqual(skp.peer_input_ids, peer | junior)
        self.assertIn(COMMENT, skp.peer_input_ids.line_ids.mapped("comment"))
        self.assertTrue(skp.peer_summary_visible, "the appraiser reads the summary from the first answer")
        self.assertIn("1 colleagues answered", str(skp.peer_summary))

    def test_the_superior_reads_the_summary_not_the_answers(self):
        self.answer(self.ask(self.staff2))
        skp = self.skp.with_user(self.user_head)
        self.assertFalse(skp.peer_input_ids)
        self.assertFalse(self.env[PEER_INPUT].with_user(self.user_head).search([]))
        self.assertTrue(skp.peer_summary_visible)

    def test_hr_reads_every_answer_of_their_company_only(self):
        request, open_request = self.ask(self.staff2, self.junior)
        self.answer(request)
        self.assertEqual(self.env[PEER_INPUT].with_user(self.user_officer).search([]), request | open_request)
        self.assertEqual(self.env[LINE].with_user(self.user_officer).search([]), (request | open_request).line_ids)
        with self.assertRaises(AccessError):
            open_request.line_ids[:1].with_user(self.user_officer).write({"comment": "Koreksi"})
        other = self.env["res.company"].create({"name": "Kabupaten Tebo"})
        tebo_officer = new_test_user(
            self.env, "kin_officer_tebo", groups=OFFICER, company_id=other.id, company_ids=other.ids
        )
        self.assertFalse(self.env[PEER_INPUT].with_user(tebo_officer).search([]))
        self.assertEqual(request.company_id, self.company)
        self.assertEqual(request.line_ids.company_id, self.company)

"""The supervisor's path through Subordinates (issue 19): people one under the other with the button of their
step, three people scored from the list without leaving it, on a phone and on a desktop; and the SKP form at
phone size, where no tab, dialog or field is wider than the screen. Tours: static/src/tours/kinerja_phone_path_tours.js."""

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from ..tools.predicate import compute_predicate
from .common import EMPLOYEE, KinerjaCase
from .tour_case import KinerjaTourCase


class PhonePathTours:
    """Run at both sizes by the classes below."""

    def third_subordinate(self):
        """Staf Tiga, also appraised by Kepala Bidang, with the SKP of the open period."""
        user = new_test_user(self.env, "kin_staff3", groups=EMPLOYEE, name="Staf Tiga")
        if "odoobot_state" in user._fields:
            user.odoobot_state = "disabled"
        employee = self.env["hr.employee"].create(self._employee_vals(user, 7, parent=self.supervisor))
        return self.env["asn.kinerja.appraisal"].create(
            {"employee_id": employee.id, "period_id": self.period.id, "appraiser_id": self.supervisor.id}
        )

    def test_supervisor_scores_three_from_the_list(self):
        skps = self.skp_of(self.staff) | self.skp_of(self.staff2) | self.third_subordinate()
        for skp in skps:
            self.walk(skp, "self_assessed")

        self.run_tour("hr_asn_kinerja_score_three_from_list", "kin_supervisor")
        self.assertRecordValues(
            skps,
            [
                {
                    "state": "scored",
                    "result_rating": "as_expected",
                    "behavior_rating": "as_expected",
                    "predicate": "good",
                },
                # both ratings changed in one tap: Score on the card, the matrix's cell, Score (the tour counts 3)
                {"state": "scored", "result_rating": "above", "behavior_rating": "above", "predicate": "very_good"},
                {
                    "state": "scored",
                    "result_rating": "below",
                    "behavior_rating": "as_expected",
                    "predicate": "needs_improvement",
                },
            ],
        )
        self.assertIn("bimbingan", skps[2].appraiser_feedback)


@tagged("post_install", "-at_install")
class TestPhonePathDesktop(PhonePathTours, KinerjaTourCase):
    browser_size = "1366x900"


@tagged("post_install", "-at_install")
class TestPhonePathPhone(PhonePathTours, KinerjaTourCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_skp_form_fits_the_phone(self):
        """Every tab of the SKP and its dialogs at 390 px: nothing wider than the screen, the tabs in sight,
        the work result dialog's inputs visible before a tap and its labels unique."""
        skp = self.walk(self.skp_of(self.staff), "approved")
        indicator = self.env["asn.kinerja.indicator"].create(
            {
                "name": "Persentase_penyelesaian_laporan_kinerja_instansi_pemerintah_tepat_waktu_sesuai_ketentuan"
                "_peraturan_menteri_pendayagunaan_aparatur_negara",
            }
        )
        skp.line_ids.write(
            {
                "indicator_id": indicator.id,
                "evidence_url": "https://drive.bungokab.go.id/bkpsdm/kinerja/2026/bukti-dukung/laporan-bulanan-"
                "januari-sampai-desember-staf-satu-lengkap.pdf",
            }
        )
        self.start_tour(
            f"/odoo/action-hr_asn_kinerja.action_appraisal_mine/{skp.id}",
            "hr_asn_kinerja_skp_fits_phone",
            login="kin_staff",
        )


class TestQuickScore(KinerjaCase):
    """The card's dialog takes the engine's Score step, with its rules."""

    def test_dialog_refuses_what_the_form_refuses(self):
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        Wizard = self.env["asn.kinerja.quick.score.wizard"].with_context(default_appraisal_id=skp.id)
        low = Wizard.with_user(self.user_supervisor).create({"result_rating": "below", "appraiser_feedback": False})
        with self.assertRaisesRegex(UserError, "reason"):
            low.action_confirm()
        self.assertEqual(skp.state, "self_assessed")
        # one choice with a Below in it is refused the same, naming the field to write
        low = Wizard.with_user(self.user_supervisor).create({"rating_pair": "as_expected:below"})
        with self.assertRaisesRegex(UserError, "Reason and Recommendation"):
            low.action_confirm()
        self.assertEqual((skp.state, skp.behavior_rating), ("self_assessed", False))
        # the employee cannot score her own SKP through the dialog either
        own = Wizard.with_user(self.user_staff)
        with self.assertRaises(Exception):  # noqa: B017 - no access to the model, or the engine's refusal
            own.create({"result_rating": "above"}).action_confirm()
        self.assertEqual(skp.state, "self_assessed")
        # the dialog opens on As Expected; the supervisor scores
        scored = Wizard.with_user(self.user_supervisor).create({})
        self.assertEqual((scored.result_rating, scored.behavior_rating), ("as_expected", "as_expected"))
        scored.action_confirm()
        self.assertRecordValues(skp, [{"state": "scored", "predicate": "good"}])

    def test_one_choice_sets_both_ratings_and_names_the_predikat(self):
        """Each of the nine choices is a cell of the predikat matrix: it sets the two ratings the engine reads,
        and its label begins with the predikat they give."""
        labels = dict(
            self.env["asn.kinerja.quick.score.wizard"]._fields["rating_pair"]._description_selection(self.env)
        )
        predicates = dict(self.env["asn.kinerja.appraisal"]._fields["predicate"]._description_selection(self.env))
        self.assertEqual(len(labels), 9)
        for pair, label in labels.items():
            result, behavior = pair.split(":")
            self.assertTrue(label.startswith(predicates[compute_predicate(result, behavior)] + ":"), label)
        skp = self.walk(self.skp_of(self.staff), "self_assessed")
        wizard = (
            self.env["asn.kinerja.quick.score.wizard"]
            .with_user(self.user_supervisor)
            .with_context(default_appraisal_id=skp.id)
            .create({"rating_pair": "below:below", "appraiser_feedback": "Belum tercapai; ikuti bimbingan."})
        )
        self.assertEqual((wizard.result_rating, wizard.behavior_rating), ("below", "below"))
        wizard.action_confirm()
        self.assertRecordValues(
            skp, [{"state": "scored", "result_rating": "below", "behavior_rating": "below", "predicate": "very_poor"}]
        )


class TestLanding(KinerjaCase):
    """Where each person lands after login: what waits for them first."""

    def home_of(self, user):
        return user._kinerja_home_action().with_user(user).run()

    def test_appraiser_with_waiting_skps_lands_on_subordinates_awaiting_me(self):
        skp = self.skp_of(self.staff)
        self.walk(skp, "submitted")
        home = self.home_of(self.user_supervisor)
        self.assertEqual(home["xml_id"], "hr_asn_kinerja.action_appraisal_subordinates")
        self.assertIn("search_default_awaiting_me", home["context"])
        # nobody waits any more: the appraiser lands on their own SKP, like everyone else
        self.walk(skp, "approved")
        home = self.home_of(self.user_supervisor)
        self.assertEqual((home["res_id"], home["view_mode"]), (self.skp_of(self.supervisor).id, "form"))
        # the employee and HR keep theirs
        self.assertEqual(self.home_of(self.user_staff)["res_id"], skp.id)
        self.assertEqual(self.home_of(self.user_officer)["xml_id"], "hr_asn_kinerja.action_appraisal_all")

"""A low rating has its reason (docs/rules.md §21): Below Expectations is neither scored nor finalised without the
appraiser's reason and recommendation, the superior confirms a low predikat before setting it, and the Dokumen
never prints an empty recommendation for a low result."""

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import KinerjaCase

FIELD = "Appraiser's Notes and Recommendations"
DOCUMENT = "hr_asn_kinerja.action_report_evaluation_document"


@tagged("post_install", "-at_install")
class TestLowRating(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skp = self.walk(self.skp_of(self.staff), "self_assessed")
        self.appraiser = self.skp.with_user(self.user_supervisor)

    def test_below_is_not_scored_without_the_reason(self):
        for ratings in (
            {"result_rating": "below", "behavior_rating": "as_expected"},
            {"result_rating": "above", "behavior_rating": "below"},
        ):
            with self.subTest(**ratings):
                self.appraiser.write({**ratings, "appraiser_feedback": "  "})
                with self.assertRaisesRegex(UserError, f"Below Expectations needs the appraiser's reason.*{FIELD}"):
                    self.appraiser.action_score()
                self.assertEqual(self.skp.state, "self_assessed")
        self.appraiser.write({"appraiser_feedback": "Disiplin waktu di bawah ekspektasi: bimbingan kinerja bulanan."})
        self.appraiser.action_score()
        self.assertEqual((self.skp.state, self.skp.predicate), ("scored", "poor"))

    def test_as_expected_needs_no_reason(self):
        self.appraiser.write({"result_rating": "as_expected", "behavior_rating": "above"})
        self.appraiser.action_score()
        self.assertEqual(self.skp.state, "scored")

    def test_a_corrected_result_is_not_finalised_low_without_the_reason(self):
        self.walk(self.skp, "done")
        self.skp.with_user(self.user_officer).action_reopen("Salah input rating")
        self.appraiser.write({"result_rating": "below"})
        with self.assertRaisesRegex(UserError, FIELD):
            self.skp.with_user(self.user_officer).action_done()
        self.appraiser.write({"appraiser_feedback": "Target laporan tidak tercapai: bimbingan kinerja."})
        self.skp.with_user(self.user_officer).action_done()
        self.assertEqual((self.skp.state, self.skp.predicate), ("done", "needs_improvement"))

    def test_the_superior_confirms_a_low_predikat(self):
        arch = etree.fromstring(
            self.env["asn.kinerja.appraisal"]
            .with_user(self.user_head)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        buttons = arch.xpath("//header/button[@name='action_done']")
        for predicate, confirms in (
            ("good", False),
            ("very_good", False),
            ("needs_improvement", True),
            ("poor", True),
            ("very_poor", True),
        ):
            values = {"state": "scored", "is_superior": True, "is_officer": False, "predicate": predicate}
            shown = [button for button in buttons if not safe_eval(button.get("invisible"), values)]
            with self.subTest(predicate=predicate):
                self.assertEqual(len(shown), 1)
                self.assertEqual(bool(shown[0].get("confirm")), confirms)

    def test_the_dokumen_never_prints_an_empty_recommendation_for_a_low_result(self):
        self.appraiser.write(
            {"result_rating": "below", "behavior_rating": "below", "appraiser_feedback": "Ikuti bimbingan kinerja."}
        )
        self.appraiser.action_score()
        html = self.render()
        self.assertIn("Ikuti bimbingan kinerja.", html)
        # a result from before this rule (or changed by an objection) with no notes: the rules' recommendation
        self.env.cr.execute("UPDATE asn_kinerja_appraisal SET appraiser_feedback = NULL WHERE id = %s", [self.skp.id])
        self.skp.invalidate_recordset()
        notes = etree.fromstring(self.render(), etree.HTMLParser()).xpath("//td[contains(@class, 'o_asn_notes')]")
        self.assertTrue(notes)
        self.assertIn("bimbingan kinerja oleh Pejabat Penilai", " ".join(notes[0].itertext()))

    def render(self):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(DOCUMENT, self.skp.ids)
        return html.decode()

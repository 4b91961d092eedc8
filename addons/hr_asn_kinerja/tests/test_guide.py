"""The Panduan page (/kinerja/panduan): the yearly cycle, the predikat matrix with the reader's own cell,
answers to the questions staff ask, the tours of the reader's roles; opened from the menu or an SKP."""

import re

from lxml import html

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.hr_asn_kinerja.tools.predicate import RATINGS, compute_predicate

from .common import TOUR_POINTER_SHOWS, KinerjaCase

GUIDE = "/kinerja/panduan"


@tagged("post_install", "-at_install")
class TestGuide(HttpCase, KinerjaCase):
    def page(self, login, query=""):
        self.authenticate(login, login)
        return self.url_open(f"{GUIDE}{query}")

    def tree(self, login, query=""):
        response = self.page(login, query)
        self.assertEqual(response.status_code, 200)
        return html.fromstring(response.text)

    def test_the_matrix_is_the_one_of_tools_predicate(self):
        page = self.tree("kin_staff")
        cells = page.xpath("//table[contains(@class, 'o_asn_matrix')]//td/@data-predicate")
        expected = [compute_predicate(result, behavior) for result in RATINGS for behavior in reversed(RATINGS)]
        self.assertEqual(cells, expected)
        self.assertFalse(page.xpath("//td[contains(@class, 'o_asn_cell_mine')]"), "no SKP given: no cell marked")

    def test_the_employee_sees_their_own_cell_and_stage(self):
        skp = self.walk(self.skp_of(self.staff), "scored", result_rating="above", behavior_rating="as_expected")
        page = self.tree("kin_staff", f"?skp={skp.id}")
        mine = page.xpath("//td[contains(@class, 'o_asn_cell_mine')]")
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0].get("data-predicate"), "good")
        self.assertIn("Your SKP", mine[0].text_content())
        # row "above" (first), column "as expected" (second)
        rows = page.xpath("//table[contains(@class, 'o_asn_matrix')]/tbody/tr")
        self.assertIn("o_asn_cell_mine", rows[0].xpath("td")[1].get("class"))
        stage = page.xpath("//*[contains(@class, 'o_asn_stage_current')]")
        self.assertEqual([g.get("data-stage") for g in stage], ["evaluation"])

    def test_an_skp_not_rated_yet_marks_no_cell(self):
        skp = self.walk(self.skp_of(self.staff), "submitted")
        page = self.tree("kin_staff", f"?skp={skp.id}")
        self.assertFalse(page.xpath("//td[contains(@class, 'o_asn_cell_mine')]"))
        self.assertIn("not rated yet", page.text_content())
        self.assertEqual(page.xpath("//*[contains(@class, 'o_asn_stage_current')]/@data-stage"), ["planning"])

    def test_the_appraiser_sees_the_cell_of_the_skp_they_appraise(self):
        skp = self.walk(self.skp_of(self.staff), "scored", result_rating="below", behavior_rating="below")
        page = self.tree("kin_supervisor", f"?skp={skp.id}")
        mine = page.xpath("//td[contains(@class, 'o_asn_cell_mine')]")
        self.assertEqual(mine[0].get("data-predicate"), "very_poor")
        self.assertIn("This SKP", mine[0].text_content())

    def test_an_skp_the_reader_may_not_see_is_refused(self):
        skp = self.skp_of(self.staff)
        self.assertEqual(self.page("kin_staff2", f"?skp={skp.id}").status_code, 403)
        self.assertEqual(self.page("kin_staff2", "?skp=999999").status_code, 404)
        self.assertEqual(self.page("kin_staff2", "?skp=x").status_code, 404)
        with self.assertRaises(AccessError):
            skp.with_user(self.user_staff2).action_open_guide()

    def test_the_skp_form_opens_the_guide_with_its_skp(self):
        skp = self.skp_of(self.staff)
        action = skp.with_user(self.user_staff).action_open_guide()
        self.assertEqual(action["url"], f"{GUIDE}?skp={skp.id}#matrix")
        arch = skp.with_user(self.user_staff).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="action_open_guide"', arch)

    def test_the_answers_name_the_readers_appraiser(self):
        faq = self.tree("kin_staff").xpath("//section[@id='faq']")[0].text_content()
        self.assertIn("Kepala Bidang", faq)
        for question in ("appraiser", "ratings", "low result", "object"):
            self.assertIn(question, faq)

    def test_the_tours_of_the_readers_roles(self):
        def tours(login):
            return self.tree(login).xpath("//a[contains(@class, 'o_kinerja_tour_link')]/@data-tour")

        first, appraise, period = (
            "hr_asn_kinerja_onboarding_first_skp",
            "hr_asn_kinerja_onboarding_appraise",
            "hr_asn_kinerja_onboarding_open_period",
        )
        self.assertEqual(tours("kin_staff"), [first])
        self.assertEqual(tours("kin_supervisor"), [first, appraise])
        self.assertEqual(tours("kin_officer"), [first, appraise, period])
        link = self.tree("kin_staff").xpath("//a[@data-tour]/@href")[0]
        self.assertEqual(link, f"/odoo/action-hr_asn_kinerja.action_appraisal_mine?tour={first}")

    def test_the_page_speaks_the_readers_language(self):
        self.load_indonesian()
        self.user_staff.lang = "id_ID"
        text = self.page("kin_staff").text
        for indonesian in ("Panduan Kinerja ASN", "Siklus tahunan", "SKP pertama saya", "Sangat Baik"):
            self.assertIn(indonesian, text)
        self.assertFalse(re.search(r"\bWho is my appraiser\b", text))

    def test_the_guide_menu_opens_the_page(self):
        menu = self.env.ref("hr_asn_kinerja.menu_kinerja_guide")
        self.assertEqual(menu.action.url, GUIDE)
        self.assertEqual(menu.parent_id, self.env.ref("hr_asn_kinerja.menu_kinerja_root"))

    def test_a_tour_link_of_the_page_starts_the_tour(self):
        link = self.tree("kin_staff").xpath("//a[@data-tour]/@href")[0]
        self.browser_js(link, TOUR_POINTER_SHOWS, login="kin_staff")

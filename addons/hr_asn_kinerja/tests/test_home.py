"""Home screen, Odoo's extras hidden by the company setting, the guide, and the HR screens' order."""

from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.hr_asn_kinerja.controllers.main import markdown_to_html

from .common import KinerjaCase


@tagged("post_install", "-at_install")
class TestHome(KinerjaCase):
    def home_of(self, user):
        action = user._kinerja_home_action()
        return action and action.with_user(user).run()

    def test_employee_lands_on_the_current_skp_hr_on_all_skp(self):
        skp = self.skp_of(self.staff)
        home = self.home_of(self.user_staff)
        self.assertEqual((home["res_model"], home["res_id"], home["view_mode"]), (skp._name, skp.id, "form"))
        home = self.home_of(self.user_officer)
        self.assertEqual(home["xml_id"], "hr_asn_kinerja.action_appraisal_all")
        self.assertIn("search_default_open_period", home["context"])

    def test_no_current_skp_lands_on_my_skp(self):
        self.period.with_user(self.user_officer).action_close()
        home = self.home_of(self.user_staff)
        self.assertEqual(home["xml_id"], "hr_asn_kinerja.action_appraisal_mine")
        self.assertFalse(home.get("res_id"))

    def test_administrators_and_users_with_other_business_keep_odoo_home(self):
        self.assertIsNone(self.env.ref("base.user_admin")._kinerja_home_action())
        self.user_outsider.action_id = self.env.ref("hr_asn_kinerja.action_appraisal_all").id
        self.assertIsNone(self.user_outsider._kinerja_home_action())
        # Odoo's own HR officer: Employees is their business, not only a directory
        hr_user = new_test_user(self.env, "plain_hr_home", groups="base.group_user,hr.group_hr_user")
        self.assertIsNone(hr_user._kinerja_home_action())
        with patch.object(
            type(self.env["ir.ui.menu"]),
            "load_menus_root",
            return_value={"children": [{"xmlid": "hr_asn_kinerja.menu_kinerja_root"}, {"xmlid": "crm.crm_menu_root"}]},
        ):
            self.assertIsNone(self.user_staff._kinerja_home_action())

    def test_odoo_extras_follow_the_company_setting(self):
        self.company.kinerja_hide_odoo_extras = False
        self.assertFalse(self.user_staff._kinerja_hides_odoo_extras())
        self.company.kinerja_hide_odoo_extras = True
        self.assertTrue(self.user_staff._kinerja_hides_odoo_extras())
        self.assertFalse(self.env.ref("base.user_admin")._kinerja_hides_odoo_extras())

    def test_apps_menus_left_to_disable_odoo_online(self):
        # OCA disable_odoo_online files Apps' entries under Settings > Technical, for administrators only
        technical = self.env.ref("base.menu_ir_property")
        for xmlid in ("base.menu_module_tree", "base.menu_third_party", "base.menu_theme_store"):
            self.assertEqual(self.env.ref(xmlid).parent_id, technical)
        self.company.kinerja_hide_odoo_extras = True
        menus = self.env["ir.ui.menu"].with_user(self.user_staff).load_menus(debug=False)
        self.assertNotIn(self.env.ref("base.menu_management").id, menus)

    def test_guide_markdown(self):
        html = markdown_to_html("**Pegawai**: *SKP Saya* > `draft`\nnext line\n\n- one\n- two <b>\n  continued")
        self.assertEqual(
            str(html),
            "<p><strong>Pegawai</strong>: <em>SKP Saya</em> &gt; <code>draft</code> next line</p>\n"
            "<ul><li>one</li><li>two &lt;b&gt; continued</li></ul>",
        )


@tagged("post_install", "-at_install")
class TestHomeHttp(HttpCase, KinerjaCase):
    def test_session_and_guide(self):
        self.company.kinerja_hide_odoo_extras = True
        self.authenticate("kin_staff", "kin_staff")
        info = self.url_open("/web/session/get_session_info", data="{}", headers={"Content-Type": "application/json"})
        result = info.json()["result"]
        self.assertEqual(result["home_action_id"], self.env.ref("hr_asn_kinerja.action_kinerja_home").id)
        self.assertEqual(result["support_url"], "/kinerja/panduan")
        self.assertTrue(result["kinerja_hide_odoo_extras"])
        page = self.url_open("/kinerja/panduan")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Submit Plan", page.text)
        self.assertIn("Kinerja ASN Guide", page.text)


@tagged("post_install", "-at_install")
class TestHrScreens(KinerjaCase):
    def test_predikat_groups_follow_the_scale(self):
        ratings = {
            self.staff: ("below", "below"),
            self.staff2: ("as_expected", "below"),
            self.officer: ("above", "above"),
            self.supervisor: ("below", "as_expected"),
        }
        for employee, (result, behavior) in ratings.items():
            self.walk(self.skp_of(employee), "scored", result, behavior)
        Appraisal = self.env["asn.kinerja.appraisal"].with_user(self.user_officer)
        domain = [("period_id", "=", self.period.id)]
        groups = Appraisal.formatted_read_group(domain, ["predicate"], ["__count"])
        self.assertEqual(
            [group["predicate"] for group in groups], ["very_good", "needs_improvement", "poor", "very_poor", False]
        )
        groups = Appraisal.formatted_read_group(domain, ["predicate"], ["__count"], order="predicate desc")
        self.assertEqual(
            [group["predicate"] for group in groups][:4], ["very_poor", "poor", "needs_improvement", "very_good"]
        )
        # with another groupby first, as the pivot asks
        groups = Appraisal.formatted_read_group(domain, ["department_id", "predicate"], ["__count"])
        self.assertEqual(
            [group["predicate"] for group in groups], ["very_good", "needs_improvement", "poor", "very_poor", False]
        )

    def test_no_sample_records_anywhere(self):
        views = self.env["ir.ui.view"].search(
            [("model", "like", "asn.%"), ("type", "in", ("list", "kanban", "pivot", "graph"))]
        )
        self.assertTrue(views)
        self.assertFalse(views.filtered(lambda v: 'sample="1"' in v.arch_db), "views with Odoo's fake sample records")

    def test_activity_menu_opens_own_steps_only(self):
        """The activity menu opens a model with search_default_filter_activities_my: each search view has it."""
        for model in ("asn.kinerja.appraisal", "asn.training.request", "asn.training.coaching"):
            if model not in self.env:
                continue
            with self.subTest(model=model):
                arch = self.env[model].get_views([(False, "search")])["views"]["search"]["arch"]
                for name in ("filter_activities_my", "activities_overdue", "activities_today"):
                    self.assertIn(f'name="{name}"', arch)

"""With prefork workers, wkhtmltopdf fetches our PDFs' stylesheets from the gevent process, not from the workers
that wait for it (simultaneous prints would otherwise wait for each other until killed). Other apps' reports
print as Odoo prints them."""

from unittest.mock import patch

from odoo.tests import TransactionCase, tagged
from odoo.tools import config


@tagged("post_install", "-at_install")
class TestReportUrl(TransactionCase):
    def report_url(self, report="hr_asn_kinerja.action_report_evaluation_document", **options):
        with patch.dict(config._runtime_options, options):  # the layer that wins, restored after
            return self.env.ref(report)._get_report_url()

    def test_prefork_workers_print_through_the_gevent_process(self):
        self.assertEqual(
            self.report_url(workers=4, gevent_port=8072, http_interface="0.0.0.0"), "http://127.0.0.1:8072"
        )
        self.assertEqual(
            self.report_url(workers=2, gevent_port=8173, http_interface="10.0.0.5"), "http://10.0.0.5:8173"
        )

    def test_one_threaded_process_prints_through_its_own_port(self):
        self.assertEqual(self.report_url(workers=0), self.env["ir.actions.report"].get_base_url())

    def test_the_administrators_report_url_wins(self):
        self.env["ir.config_parameter"].set_param("report.url", "http://odoo.internal:8069")
        self.assertEqual(self.report_url(workers=4, gevent_port=8072), "http://odoo.internal:8069")

    def test_other_apps_reports_keep_odoo_url(self):
        badge = "hr.hr_employee_print_badge"
        odoo_url = self.env.ref(badge).get_base_url()
        self.assertEqual(self.report_url(badge, workers=4, gevent_port=8072, http_interface="0.0.0.0"), odoo_url)

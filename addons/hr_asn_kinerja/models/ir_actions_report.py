from odoo import models
from odoo.tools import config

ANY_INTERFACE = ("", "0.0.0.0", "::")
# the PDFs of these addons: static pages, no script of theirs runs in wkhtmltopdf
OWN_REPORTS = ("hr_asn_kinerja.", "hr_asn_training.")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_report_url(self, layout=None):
        """Where wkhtmltopdf fetches a PDF's stylesheets and images from. With prefork workers, the gevent
        process on this machine rather than the HTTP workers: a worker printing waits for its wkhtmltopdf, which
        waits for a free worker, so as many simultaneous prints as workers would wait for each other until
        limit_time_real killed them (`make load` met it with two workers). The gevent process serves the same
        pages and is never busy that way. A ``report.url`` parameter set by the administrator still wins."""
        if config["workers"] and not self.env["ir.config_parameter"].sudo().get_param("report.url"):
            interface = config["http_interface"]
            host = "127.0.0.1" if interface in ANY_INTERFACE else interface
            return f"http://{host}:{config['gevent_port']}"
        return super()._get_report_url(layout=layout)

    def _run_wkhtmltopdf(self, bodies, report_ref=False, **kwargs):
        report = self._get_report(report_ref) if report_ref else self.browse()
        if report.report_name and report.report_name.startswith(OWN_REPORTS):
            self = self.with_context(kinerja_no_print_delay=True)  # noqa: PLW0642
        return super()._run_wkhtmltopdf(bodies, report_ref=report_ref, **kwargs)

    def _build_wkhtmltopdf_args(self, *args, **kwargs):
        """Odoo waits ``report.print_delay`` (1 s) after each page has loaded, for the scripts of a report to
        finish. Ours have none: their PDFs are the same without the wait (text and pages compared, `make load`),
        which was most of the time a civil servant waits for their Dokumen Evaluasi."""
        command = super()._build_wkhtmltopdf_args(*args, **kwargs)
        if self.env.context.get("kinerja_no_print_delay") and "--javascript-delay" in command:
            command[command.index("--javascript-delay") + 1] = "0"
        return command

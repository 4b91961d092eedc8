from odoo import models
from odoo.tools import config

ANY_INTERFACE = ("", "0.0.0.0", "::")
# the PDFs of these addons: static pages, no script of theirs runs in wkhtmltopdf
OWN_REPORTS = ("hr_asn_kinerja.", "hr_asn_training.")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _kinerja_own(self):
        """Whether this is one of our reports (``self`` in ``_prepare_html``; the context in ``_run_wkhtmltopdf``).
        Every other report prints exactly as Odoo prints it."""
        return self.env.context.get("kinerja_no_print_delay") or any(
            (report.report_name or "").startswith(OWN_REPORTS) for report in self
        )

    def _get_report_url(self, layout=None):
        """Where wkhtmltopdf fetches one of our PDF's stylesheets and images from. With prefork workers, the gevent
        process on this machine rather than the HTTP workers: a worker printing waits for its wkhtmltopdf, which
        waits for a free worker, so as many simultaneous prints as workers would wait for each other until
        limit_time_real killed them (`make load` met it with two workers). The gevent process serves the same
        pages and is never busy that way. A ``report.url`` parameter set by the administrator still wins."""
        if (
            self._kinerja_own()
            and config["workers"]
            and not self.env["ir.config_parameter"].sudo().get_param("report.url")
        ):
            interface = config["http_interface"]
            host = "127.0.0.1" if interface in ANY_INTERFACE else interface
            return f"http://{host}:{config['gevent_port']}"
        return super()._get_report_url(layout=layout)

    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """Our PDFs: without the print delay, and kept by their content (``asn.kinerja.pdf``), so that a
        document printed again unchanged, such as the Dokumen the result's scheduled action prepared for its
        employee, is not rendered again. ``report_pdf_no_attachment`` (Odoo's) renders afresh."""
        report = self._get_report(report_ref) if report_ref else self.browse()
        own = (report.report_name or "").startswith(OWN_REPORTS)
        if own:
            self = self.with_context(kinerja_no_print_delay=True)  # noqa: PLW0642
        args = (bodies, report_ref, header, footer, landscape, specific_paperformat_args, set_viewport_size)
        if not own or self.env.context.get("report_pdf_no_attachment"):
            return super()._run_wkhtmltopdf(*args)
        store = self.env["asn.kinerja.pdf"]
        command = self._build_wkhtmltopdf_args(
            report.get_paperformat(), landscape, specific_paperformat_args, set_viewport_size
        )
        key = store._key(report.report_name, command, header, footer, list(bodies))
        pdf = store._find(key)
        if pdf is None:
            pdf = super()._run_wkhtmltopdf(*args)
            store._keep(key, report.report_name, pdf)
        return pdf

    def _build_wkhtmltopdf_args(self, *args, **kwargs):
        """Odoo waits ``report.print_delay`` (1 s) after each page has loaded, for the scripts of a report to
        finish. Ours have none: their PDFs are the same without the wait (text and pages compared, `make load`),
        which was most of the time a civil servant waits for their Dokumen Evaluasi."""
        command = super()._build_wkhtmltopdf_args(*args, **kwargs)
        if self.env.context.get("kinerja_no_print_delay") and "--javascript-delay" in command:
            command[command.index("--javascript-delay") + 1] = "0"
        return command

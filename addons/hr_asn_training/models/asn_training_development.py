from odoo import api, fields, models, tools

from .asn_training_request import CLOSED_STATES


class AsnTrainingDevelopment(models.Model):
    """Pengembangan Saya: one page per employee gathering their development (docs/rules.md §18): JP of the
    year against the target, certificates, open requests, coaching and their talent box once set. Each part
    is read as the reader, so it shows what the reader may read of it and nothing more."""

    _name = "asn.training.development"
    _description = "Development Page"
    _auto = False
    _order = "name, id"

    employee_id = fields.Many2one("hr.employee", readonly=True)
    name = fields.Char("Employee Name", readonly=True)
    user_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    jp_year = fields.Integer("Year", compute="_compute_jp")
    jp_done = fields.Float("JP Done This Year", compute="_compute_jp")
    jp_target = fields.Float("JP Target", compute="_compute_jp")
    jp_gap = fields.Float("JP Still Due", compute="_compute_jp")
    jp_progress = fields.Float("JP Progress (%)", compute="_compute_jp")
    certificate_ids = fields.Many2many("asn.training.certificate", string="Certificates", compute="_compute_items")
    expired_certificate_count = fields.Integer("Expired Certificates", compute="_compute_items")
    request_ids = fields.Many2many("asn.training.request", string="Open Training Requests", compute="_compute_items")
    coaching_ids = fields.Many2many("asn.training.coaching", compute="_compute_items")
    talent_line_id = fields.Many2one("asn.talent.box.line", "Talent Box", compute="_compute_items")
    talent_box = fields.Integer("Box", compute="_compute_items", aggregator=None)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT e.id, e.id AS employee_id, e.name, e.user_id, e.company_id
                  FROM hr_employee e
                 WHERE e.active
            )
            """
        )

    @api.model
    def _jp_target_of(self, employee):
        """The yearly JP target of ``employee``: the company's target for their ASN type (docs/rules.md §8)."""
        employee = employee.sudo()
        return employee.company_id._training_jp_target_for(employee.asn_type)

    def _compute_jp(self):
        year = fields.Date.context_today(self).year
        done = self.env["asn.training.jp.credit"]._jp_by_employee(self.employee_id.ids, year)
        for page in self:
            target = self._jp_target_of(page.employee_id)
            page.jp_year = year
            page.jp_done = done.get(page.employee_id.id, 0.0)
            page.jp_target = target
            page.jp_gap = max(target - page.jp_done, 0.0)
            page.jp_progress = min(page.jp_done * 100 / target, 100.0) if target else 100.0

    def _compute_items(self):
        # as the reader: the record rules say what of it they read
        employees = self.employee_id.ids
        certificates = self.env["asn.training.certificate"].search([("employee_id", "in", employees)])
        requests = self.env["asn.training.request"].search(
            [("employee_id", "in", employees), ("state", "not in", CLOSED_STATES)]
        )
        coachings = self.env["asn.training.coaching"].search([("employee_id", "in", employees)])
        lines = self.env["asn.talent.box.line"].search(
            [("employee_id", "in", employees), ("state", "=", "set")], order="period_id desc, id desc"
        )
        for page in self:
            employee = page.employee_id
            page.certificate_ids = certificates.filtered(lambda c, e=employee: c.employee_id == e)
            page.expired_certificate_count = len(page.certificate_ids.filtered(lambda c: c.validity_state == "expired"))
            page.request_ids = requests.filtered(lambda r, e=employee: r.employee_id == e)
            page.coaching_ids = coachings.filtered(lambda c, e=employee: c.employee_id == e)
            page.talent_line_id = lines.filtered(lambda line, e=employee: line.employee_id == e)[:1]
            page.talent_box = page.talent_line_id.box

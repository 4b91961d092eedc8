"""Acting officials (Plt / Plh, docs/rules.md §24): while an assignment runs, the acting official appraises
the appraisees of the head post of a unit instead of its holder; at its end they return to the holder.
The open SKPs follow through the usual path (``hr.employee._on_appraiser_change``), logged."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain
from odoo.tools.misc import format_date


class AsnKinerjaActing(models.Model):
    _name = "asn.kinerja.acting"
    _description = "Acting Official (Plt/Plh)"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        "Acting Official",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="Appraises the appraisees of the unit's head post while the assignment runs.",
    )
    kind = fields.Selection(
        [("plt", "Plt (Pelaksana Tugas)"), ("plh", "Plh (Pelaksana Harian)")],
        required=True,
        default="plt",
        tracking=True,
        help="Plt: the post is vacant or its holder is away for long; Plh: the holder is away for a few days.",
    )
    department_id = fields.Many2one(
        "hr.department",
        "Unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="The unit whose head the acting official stands in for.",
    )
    holder_id = fields.Many2one(
        "hr.employee", "Holder of the Post", related="department_id.manager_id", help="The unit's head, if any."
    )
    date_from = fields.Date("From", required=True, tracking=True)
    date_to = fields.Date("To", required=True, tracking=True)
    decree = fields.Char("Decree (SK/Surat Perintah)", tracking=True, help="Number of the assignment's decree.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company, readonly=True
    )
    state = fields.Selection(
        [("planned", "Planned"), ("running", "Running"), ("ended", "Ended")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        help="Set by the daily run (and when the assignment is saved) from its dates.",
    )
    appraisee_ids = fields.One2many(
        "hr.employee", "kinerja_acting_id", "Appraised Meanwhile", readonly=True, help="While it runs."
    )

    @api.depends("employee_id", "kind", "department_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for acting in self:
            acting.display_name = f"{kinds.get(acting.kind, '')} {acting.department_id.name or ''}: " + (
                acting.employee_id.name or ""
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for acting in self:
            if acting.date_to < acting.date_from:
                raise ValidationError(self.env._("An acting assignment cannot end before it starts."))

    @api.constrains("employee_id", "department_id")
    def _check_not_holder(self):
        for acting in self:
            if acting.employee_id == acting.department_id.manager_id:
                raise ValidationError(
                    self.env._(
                        "%(person)s already heads %(unit)s: an acting official stands in for someone else.",
                        person=acting.employee_id.name,
                        unit=acting.department_id.name,
                    )
                )

    @api.constrains("department_id", "date_from", "date_to")
    def _check_overlap(self):
        for acting in self:
            other = self.search(
                [
                    ("id", "!=", acting.id),
                    ("department_id", "=", acting.department_id.id),
                    ("date_from", "<=", acting.date_to),
                    ("date_to", ">=", acting.date_from),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has an acting official from %(start)s to %(end)s (%(other)s): "
                        "end that assignment first, or choose dates after it.",
                        unit=acting.department_id.name,
                        start=format_date(self.env, other.date_from),
                        end=format_date(self.env, other.date_to),
                        other=other.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # HR only (docs/access.md): the access rights say so, this says it in words
    # ------------------------------------------------------------------
    def _check_officer(self):
        if not self.env.su and not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja records acting officials (Plt/Plh)."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_officer()
        actings = super().create(vals_list)
        actings._sync()
        return actings

    def write(self, vals):
        self._check_officer()
        result = super().write(vals)
        if {"employee_id", "department_id", "date_from", "date_to"} & set(vals):
            self._sync()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_ended_or_planned(self):
        for acting in self:
            if acting.state == "running" and not self.env.su:
                raise ValidationError(
                    self.env._(
                        "The assignment of %(person)s is running: set its end date to end it, it cannot be deleted.",
                        person=acting.employee_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # who is appraised by whom
    # ------------------------------------------------------------------
    def _appraisee_domain(self):
        """The appraisees of the unit's head post: whom the holder appraises because they manage them (an HR
        override is HR's own choice and stays); for a vacant post, the unit's people without a manager and the
        heads of its direct sub-units. Never the acting official."""
        self.ensure_one()
        unit = self.department_id
        base = Domain("company_id", "=", self.company_id.id) & Domain("appraiser_is_override", "=", False)
        if unit.manager_id:
            people = Domain("parent_id", "=", unit.manager_id.id)
        else:
            heads = unit.child_ids.manager_id
            people = (Domain("department_id", "=", unit.id) & Domain("parent_id", "=", False)) | Domain(
                "id", "in", heads.ids
            )
        return base & people & Domain("id", "not in", (self.employee_id | unit.manager_id).ids)

    @api.model
    def _cron_sync(self):
        """Daily: start the assignments whose day came, end those past their last day. Idempotent."""
        self.sudo().search([("state", "!=", "ended")])._sync()
        return True

    def _sync(self):
        """Bring these assignments' state and appraisees in line with today (safe to run again)."""
        Employee = self.env["hr.employee"].sudo()
        today = fields.Date.context_today(self)
        for acting in self.sudo():
            if acting.date_from <= today <= acting.date_to:
                state = "running"
            else:
                state = "ended" if today > acting.date_to else "planned"
            want = Employee.search(acting._appraisee_domain()) if state == "running" else Employee
            # someone else's running assignment may already cover a person: the latest assignment wins
            current = acting.appraisee_ids
            reason = acting._reason(state)
            leaving = current - want
            if leaving:
                leaving.with_context(asn_appraiser_change_reason=reason).write({"kinerja_acting_id": False})
            if joining := want - current:
                joining.with_context(asn_appraiser_change_reason=reason).write({"kinerja_acting_id": acting.id})
            if state != acting.state:
                acting.state = state
                acting._message_log(body=Markup("<p>%s</p>") % reason)

    def _reason(self, state):
        acting = self.with_context(lang=self.company_id.partner_id.lang or self.env.lang)
        names = {
            "kind": dict(acting._fields["kind"]._description_selection(acting.env)).get(acting.kind),
            "person": acting.employee_id.name,
            "unit": acting.department_id.name,
            "decree": acting.decree or "-",
        }
        if state == "running":
            return acting.env._("%(kind)s %(person)s appraises for the head of %(unit)s (decree %(decree)s).", **names)
        return acting.env._(
            "End of %(kind)s %(person)s for the head of %(unit)s (decree %(decree)s): the holder appraises again.",
            **names,
        )

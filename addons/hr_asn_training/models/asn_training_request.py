from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hr_course import COMPETENCY_AREAS, METHODS, TRAINING_TYPES, method_of

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("final_approval", "Final Approval"),
    ("approved", "Approved"),
    ("done", "Done"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]
SOURCES = [
    ("appraisal", "Low Predikat (SKP)"),
    ("employee", "Employee"),
    ("supervisor", "Supervisor"),
    ("officer", "HR Officer"),
]
# who may draft a request with each source
SOURCE_ROLE = {"employee": "employee", "supervisor": "appraiser", "officer": "officer"}
ANYONE = ("employee", "appraiser", "officer")
CLOSED_STATES = ("done", "rejected", "cancel")
# field: {state: roles that may change it}; fields without a rule change only through the workflow
_PLAN = {"draft": ANYONE, "submitted": ("appraiser", "officer"), "final_approval": ("appraiser", "officer")}
_PLAN_AND_AFTER = {**_PLAN, "approved": ("officer",)}
EDIT_RULES = {
    "course_id": _PLAN,
    "title": _PLAN,
    "course_schedule_id": _PLAN,
    "training_type": _PLAN,
    "method": _PLAN,
    "competency_area": _PLAN,
    "reason": _PLAN,
    "jp_hours": _PLAN_AND_AFTER,
    "provider": _PLAN_AND_AFTER,
    "date_start": _PLAN_AND_AFTER,
    "date_end": _PLAN_AND_AFTER,
    "cost": _PLAN_AND_AFTER,
    "certificate": {"approved": ("employee", "officer")},
    "certificate_filename": {"approved": ("employee", "officer")},
    "employee_id": {"draft": ("officer",)},
    "appraisal_id": {"draft": ("officer",)},
}
# set by the workflow only, never at creation by a user
WORKFLOW_FIELDS = (
    "appraiser_approver_id",
    "appraiser_approval_date",
    "officer_approver_id",
    "officer_approval_date",
    "attendee_id",
    "reject_reason",
    "cancel_reason",
    "link_cancelled",
    "certificate",
    "certificate_filename",
)


class AsnTrainingRequest(models.Model):
    _name = "asn.training.request"
    _description = "Training Request"
    _inherit = ["asn.workflow.mixin", "asn.kinerja.appraisal.link.mixin"]
    _order = "id desc"
    _create_states = ("draft",)
    _edit_rules = EDIT_RULES
    _role_fields = {"employee": "employee_id", "appraiser": "employee_id.appraiser_id"}
    _reason_actions = ("reject", "cancel")
    _rec_name = "name"
    _check_company_auto = True

    name = fields.Char("Training", compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env.user.employee_id,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True, string="Unit")
    appraiser_id = fields.Many2one(related="employee_id.appraiser_id", string="Appraiser (Pejabat Penilai)")
    employee_nip = fields.Char(related="employee_id.nip", string="NIP")
    course_id = fields.Many2one("hr.course", "Catalogue Course", tracking=True, index="btree_not_null")
    title = fields.Char("Free Title", tracking=True, help="For a training that is not in the catalogue.")
    course_schedule_id = fields.Many2one(
        "hr.course.schedule",
        "Session",
        tracking=True,
        index="btree_not_null",
        domain="[('state', 'not in', ('completed', 'cancelled')), ('course_id', '=?', course_id)]",
    )
    training_type = fields.Selection(TRAINING_TYPES, compute="_compute_from_course", store=True, readonly=False)
    method = fields.Selection(METHODS, compute="_compute_method", store=True, readonly=False)
    competency_area = fields.Selection(COMPETENCY_AREAS, compute="_compute_from_course", store=True, readonly=False)
    jp_hours = fields.Float(
        "Learning Hours (JP)", compute="_compute_from_course", store=True, readonly=False, tracking=True
    )
    source = fields.Selection(SOURCES, required=True, readonly=True, index=True, tracking=True)
    appraisal_id = fields.Many2one(
        "asn.kinerja.appraisal", "SKP", index="btree_not_null", ondelete="restrict", tracking=True, readonly=True
    )
    appraisal_predicate = fields.Selection(related="appraisal_id.predicate", string="SKP Predikat")
    reason = fields.Text(help="The competency gap or need the training answers.")
    provider = fields.Char(help="Organiser of the training (lembaga penyelenggara).")
    date_start = fields.Date("Start Date", compute="_compute_dates", store=True, readonly=False)
    date_end = fields.Date("End Date", compute="_compute_dates", store=True, readonly=False, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    cost = fields.Monetary(tracking=True)
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True, index=True
    )
    certificate = fields.Binary(attachment=True, copy=False)
    certificate_filename = fields.Char("Certificate File Name", copy=False)
    appraiser_approver_id = fields.Many2one("res.users", "Approved by (Appraiser)", readonly=True, copy=False)
    appraiser_approval_date = fields.Datetime("Appraiser Approval", readonly=True, copy=False)
    officer_approver_id = fields.Many2one("res.users", "Final Approval by", readonly=True, copy=False)
    officer_approval_date = fields.Datetime("Final Approval", readonly=True, copy=False)
    attendee_id = fields.Many2one("hr.course.attendee", "Attendance", readonly=True, copy=False)
    session_result = fields.Selection(related="attendee_id.result", string="Session Result")
    reject_reason = fields.Text("Rejection Reason", readonly=True, copy=False)
    cancel_reason = fields.Text("Cancellation Note", readonly=True, copy=False)
    link_cancelled = fields.Boolean(readonly=True, copy=False, help="Cancelled because the SKP predikat changed.")

    # the employee's JP, for whoever reads the request: the employee, the appraiser, HR
    employee_jp_done = fields.Float("JP Done This Year", compute="_compute_employee_jp")
    employee_jp_target = fields.Float("JP Target", compute="_compute_employee_jp")

    _jp_hours_positive = models.Constraint("CHECK(jp_hours >= 0)", "Learning hours (JP) cannot be negative.")
    _cost_positive = models.Constraint("CHECK(cost >= 0)", "The cost cannot be negative.")

    @api.depends("course_id.name", "title")
    def _compute_name(self):
        for request in self:
            request.name = request.title or request.course_id.name or False

    @api.depends("employee_id")
    def _compute_employee_jp(self):
        for request in self:
            employee = request.sudo().employee_id
            request.employee_jp_done = employee.training_jp_done
            request.employee_jp_target = employee.training_jp_target

    @api.depends("course_id")
    def _compute_from_course(self):
        for request in self.filtered("course_id"):
            course = request.course_id
            request.training_type = course.training_type or request.training_type
            request.competency_area = course.competency_area or request.competency_area
            request.jp_hours = course.jp_hours or request.jp_hours

    @api.depends("training_type", "course_id.method")
    def _compute_method(self):
        for request in self:
            request.method = request.course_id.method or method_of(request.training_type) or request.method

    @api.depends("course_schedule_id")
    def _compute_dates(self):
        for request in self.filtered("course_schedule_id"):
            request.date_start = request.course_schedule_id.start_date or request.date_start
            request.date_end = request.course_schedule_id.end_date or request.date_end

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for request in self:
            if request.date_start and request.date_end and request.date_start > request.date_end:
                raise ValidationError(self.env._("The training cannot end before it starts."))

    @api.constrains("course_id", "course_schedule_id")
    def _check_session(self):
        for request in self.filtered("course_schedule_id"):
            if request.course_id and request.course_schedule_id.course_id != request.course_id:
                raise ValidationError(
                    self.env._(
                        "The session %(session)s is not a session of %(course)s.",
                        session=request.course_schedule_id.name,
                        course=request.course_id.name,
                    )
                )

    @api.constrains("source", "appraisal_id")
    def _check_appraisal(self):
        for request in self:
            if request.source == "appraisal" and not request.appraisal_id:
                raise ValidationError(self.env._("A training request after a low predikat names its SKP."))
            if request.appraisal_id and request.appraisal_id.employee_id != request.employee_id:
                raise ValidationError(self.env._("The SKP of a training request must be the employee's own."))

    # ------------------------------------------------------------------
    # creation and edit rules
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Employee = self.env["hr.employee"].sudo()
        for vals in vals_list:
            if not vals.get("employee_id"):
                vals["employee_id"] = self.default_get(["employee_id"]).get("employee_id")
            employee = Employee.browse(vals["employee_id"])
            vals["company_id"] = employee.company_id.id or vals.get("company_id") or self.env.company.id
            if not self.env.su:
                self._check_create(vals, employee)
            vals.setdefault("source", "officer")  # code running as superuser, e.g. imports
        requests = super().create(vals_list)
        for request in requests:
            if request.state in ("submitted", "final_approval"):
                request._schedule_next_activity()
        return requests

    @api.model
    def _check_create(self, vals, employee):
        if not employee:
            raise UserError(self.env._("Choose the employee the training is for."))
        company = self.env["res.company"].browse(vals["company_id"])
        roles = self._roles_towards(employee, employee.sudo().appraiser_id, company)
        if not roles:
            raise AccessError(
                self.env._(
                    "You may request training only for yourself, the employees you appraise, "
                    "or, as HR officer, the employees of your companies (%(employee)s).",
                    employee=employee.name,
                )
            )
        if forbidden := [name for name in WORKFLOW_FIELDS if vals.get(name)]:
            raise AccessError(
                self.env._(
                    "These fields of a training request are set by the workflow: %(fields)s.",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in forbidden),
                )
            )
        if vals.get("appraisal_id") and "officer" not in roles:
            raise AccessError(self.env._("Only HR officers link a training request to an SKP by hand."))
        source = vals.get("source")
        if not source:
            source = next(source for source, role in SOURCE_ROLE.items() if role in roles)
            vals["source"] = source
        if SOURCE_ROLE.get(source) not in roles:
            raise AccessError(
                self.env._(
                    "You cannot draft a training request as %(origin)s.",
                    origin=dict(self._fields["source"]._description_selection(self.env)).get(source, source),
                )
            )

    def write(self, vals):
        self._check_edit(vals)
        result = super().write(vals)
        if "certificate" in vals:
            # a certificate handed in: HR verifies it and closes the request
            for request in self.filtered(lambda r: r.state == "approved"):
                request._schedule_next_activity()
        return result

    def _check_edit_open(self, field_names):
        if self.state in CLOSED_STATES:
            raise UserError(
                self.env._(
                    "The training request %(request)s is %(state)s and can no longer be changed.",
                    request=self.display_name,
                    state=self._state_label(),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.env.su:
            return
        for request in self:
            roles = request._get_roles()
            deletable = request.state in ("draft", "cancel") and (
                "officer" in roles or (request.source != "appraisal" and request.create_uid == self.env.user)
            )
            if not deletable:
                raise UserError(
                    self.env._(
                        "Only its author or an HR officer can delete a training request, and only a draft or "
                        "cancelled one; a request that follows an SKP stays on record (%(request)s).",
                        request=request.display_name,
                    )
                )

    @api.depends("name", "employee_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = " - ".join(filter(None, [request.employee_id.sudo().name, request.name]))

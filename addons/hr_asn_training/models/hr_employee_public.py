from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    training_jp_done = fields.Float(related="employee_id.training_jp_done")
    training_jp_target = fields.Float(related="employee_id.training_jp_target")
    training_jp_gap = fields.Float(related="employee_id.training_jp_gap")

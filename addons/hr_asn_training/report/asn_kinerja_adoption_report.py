from odoo import fields, models
from odoo.tools import SQL

# the catalogue's socialisation of the system: the Bimtek on the SKP (data/hr_course_data.xml)
SOCIALISATION_COURSE = ("hr_asn_training", "course_skp_bimtek")


class AsnKinerjaAdoptionReport(models.Model):
    """Adoption per unit (hr_asn_kinerja, docs/rules.md §26) counts who attended a session of the catalogue's
    Bimtek SKP: BKPSDM sees where the next socialisation is needed."""

    _inherit = "asn.kinerja.adoption.report"

    _depends = {
        "hr.course.attendee": ["employee_id", "course_schedule_id", "result"],
        "hr.course.schedule": ["course_id", "state"],
    }

    socialised_count = fields.Integer(
        "Attended the Bimtek SKP",
        readonly=True,
        help="Attended a session of the catalogue's Bimtek on the SKP (present at a held session, or passed).",
    )

    def _adoption_columns(self):
        module, name = SOCIALISATION_COURSE
        return [
            *super()._adoption_columns(),
            SQL(
                """EXISTS (
                   SELECT 1
                     FROM hr_course_attendee ca
                     JOIN hr_course_schedule cs ON cs.id = ca.course_schedule_id
                     JOIN ir_model_data imd
                       ON imd.model = 'hr.course' AND imd.res_id = cs.course_id
                      AND imd.module = %s AND imd.name = %s
                    WHERE ca.employee_id = e.id
                      AND (ca.result = 'passed'
                           OR (cs.state IN ('in_validation', 'completed')
                               AND COALESCE(ca.result, 'pending') != 'absent'))
               )::integer AS socialised_count""",
                module,
                name,
            ),
        ]

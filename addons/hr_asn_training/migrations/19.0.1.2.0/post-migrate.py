"""1.2: course sessions and attendees follow the officer's companies; the officer no longer gets export rights."""

from odoo import SUPERUSER_ID, api

# the rules are noupdate: their new domains are written here
COMPANY_RULES = ("rule_course_schedule_officer", "rule_course_attendee_officer")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in COMPANY_RULES:
        if rule := env.ref(f"hr_asn_training.{name}", raise_if_not_found=False):
            rule.domain_force = "[('company_id', 'in', company_ids)]"
    # a session is run by the agency of the one who authorised it (the new column got the main company)
    cr.execute(
        """UPDATE hr_course_schedule s SET company_id = e.company_id
             FROM hr_employee e WHERE e.id = s.authorized_by AND e.company_id IS NOT NULL"""
    )
    officer = env.ref("hr_asn_kinerja.group_kinerja_officer")
    officer.implied_ids -= env.ref("base.group_allow_export")

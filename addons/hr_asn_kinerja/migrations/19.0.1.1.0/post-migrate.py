"""1.1: managers follow the selected companies like officers; their catch-all rules go."""

from odoo import SUPERUSER_ID, api

MANAGER_RULES = ("rule_appraisal_manager", "rule_appraisal_line_manager", "rule_behavior_line_manager")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in MANAGER_RULES:
        if rule := env.ref(f"hr_asn_kinerja.{name}", raise_if_not_found=False):
            rule.unlink()

"""1.4: a subordinate no longer reads the appraiser's work results (every field, every period), only their name and
indicator through asn.kinerja.superior.result (issue 18); the rule that opened them goes."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    if rule := env.ref("hr_asn_kinerja.rule_appraisal_line_superior_results", raise_if_not_found=False):
        rule.unlink()

"""1.4: a subordinate no longer reads the appraiser's work results (every field, every period), only their name and
indicator through asn.kinerja.superior.result; the rule that opened them goes. Finished SKPs keep their appraiser
as at finalisation; those finished before take the appraiser as on the day of the upgrade (the nearest known),
once, so that a later move no longer changes them."""

from odoo import SUPERUSER_ID, api

BATCH = 1000


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    if rule := env.ref("hr_asn_kinerja.rule_appraisal_line_superior_results", raise_if_not_found=False):
        rule.unlink()
    Appraisal = env["asn.kinerja.appraisal"].with_context(tracking_disable=True)
    skps = Appraisal.search(
        [("state", "=", "done"), ("final_appraiser_name", "=", False), ("appraiser_id", "!=", False)]
    )
    for start in range(0, len(skps), BATCH):
        for skp in skps[start : start + BATCH]:
            skp.write(skp._final_appraiser_vals())

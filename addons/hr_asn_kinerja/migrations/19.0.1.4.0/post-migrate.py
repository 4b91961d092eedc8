"""1.4: finished SKPs keep their appraiser as at finalisation; those finished before take the appraiser as on the
day of the upgrade (the nearest known), once, so that a later move no longer changes them."""

from odoo import SUPERUSER_ID, api

BATCH = 1000


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Appraisal = env["asn.kinerja.appraisal"].with_context(tracking_disable=True)
    skps = Appraisal.search(
        [("state", "=", "done"), ("final_appraiser_name", "=", False), ("appraiser_id", "!=", False)]
    )
    for start in range(0, len(skps), BATCH):
        for skp in skps[start : start + BATCH]:
            skp.write(skp._final_appraiser_vals())

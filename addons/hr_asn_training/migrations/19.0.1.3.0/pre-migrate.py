"""1.3: the two approvals of a training request are two states. A request ``submitted`` that awaited HR's final
approval (the stored field ``waiting_for``, which goes) is now ``final_approval``; one that awaited its appraiser
stays ``submitted``."""

from odoo.tools.sql import column_exists


def migrate(cr, version):
    if not column_exists(cr, "asn_training_request", "waiting_for"):
        return
    cr.execute(
        "UPDATE asn_training_request SET state = 'final_approval' WHERE state = 'submitted' AND waiting_for = 'officer'"
    )
    cr.execute("ALTER TABLE asn_training_request DROP COLUMN waiting_for")

from . import asn_training_reason_wizard

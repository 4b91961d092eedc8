from . import asn_kinerja_reason_wizard

from . import asn_kinerja_report

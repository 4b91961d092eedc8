from . import asn_kinerja_siasn_export

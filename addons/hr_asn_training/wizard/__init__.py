from . import asn_kinerja_siasn_export
from . import asn_training_profile_import

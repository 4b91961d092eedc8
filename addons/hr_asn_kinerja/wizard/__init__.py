from . import asn_kinerja_reason_wizard
from . import asn_kinerja_appraiser_wizard
from . import asn_kinerja_siasn_export
from . import asn_kinerja_siasn_export_line
from . import asn_kinerja_peer_input_wizard
from . import asn_kinerja_objection_decider_wizard
from . import asn_kinerja_siasn_import
from . import asn_kinerja_siasn_export_siasn_id

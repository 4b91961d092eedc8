from . import asn_kinerja_report
from . import asn_kinerja_monitoring_report
from . import asn_kinerja_distribution_report
from . import asn_kinerja_unit_rating_report
from . import asn_kinerja_siasn_xlsx
from . import asn_kinerja_step_report
from . import asn_kinerja_adoption_report
from . import asn_kinerja_account_letter

from . import asn_training_jp_credit
from . import asn_training_coaching_pdf
from . import asn_training_jp_report
from . import asn_kinerja_adoption_report
from . import asn_talent_box_xlsx
from . import asn_training_needs_xlsx

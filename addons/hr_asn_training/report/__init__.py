from . import asn_training_jp_credit
from . import asn_training_jp_report

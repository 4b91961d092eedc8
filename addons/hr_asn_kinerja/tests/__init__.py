from . import test_employee_identity, test_nip
from . import test_tours
from . import test_reports

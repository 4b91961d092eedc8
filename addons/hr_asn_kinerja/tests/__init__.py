from . import test_employee_identity, test_nip
from . import test_tours
from . import test_reports
from . import test_access_matrix

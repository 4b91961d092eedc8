from . import test_employee_identity, test_nip

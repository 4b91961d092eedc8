from . import hr_employee, hr_employee_public, res_users
from . import res_company
from . import res_config_settings

"""The people of `make load`, made in an Odoo shell before the timed part (scripts/load.sh pipes this file in).

A company of its own, so that the run never meets the SKPs of a database's other agencies: LOAD_SUPERVISORS
supervisors (Kepala Bidang, appraisers) with LOAD_EMPLOYEES staff each, under one head (Kepala Dinas, the
appraiser's superior who finalises) per LOAD_SUPERVISORS_PER_HEAD supervisors, each with a user; the annual
period opened as Pengelola Kinerja opens it (one SKP per civil servant). Everyone gets the password
LOAD_PASSWORD, hashed once with Odoo's own password context (the default pbkdf2_sha512 work factor) and
stored for all: a login then costs what a real one costs, without hashing the same password 200 times here.
Writes the logins and who appraises whom to LOAD_PEOPLE (JSON).
"""

import json
import os
import random
from datetime import date, timedelta

env = env(su=True, context=dict(env.context, tracking_disable=True, mail_create_nolog=True, no_reset_password=True))  # noqa: F821
supervisors = int(os.environ.get("LOAD_SUPERVISORS", "20"))
employees = int(os.environ.get("LOAD_EMPLOYEES", "10"))
per_head = int(os.environ.get("LOAD_SUPERVISORS_PER_HEAD", "4"))
tag = os.environ["LOAD_TAG"]
password = os.environ.get("LOAD_PASSWORD", "load")
year = int(os.environ.get("LOAD_YEAR", "2026"))
nip_seq = random.randrange(1000)  # with the birth dates below: NIPs unique in the run, and unlikely to meet others

company = env["res.company"].create({"name": f"Pemerintah Uji Beban {tag}"})
appraiser_groups = [env.ref("base.group_user").id, env.ref("hr_asn_kinerja.group_kinerja_appraiser").id]
employee_groups = [env.ref("base.group_user").id]
people = {"company_id": company.id, "password": password, "heads": []}
count = 0


def person(login, name, groups, parent=None, department=None, civil_servant=False):
    global count  # noqa: PLW0603
    count += 1
    user = env["res.users"].create(
        {
            "login": login,
            "name": name,
            "company_id": company.id,
            "company_ids": [(6, 0, [company.id])],
            "group_ids": [(6, 0, groups)],
        }
    )
    vals = {
        "name": name,
        "user_id": user.id,
        "company_id": company.id,
        "department_id": department.id if department else False,
        "parent_id": parent.id if parent else False,
    }
    if civil_servant:  # an SKP is opened for those who have an NIP and an ASN type
        birth = date(1965, 1, 1) + timedelta(days=count)
        vals.update(
            nip=f"{birth:%Y%m%d}2010011{nip_seq:03d}", asn_type="pns", asn_rank="III/a", asn_position_type="pelaksana"
        )
    return env["hr.employee"].create(vals)


heads = {}
for s in range(supervisors):
    h = s // per_head
    if h not in heads:
        department = env["hr.department"].create({"name": f"Dinas Uji {h + 1:02d}", "company_id": company.id})
        head = person(f"{tag}_head{h + 1:02d}", f"Kepala Dinas {h + 1:02d}", appraiser_groups, department=department)
        department.manager_id = head
        heads[h] = {"login": head.user_id.login, "supervisors": []}
        people["heads"].append(heads[h])
    head_employee = env["hr.employee"].search([("user_id.login", "=", heads[h]["login"])])
    supervisor = person(
        f"{tag}_sup{s + 1:02d}",
        f"Kepala Bidang {s + 1:02d}",
        appraiser_groups,
        parent=head_employee,
        department=head_employee.department_id,
    )
    staff = [
        person(
            f"{tag}_emp{s + 1:02d}_{e + 1:02d}",
            f"Staf {s + 1:02d}.{e + 1:02d}",
            employee_groups,
            parent=supervisor,
            department=head_employee.department_id,
            civil_servant=True,
        ).user_id.login
        for e in range(employees)
    ]
    heads[h]["supervisors"].append({"login": supervisor.user_id.login, "employees": staff})

period = env["asn.kinerja.period"].create(
    {
        "name": f"Tahun {year} ({tag})",
        "date_start": f"{year}-01-01",
        "date_end": f"{year}-12-31",
        "period_type": "annual",
        "company_id": company.id,
    }
)
period.action_open()
people["period_id"] = period.id
skps = env["asn.kinerja.appraisal"].search([("period_id", "=", period.id)])
assert len(skps) == supervisors * employees, f"{len(skps)} SKPs for {supervisors * employees} staff"
assert all(skp.appraiser_id.user_id and skp.appraiser_superior_id.user_id for skp in skps), "every SKP has its people"

users = env["res.users"].search([("company_id", "=", company.id)])
env.cr.execute(
    "UPDATE res_users SET password = %s WHERE id IN %s", [users._crypt_context().hash(password), tuple(users.ids)]
)
if base_url := os.environ.get("LOAD_BASE_URL"):  # the server wkhtmltopdf fetches the PDFs' stylesheets from
    env["ir.config_parameter"].set_param("web.base.url", base_url)
env.cr.commit()
with open(os.environ["LOAD_PEOPLE"], "w") as out:
    json.dump(people, out)
print(f"[load] {len(users)} users, {len(skps)} SKPs in the open period {period.name} of {company.name}")

"""A made-up regency in SIASN's two files (docs/rules.md §23), of any size: the rows of an "Export Data ASN"
CSV and the units of a ref-unor JSON, with valid NIPs that match the birth date, the sex and the status.

Used by the import's query-count pin (tests), by ``make bench`` (8,000 people in 600 units) and to write the
sample files of ``data/siasn/``. Not a test module: nothing here runs on its own.
"""

import base64
import datetime
import json

HEADER = (
    "pns_id|nip_baru|nip_lama|nama|gelar_depan|gelar_belakang|tempat_lahir|tanggal_lahir|jenis_kelamin|email|"
    "email_gov|nomor_hp|jenis_pegawai_id|jenis_pegawai_nama|kedudukan_hukum_id|kedudukan_hukum_nama|"
    "status_cpns_pns|gol_akhir_id|gol_akhir_nama|tmt_golongan|jenis_jabatan_id|jenis_jabatan_nama|jabatan_id|"
    "jabatan_nama|tmt_jabatan|unor_id|unor_nama|instansi_kerja_id|instansi_kerja_nama"
).split("|")
INSTANSI = "A5EB03E23CBDF6A0E040640A040252AD"
MEN = "Agus Budi Eko Hadi Joko Lukman Nanda Oki Rudi Tono Yusuf".split()
WOMEN = "Citra Dewi Fitri Gita Indah Kartika Maya Putri Rina Sari Wulan".split()
LAST = "Saputra Wijaya Lestari Hidayat Pratama Nugroho Kurniawan Rahayu Santoso Permata Siregar Harahap Lubis".split()
JOBS = (
    ("2", "Analis Sumber Daya Manusia Aparatur Ahli Pertama"),
    ("2", "Pranata Komputer Ahli Muda"),
    ("4", "Pengadministrasi Perkantoran"),
    ("4", "Penata Layanan Operasional"),
    ("2", "Perencana Ahli Pertama"),
)
RANKS = ("31", "III/a"), ("32", "III/b"), ("33", "III/c"), ("24", "II/d"), ("34", "III/d")


def unit_id(index):
    return f"8ae4838b5b2a1001{index:016d}"


def pns_id(seq):
    return f"9b1f0c2e7a4d4e11{seq:016d}"


def nip(seq, pppk=False, female=False):
    """A valid NIP: born 1970-01-01 plus a day per thousand people, appointed in 2000 (a PPPK in 2022, code
    21), the sex digit, and a sequence that keeps every seq apart."""
    birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=seq // 1000)
    appointment = "202221" if pppk else "200003"
    return f"{birth:%Y%m%d}{appointment}{2 if female else 1}{seq % 1000:03d}", birth


def regency(people=40, units=4, emails=True):
    """(rows, ref-unor payload) of ``people`` civil servants in ``units`` units: a Badan at the top, Bidang
    under it, Sub-bagian under those; the first ``units`` people head them, the others are spread round.
    Every seventh is a PPPK; with ``emails`` every second person has one."""
    units = max(1, min(units, people))
    ref = []
    for index in range(units):
        parent = INSTANSI if index == 0 else unit_id((index - 1) // 8)
        level = 0 if index == 0 else 1 if index <= 8 else 2
        ref.append(
            {
                "Id": unit_id(index),
                "InstansiId": INSTANSI,
                "DiatasanId": parent,
                "EselonId": ("22", "31", "41")[level],
                "NamaUnor": f"{('Badan', 'Bidang', 'Sub Bagian')[level]} Contoh {index}",
                "NamaJabatan": f"Kepala {('Badan', 'Bidang', 'Sub Bagian')[level]} Contoh {index}",
                "IndukUnorId": None,
                "PemimpinPnsId": pns_id(index),
                "JenisUnorId": "1",
            }
        )
    rows = []
    for seq in range(people):
        head = seq < units
        unit = seq if head else seq % units
        pppk = not head and seq % 7 == 0
        female = seq % 2 == 1
        number, birth = nip(seq, pppk, female)
        jenis, job = ("1", ref[unit]["NamaJabatan"]) if head else JOBS[seq % len(JOBS)]
        gol_id, gol_name = ("", "IX") if pppk else ("41", "IV/a") if head else RANKS[seq % len(RANKS)]
        first = (WOMEN if female else MEN)[seq // 2 % len(MEN)]
        last = LAST[seq // 3 % len(LAST)]
        email = f"pegawai{seq}@example.com" if emails and seq % 2 == 0 else "null"
        rows.append(
            {
                "pns_id": pns_id(seq),
                "nip_baru": "'" + number,
                "nip_lama": "null",
                "nama": f"{first} {last} {seq}",
                "gelar_depan": "null",
                "gelar_belakang": "S.E." if seq % 3 == 0 else "null",
                "tempat_lahir": "Muara Bungo",
                "tanggal_lahir": f"{birth:%d-%m-%Y}",
                "jenis_kelamin": "F" if female else "M",
                "email": email,
                "email_gov": "null",
                "nomor_hp": f"'0812{seq:08d}",
                "jenis_pegawai_id": "4",
                "jenis_pegawai_nama": "PNS Daerah Kabupaten/Kota",
                "kedudukan_hukum_id": "71" if pppk else "01",
                "kedudukan_hukum_nama": "PPPK Aktif" if pppk else "Aktif",
                "status_cpns_pns": "P",
                "gol_akhir_id": gol_id,
                "gol_akhir_nama": gol_name,
                "tmt_golongan": "01-04-2020",
                "jenis_jabatan_id": jenis,
                "jenis_jabatan_nama": {"1": "Struktural", "2": "Fungsional Tertentu", "4": "Fungsional Umum"}[jenis],
                "jabatan_id": f"JAB-{seq:05d}",
                "jabatan_nama": job,
                "tmt_jabatan": "02-01-2022",
                "unor_id": unit_id(unit),
                "unor_nama": ref[unit]["NamaUnor"],
                "instansi_kerja_id": INSTANSI,
                "instansi_kerja_nama": "Kabupaten Contoh",
            }
        )
    return rows, {"success": True, "data": ref}


def employee_csv(rows, header=HEADER):
    """The rows as SIASN writes them: |-delimited, a header row."""
    return "\n".join(["|".join(header)] + ["|".join(row.get(name, "") for name in header) for row in rows]) + "\n"


def unor_json(payload):
    return json.dumps(payload, indent=1)


def import_wizard(env, rows, units, user):
    """The SIASN import dialog of ``user`` holding the two files of ``rows`` and ``units`` (not yet imported)."""
    return (
        env["asn.kinerja.siasn.import"]
        .with_user(user)
        .create(
            {
                "employee_file": base64.b64encode(employee_csv(rows).encode()),
                "unor_file": base64.b64encode(unor_json(units).encode()),
            }
        )
    )

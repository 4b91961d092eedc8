{
    "name": "Kinerja ASN: Pengembangan Kompetensi",
    "summary": "Competency development of civil servants: training requests, the 20 JP rule, coaching",
    "version": "19.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "license": "AGPL-3",
    "author": "Sistem Evaluasi Kinerja ASN, Pemerintah Kabupaten Bungo",
    "website": "https://bkpsdm.bungokab.go.id",
    "depends": ["hr_asn_kinerja", "hr_course"],
    "data": [],
    "demo": [],
    "installable": True,
}

{
    "name": "Kinerja ASN (SKP)",
    "summary": "Performance management of Indonesian civil servants: SKP, BerAKHLAK, predikat",
    "version": "19.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "license": "AGPL-3",
    "author": "Sistem Evaluasi Kinerja ASN, Pemerintah Kabupaten Bungo",
    "website": "https://bkpsdm.bungokab.go.id",
    "depends": ["hr", "mail"],
    "data": [
        "security/groups.xml",
        "views/menus.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [],
    "application": True,
    "installable": True,
}

{
    "name": "Kinerja ASN (SKP)",
    "summary": "Performance management of Indonesian civil servants: SKP, BerAKHLAK, predikat",
    "version": "19.0.1.5.0",
    "category": "Human Resources/Appraisals",
    "license": "AGPL-3",
    "author": "Sistem Evaluasi Kinerja ASN, Pemerintah Kabupaten Bungo",
    "website": "https://bkpsdm.bungokab.go.id",
    # auth_signup: the accounts created for employees invite them with Odoo's signup link
    # mail_bot comes with mail: the "Hide Odoo Extras" setting switches its onboarding chat off
    # report_xlsx (OCA): the e-Kinerja Excel recap of the SIASN export
    # web_tour: the guided tours are offered to new users of their role (models/web_tour_tour.py)
    # disable_odoo_online (OCA): no odoo.com links in the user menu, no Apps menus, no update notifier; the
    # "Hide Odoo Extras" setting keeps only what it lacks (static/src/webclient/odoo_extras.js)
    # queue_job (OCA): the long runs (period opening, reminders, result e-mails) as jobs, docs/performance.md, "Jobs"
    "depends": [
        "auth_signup",
        "hr",
        "mail",
        "mail_bot",
        "report_xlsx",
        "web_tour",
        "disable_odoo_online",
        "queue_job",
    ],
    "data": [
        "security/groups.xml",
        "security/ir.model.access.csv",
        "security/rules.xml",
        "data/mail_activity_type_data.xml",
        "data/asn_kinerja_behavior_data.xml",
        "data/asn_kinerja_siasn_code_data.xml",
        "data/ir_cron_data.xml",
        "data/ir_cron_status_data.xml",
        "data/mail_template_data.xml",
        "data/web_tour_tour_data.xml",
        "views/menus.xml",
        "views/hr_employee_views.xml",
        "views/hr_employee_status_views.xml",
        "views/asn_kinerja_acting_views.xml",
        "views/asn_kinerja_contract_recommendation_views.xml",
        "views/asn_kinerja_appraisal_views.xml",
        "views/asn_kinerja_peer_input_views.xml",
        "views/asn_kinerja_dialogue_views.xml",
        "views/asn_kinerja_unit_rating_views.xml",
        "views/asn_kinerja_monitoring_views.xml",
        "views/asn_kinerja_dashboard_views.xml",
        "wizard/asn_kinerja_siasn_export_views.xml",
        "views/asn_kinerja_period_views.xml",
        "views/asn_kinerja_indicator_views.xml",
        "views/asn_kinerja_siasn_code_views.xml",
        "views/res_config_settings_views.xml",
        "views/guide_templates.xml",
        "wizard/asn_kinerja_reason_wizard_views.xml",
        "wizard/asn_kinerja_bulk_score_wizard_views.xml",
        "wizard/asn_kinerja_appraiser_wizard_views.xml",
        "wizard/asn_kinerja_objection_decider_wizard_views.xml",
        "wizard/asn_kinerja_siasn_import_views.xml",
        "views/asn_kinerja_transfer_views.xml",
        "report/asn_kinerja_reports.xml",
        "report/asn_kinerja_report_templates.xml",
        "report/asn_kinerja_unit_rating_templates.xml",
        "report/asn_kinerja_account_letter_templates.xml",
        "report/asn_kinerja_contract_recommendation_templates.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/hr_demo.xml",
        "demo/asn_kinerja_job_demo.xml",
        "demo/asn_kinerja_demo.xml",
        "demo/asn_kinerja_living_year_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "hr_asn_kinerja/static/src/webclient/*.js",
            # the guided tours are for everyone, not only for the tests
            "hr_asn_kinerja/static/src/onboarding/*.js",
        ],
        # the graph view is loaded on demand: so is its predikat variant
        "web.assets_backend_lazy": ["hr_asn_kinerja/static/src/views/*.js"],
        "web.assets_tests": ["hr_asn_kinerja/static/src/tours/*.js"],
    },
    "application": True,
}

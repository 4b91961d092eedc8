/**
 * Steps shared by the Kinerja ASN tours (desktop and phone).
 *
 * Every step waits on a real element of the UI; none waits on a timer.
 */
import { stepUtils } from "@web_tour/tour_utils";

const APP_MENU = "hr_asn_kinerja.menu_kinerja_root";

/** Open Kinerja ASN from the apps menu (desktop navbar or phone sidebar): it opens on My SKP. */
export function openKinerjaApp() {
    return [
        // desktop: apps dropdown of the navbar
        stepUtils.showAppsMenuItem(),
        {
            isActive: ["desktop"],
            content: "Open the Kinerja ASN app",
            trigger: `.o-dropdown--menu .o_app[data-menu-xmlid='${APP_MENU}']`,
            run: "click",
        },
        // phone: sidebar behind the burger, "All Apps", then the app
        {
            isActive: ["mobile"],
            content: "Open the app sidebar",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Show all apps",
            trigger: ".o_app_menu_sidebar .o_sidebar_topbar a.btn-primary",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the Kinerja ASN app",
            trigger: `.o_app_menu_sidebar li.o_app[data-menu-xmlid='${APP_MENU}']`,
            run: "click",
        },
        {
            content: "The app opens on My SKP",
            trigger: ".o_breadcrumb .active:contains('My SKP')",
        },
    ];
}

/** Open Kinerja ASN, then one of its top menus (desktop navbar or phone sidebar). */
export function openKinerjaMenu(menuXmlid, breadcrumb) {
    return [
        ...openKinerjaApp(),
        {
            isActive: ["desktop"],
            content: `Open ${breadcrumb}`,
            trigger: `.o_menu_sections [data-menu-xmlid='${menuXmlid}']`,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the app sidebar",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: `Open ${breadcrumb}`,
            trigger: `.o_app_menu_sidebar li[data-menu-xmlid='${menuXmlid}']`,
            run: "click",
        },
        {
            content: `${breadcrumb} is shown`,
            trigger: `.o_breadcrumb .active:contains('${breadcrumb}')`,
        },
    ];
}

/** Desktop: a menu of a section of the navbar (the section opens as a dropdown), e.g. Monitoring > Progress. */
export function openNavbarSubmenu(sectionXmlid, menuXmlid, breadcrumb) {
    return [
        {
            content: "Open the section of the navbar",
            trigger: `.o_menu_sections [data-menu-xmlid='${sectionXmlid}']`,
            run: "click",
        },
        {
            content: `Open ${breadcrumb}`,
            trigger: `.o-dropdown--menu [data-menu-xmlid='${menuXmlid}']`,
            run: "click",
        },
        {
            content: `${breadcrumb} is shown`,
            trigger: `.o_breadcrumb .active:contains('${breadcrumb}')`,
        },
    ];
}

export function openSubordinates() {
    return openKinerjaMenu("hr_asn_kinerja.menu_appraisal_subordinates", "Subordinates");
}

/** The form shows the SKP of ``employee`` in ``stateLabel``. */
export function formInState(employee, stateLabel) {
    return [
        {
            content: `The form shows the SKP of ${employee}`,
            trigger: `.o_form_view .o_field_widget[name=employee_id]:contains('${employee}')`,
        },
        {
            content: `The SKP is ${stateLabel}`,
            trigger:
                `.o_form_view .o_statusbar_status button[aria-checked=true]:contains('${stateLabel}'),` +
                `.o_form_view .o_statusbar_status .dropdown-toggle:contains('${stateLabel}')`,
        },
    ];
}

/**
 * A header button that must be visible at once (on a phone the first visible header
 * button stays in the bar and the others go behind the "More" dropdown).
 */
export function clickHeaderButton(label) {
    return {
        content: `Click "${label}"`,
        trigger: `.o_form_view .o_statusbar_buttons > button:enabled:contains('${label}')`,
        run: "click",
    };
}

/** Choose ``label`` in the selection field ``name`` (a SelectMenu; a bottom sheet on a phone). */
export function chooseSelection(scope, name, label) {
    return [
        {
            content: `Open ${name}`,
            trigger: `${scope} .o_field_widget[name=${name}] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: `Choose ${label}`,
            trigger: `.o_select_menu_menu .o_select_menu_item:contains('${label}')`,
            run: "click",
        },
        {
            content: `${name} shows ${label}`,
            trigger: `${scope} .o_field_widget[name=${name}] .o_select_menu_toggler:value('${label}')`,
        },
    ];
}

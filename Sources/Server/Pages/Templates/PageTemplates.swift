/// The page templates by name, each in a file of its own beside this one. Partials: `csrf` (the
/// hidden token field of every form) and `field` (one labelled form control with its error).
enum PageTemplates {
    static let all: [String: String] = [
        "layout": layout, "csrf": csrf, "field": field, "error": error, "login": login, "password": password,
        "admin-home": adminHome, "patient-list": patientList, "patient-form": patientForm, "patient": patient,
        "visit": visit, "part-form": partForm, "parts": parts, "delete": delete,
        "part-edit": partEdit, "audit-log": auditLog, "exchange": exchange, "diagnosis": diagnosis, "report": report,
        "cohort": cohort,
    ]

    static let csrf = #"<input type="hidden" name="csrf" value="{{csrf}}">"#
}

import Clinical
import Hummingbird
import Registry

/// `/`: the patient list for clinicians (their site, identified) and researchers (all sites,
/// pseudonymised); admins are sent to `/admin`.
struct PatientListPage {
    let store: RegistryStore
    let renderer: PageRenderer
    let knowledge: PageKnowledge

    func register(_ pages: PageRouter) {
        pages.get("/", roles: [.admin, .clinician, .researcher]) { request, context, session -> Response in
            if session.role == .admin { return PageRenderer.redirect("/admin") }
            return try await list(request, session)
        }
    }

    func list(_ request: Request, _ session: PageSession) async throws -> Response {
        let who = session.principal
        let viewContext = try await store.patientViewContext()
        let query = PatientListQuery(request, role: who.role, today: viewContext.today)
        let sites = try await store.sites()
        let view = View(role: who.role)
        var rows: [PatientListView.Row] = []
        var total = 0
        if query.problems.isEmpty {
            let listing = try await store.listPatients(query.filter, page: query.page, by: who)
            let siteCodes = Dictionary(uniqueKeysWithValues: sites.map { ($0.id, $0.code) })
            rows = listing.items.map { PatientRow.make($0.json(view, researchKey: viewContext), view: view, sites: siteCodes,
                                                       knowledge: knowledge, today: viewContext.today) }
            total = listing.total
        }
        let pageNumber = query.page.offset / PatientListQuery.pageSize + 1
        let first = total == 0 ? 0 : query.page.offset + 1
        let pager = PatientListView.Pager(
            summary: "\(total) patient\(total == 1 ? "" : "s")" + (total > 0 ? ", showing \(first) to \(query.page.offset + rows.count)" : ""),
            previous: pageNumber > 1 ? query.href(page: pageNumber - 1) : nil,
            next: query.page.offset + rows.count < total ? query.href(page: pageNumber + 1) : nil)
        let errors = FieldErrors(query.problems)
        let page = PatientListView(
            filters: filterFields(query.values, errors: errors.byField, role: who.role, sites: sites),
            rows: rows, showPseudonym: view == .identified, canCreate: who.role == .clinician, pager: pager,
            problems: query.problems.map { "\($0.field): \($0.reason)" },
            searchHint: who.role == .researcher ? "Search by the pseudonymised record id." : "Search by part of the pseudonym or by the record id.",
            hasProblems: !query.problems.isEmpty)
        return renderer.response("patient-list", page, chrome: session.chrome("Patients", current: "/"),
                                 status: query.problems.isEmpty ? .ok : .badRequest)
    }

    func filterFields(_ values: [String: String], errors: [String: String], role: Role, sites: [Site]) -> [FormFieldView] {
        func select(_ name: String, _ label: String, _ choices: [(value: String, label: String)]) -> FormFieldView {
            FormFieldView(name: name, label: label, control: .select([(value: "", label: "any")] + choices), value: values[name] ?? "",
                          error: errors[name], formID: "filter")
        }
        func raw<E: RawRepresentable & CaseIterable>(_: E.Type) -> [(value: String, label: String)] where E.RawValue == String {
            E.allCases.map { (value: $0.rawValue, label: $0.rawValue) }
        }
        var sorts: [(value: String, label: String)] = [(value: "id", label: "record id"), (value: "age", label: "age"),
                                                       (value: "updated", label: "last change")]
        if role != .researcher { sorts.insert((value: "pseudonym", label: "pseudonym"), at: 1) }
        return [
            FormFieldView(name: "q", label: role == .researcher ? "Record id" : "Pseudonym or record id",
                          control: .input(type: "search", inputMode: nil), value: values["q"] ?? "", error: errors["q"], formID: "filter"),
            FormFieldView(name: "diagnosis", label: "Diagnosis (ORPHA code)", control: .input(type: "text", inputMode: nil),
                          value: values["diagnosis"] ?? "", error: errors["diagnosis"], formID: "filter"),
            select("site", "Site", sites.map { (value: String($0.id), label: $0.code) }),
            select("sex", "Sex", raw(Sex.self)),
            select("age", "Age", AgeBand.allCases.map { (value: $0.rawValue, label: $0.label) }),
            select("gnas", "GNAS sequencing", raw(TestResults.Sequencing.self)),
            select("status", "Status", raw(PatientStatus.self)),
            FormFieldView(name: "sort", label: "Sort by", control: .select(sorts), value: values["sort"] ?? "id",
                          error: errors["sort"], formID: "filter"),
            FormFieldView(name: "order", label: "Order", control: .select([(value: "asc", label: "ascending"), (value: "desc", label: "descending")]),
                          value: values["order"] ?? "asc", error: errors["order"], formID: "filter"),
        ]
    }
}

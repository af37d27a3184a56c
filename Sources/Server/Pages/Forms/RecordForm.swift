import Hummingbird
import Registry

/// The form of a kind of record, made from its `ColumnSpec` list (the same list the API, the
/// schema and the OpenAPI document use): one control per field, named by its JSON key.
/// A posted form becomes the API's JSON object and goes through the API's own checks
/// (`JSONIO.fields`, `RecordKnowledgeCheck`), so the pages validate exactly as the API does.
enum RecordForm {
    /// Choices that replace a field's own control (an HPO subtree, the analytes of the lab knowledge).
    typealias Choices = [String: [(value: String, label: String)]]

    static func fields<F: RecordFields>(_: F.Type, values: [String: String], errors: [String: String], formID: String,
                                        keys: [String]? = nil, choices: Choices = [:], labels: [String: String] = [:],
                                        hints: [String: String] = [:], hpoSearch: Set<String> = []) -> [FormFieldView] {
        let specs = keys.map { keys in keys.compactMap { key in F.columns.first { $0.key == key } } } ?? F.columns
        return specs.map { spec in
            let control: FormFieldView.Control
            if let list = choices[spec.key] {
                control = .select([(value: "", label: "-")] + list)
            } else if let allowed = spec.allowed {
                control = .select([(value: "", label: "-")] + allowed.map { (value: $0, label: $0) })
            } else {
                switch spec.kind {
                case .boolean: control = .select([(value: "", label: "-"), (value: "true", label: "yes"), (value: "false", label: "no")])
                case .date: control = .input(type: "date", inputMode: nil)
                case .integer: control = .input(type: "text", inputMode: "numeric")
                case .real: control = .input(type: "text", inputMode: "decimal")
                case .text: control = spec.privacy == .freeText ? .textarea : .input(type: "text", inputMode: nil)
                }
            }
            return FormFieldView(name: spec.key, label: labels[spec.key] ?? label(spec.summary), control: control,
                                 value: values[spec.key] ?? "", error: errors[spec.key], hint: hints[spec.key],
                                 required: spec.required, formID: formID, hpoSearch: hpoSearch.contains(spec.key))
        }
    }

    /// "2.1 date of birth" -> "2.1 Date of birth"; "free text" -> "Free text".
    static func label(_ summary: String) -> String {
        let words = summary.split(separator: " ", maxSplits: 1)
        if words.count == 2, words[0].first?.isNumber == true {
            return String(words[0]) + " " + words[1].prefix(1).uppercased() + String(words[1].dropFirst())
        }
        return summary.prefix(1).uppercased() + String(summary.dropFirst())
    }

    /// The posted values of `F`'s fields, as typed (for showing the form again).
    static func values<F: RecordFields>(_: F.Type, form: FormBody) -> [String: String] {
        var values: [String: String] = [:]
        for spec in F.columns { if let v = form[spec.key] { values[spec.key] = v } }
        return values
    }

    /// The values of a stored record, for an edit form.
    static func values(_ json: JSONValue) -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in json.objectValue ?? [:] {
            switch value {
            case .string(let s): values[key] = s
            case .bool(let b): values[key] = b ? "true" : "false"
            case .number(let n): values[key] = n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            default: break
            }
        }
        return values
    }

    /// The API's JSON object of a posted form: an empty field is absent; a value that does not read
    /// as its type is passed on as text, so the API's check names it.
    static func json<F: RecordFields>(_: F.Type, form: FormBody) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        for spec in F.columns {
            guard let text = form.text(spec.key) else { continue }
            switch spec.kind {
            case .boolean: object[spec.key] = text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
            case .integer, .real: object[spec.key] = Double(text).map(JSONValue.number) ?? .string(text)
            case .text, .date: object[spec.key] = .string(text)
            }
        }
        return object
    }

    /// The fields of a posted form checked as the API checks them, or the problems by field.
    static func read<F: RecordFields>(_: F.Type, _ object: [String: JSONValue], check: RecordKnowledgeCheck) -> Result<F, FieldErrors> {
        do {
            let fields = try JSONIO.fields(F.self, from: object)
            let problems = check.problems(fields)
            return problems.isEmpty ? .success(fields) : .failure(FieldErrors(problems))
        } catch let problem as Problem {
            return .failure(FieldErrors(problem.invalidParams.isEmpty ? [FieldProblem(F.entity.rawValue, problem.detail ?? problem.title)]
                                                                     : problem.invalidParams))
        } catch {
            return .failure(FieldErrors([FieldProblem(F.entity.rawValue, "could not be read")]))
        }
    }
}

/// Problems of a form by field name (the first per field), shown beside each field.
struct FieldErrors: Error, Sendable {
    var byField: [String: String] = [:]

    init(_ problems: [FieldProblem]) {
        for p in problems where byField[p.field] == nil { byField[p.field] = p.reason }
    }

    /// The problems of a refused write: a 422 problem's fields, a registry refusal's, or a conflict
    /// (a unique value taken) on `conflictField`; nil for any other error.
    init?(refusal error: any Error, conflictField: String) {
        switch error {
        case let problem as Problem where problem.status == .unprocessableContent: self.init(problem.invalidParams)
        case RegistryError.invalid(let problems): self.init(problems)
        case RegistryError.conflict: self.init([FieldProblem(conflictField, "is taken")])
        default: return nil
        }
    }

    /// Problems about fields that the form does not show, for a notice above it.
    func unplaced(shown: [String]) -> [String] {
        byField.filter { !shown.contains($0.key) }.map { "\($0.key): \($0.value)" }.sorted()
    }
}

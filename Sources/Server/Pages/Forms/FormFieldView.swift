/// One form control as the `field` partial draws it: the field's name is the API's JSON key, so a
/// form posts what the API would take.
struct FormFieldView: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    enum Control: Sendable {
        case input(type: String, inputMode: String?)
        case select([(value: String, label: String)])
        case textarea
    }

    let name: String
    let label: String
    let value: String
    let error: String?
    let hint: String?
    let required: Bool
    let inputID: String
    let isInput: Bool
    let isSelect: Bool
    let isTextarea: Bool
    let inputType: String
    let inputMode: String?
    let options: [Option]
    let hpoSearch: Bool
    let autocomplete: String?

    init(name: String, label: String, control: Control, value: String = "", error: String? = nil, hint: String? = nil,
         required: Bool = false, formID: String = "f", hpoSearch: Bool = false, autocomplete: String? = nil) {
        self.name = name
        self.label = label
        self.value = value
        self.error = error
        self.hint = hint
        self.required = required
        inputID = formID + "-" + name
        self.hpoSearch = hpoSearch
        self.autocomplete = autocomplete
        var type = "", mode: String?, options: [Option] = []
        switch control {
        case .input(let t, let m): (type, mode) = (t, m)
        case .select(let choices):
            options = choices.map { Option(value: $0.value, label: $0.label, selected: $0.value == value) }
            // A stored or typed value outside the choices stays selectable, so that saving the form never drops it.
            if !value.isEmpty, !choices.contains(where: { $0.value == value }) {
                options.append(Option(value: value, label: value, selected: true))
            }
        case .textarea: break
        }
        if case .input = control { isInput = true } else { isInput = false }
        if case .select = control { isSelect = true } else { isSelect = false }
        if case .textarea = control { isTextarea = true } else { isTextarea = false }
        inputType = type
        inputMode = mode
        self.options = options
    }
}

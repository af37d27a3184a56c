internal import Foundation

extension PhenopacketError.Issue {
    /// Turns a `DecodingError` into an issue with the JSON path and fixed wording. The decoder's own
    /// texts are not used: they may quote the document.
    init(_ error: DecodingError) {
        switch error {
        case .typeMismatch(let type, let context):
            let path = JSONPath.render(context.codingPath)
            if context.debugDescription.hasPrefix("expected the name of a value of the enum") {
                self.init(path: path, problem: .wrongType(expected: "a string"))
            } else {
                self.init(path: path, problem: .wrongType(expected: Self.describe(type)))
            }
        case .valueNotFound(let type, let context):
            self.init(path: JSONPath.render(context.codingPath), problem: .wrongType(expected: Self.describe(type)))
        case .keyNotFound(let key, let context):
            self.init(path: JSONPath.render(context.codingPath + [key]), problem: .missing)
        case .dataCorrupted(let context):
            let path = JSONPath.render(context.codingPath)
            let text = context.debugDescription
            if let underlying = context.underlyingError {
                let (line, column) = Self.position(in: String(describing: underlying))
                self.init(path: path, problem: .invalidJSON(line: line, column: column))
            } else if text.hasPrefix("unknown value of the enum ") {
                let rest = text.dropFirst("unknown value of the enum ".count)
                let parts = rest.components(separatedBy: ": ")
                self.init(path: path, problem: .unknownEnumValue(enumName: parts.first ?? String(rest),
                                                                 allowed: parts.count > 1 ? parts[1].components(separatedBy: ", ") : []))
            } else if text.hasPrefix("a time element needs one of ") || text.hasPrefix("a value needs one of ") {
                self.init(path: path, problem: .noneOf(Self.fieldList(after: "needs one of ", in: text)))
            } else if text.hasPrefix("a time element takes only one of ") || text.hasPrefix("a value takes only one of ") {
                self.init(path: path, problem: .moreThanOne(of: Self.fieldList(after: "takes only one of ", in: text)))
            } else if text.contains("JSON") || path.isEmpty {
                self.init(path: path, problem: .invalidJSON(line: nil, column: nil))
            } else {
                self.init(path: path, problem: .other("invalid value"))
            }
        @unknown default:
            self.init(path: "", problem: .other("could not be decoded"))
        }
    }

    private static func fieldList(after marker: String, in text: String) -> [String] {
        guard let range = text.range(of: marker) else { return [] }
        return text[range.upperBound...].components(separatedBy: ", ")
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name == "String" { return "a string" }
        if name == "Bool" { return "true or false" }
        if ["Double", "Float"].contains(name) { return "a number" }
        if ["Int", "Int32", "Int64", "UInt32", "UInt64"].contains(name) { return "an integer" }
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
        return "an object"
    }

    /// The line and column that Foundation's JSON parser reports ("line 1, column 5"); digits only.
    private static func position(in text: String) -> (Int?, Int?) {
        func number(after word: String) -> Int? {
            guard let range = text.range(of: word) else { return nil }
            return Int(text[range.upperBound...].prefix(while: \.isNumber))
        }
        return (number(after: "line "), number(after: "column "))
    }
}

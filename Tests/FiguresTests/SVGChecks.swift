import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks shared by the figure tests: the attributes of every element with a given name, and XML
/// well-formedness.
enum SVGChecks {
    /// The attributes of every `<name ...>` start tag, in document order.
    static func tags(_ name: String, in text: String) -> [[String: String]] {
        var found: [[String: String]] = []
        var rest = text[...]
        while let start = rest.range(of: "<\(name) ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let inside = String(rest[start.upperBound..<end])
            var attributes: [String: String] = [:]
            for match in inside.matches(of: /([A-Za-z_:][\w:.-]*)="([^"]*)"/) {
                attributes[String(match.1)] = String(match.2)
            }
            found.append(attributes)
            rest = rest[end...]
        }
        return found
    }

    /// Whether the text parses as XML (the inline SVG must, for the HTML parser to keep it whole).
    static func wellFormed(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }
}

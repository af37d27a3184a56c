internal import Foundation

/// proto3 JSON parsers accept the proto field names (`phenotypic_features`) as well as the
/// lowerCamelCase JSON names (`phenotypicFeatures`). The model decodes the JSON names; a document with
/// snake_case keys is rewritten first. The check is a byte scan; the rewrite (through
/// `JSONSerialization`) only runs for documents that need it.
enum ProtoFieldNames {
    /// The map fields, whose keys are data, not field names.
    static let mapFields: Set<String> = ["fileAttributes", "individualToFileIdentifiers"]

    /// Whether an object key of the document looks like a proto field name: a lowercase letter, then
    /// an underscore followed by a lowercase letter or digit somewhere.
    static func containsSnakeCaseKey(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = bytes.count
            while i < n {
                guard bytes[i] == UInt8(ascii: "\"") else { i += 1; continue }
                // A string: find its end and whether it looks like a snake_case name.
                var j = i + 1
                var snake = false
                let startsLower = j < n && (97...122).contains(bytes[j])
                while j < n, bytes[j] != UInt8(ascii: "\"") {
                    if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
                    if bytes[j] == UInt8(ascii: "_"), j + 1 < n, (97...122).contains(bytes[j + 1]) || (48...57).contains(bytes[j + 1]) {
                        snake = true
                    }
                    j += 1
                }
                j += 1
                if snake && startsLower {
                    var k = j
                    while k < n, bytes[k] == 32 || bytes[k] == 9 || bytes[k] == 10 || bytes[k] == 13 { k += 1 }
                    if k < n, bytes[k] == UInt8(ascii: ":") { return true }
                }
                i = j
            }
            return false
        }
    }

    /// The document with every field name in lowerCamelCase (map-field keys untouched); nil when the
    /// data is not JSON.
    static func camelCased(_ data: Data) -> Data? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return try? JSONSerialization.data(withJSONObject: convert(object), options: [.fragmentsAllowed])
    }

    static func convert(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, child) in object {
                let name = camelCase(key)
                if mapFields.contains(name) { result[name] = child } else { result[name] = convert(child) }
            }
            return result
        }
        if let array = value as? [Any] { return array.map(convert) }
        return value
    }

    /// `time_at_last_encounter` -> `timeAtLastEncounter`.
    static func camelCase(_ name: String) -> String {
        guard name.contains("_") else { return name }
        var result = ""
        var upper = false
        for ch in name {
            if ch == "_" { upper = !result.isEmpty; continue }
            result.append(upper ? Character(ch.uppercased()) : ch)
            upper = false
        }
        return result
    }
}

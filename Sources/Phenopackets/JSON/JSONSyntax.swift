/// Finds where a text stops being JSON, for error messages: Foundation's decoder only says that the
/// data is not valid. Run only on documents that failed to decode.
enum JSONSyntax {
    /// The 1-based line and column (in bytes) of the first syntax error, or nil when the text is JSON.
    static func errorPosition(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var scanner = Scanner(bytes: bytes)
        let ok = scanner.document()
        guard !ok else { return nil }
        let offset = min(scanner.index, bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var depth = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let b = current, b == 32 || b == 9 || b == 10 || b == 13 { index += 1 }
        }

        mutating func document() -> Bool {
            skipSpace()
            guard value() else { return false }
            skipSpace()
            return index == bytes.count
        }

        mutating func value() -> Bool {
            skipSpace()
            guard let b = current else { return false }
            switch b {
            case UInt8(ascii: "{"): return object()
            case UInt8(ascii: "["): return array()
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func literal(_ word: String) -> Bool {
            for expected in word.utf8 {
                guard current == expected else { return false }
                index += 1
            }
            return true
        }

        mutating func number() -> Bool {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            var digits = 0
            while let b = current, (48...57).contains(b) { index += 1; digits += 1 }
            guard digits > 0 else { return false }
            if current == UInt8(ascii: ".") {
                index += 1
                var fraction = 0
                while let b = current, (48...57).contains(b) { index += 1; fraction += 1 }
                guard fraction > 0 else { return false }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                var exponent = 0
                while let b = current, (48...57).contains(b) { index += 1; exponent += 1 }
                guard exponent > 0 else { return false }
            }
            return index > start
        }

        mutating func string() -> Bool {
            index += 1  // opening quote
            while let b = current {
                switch b {
                case UInt8(ascii: "\""): index += 1; return true
                case UInt8(ascii: "\\"): index += 2
                case 0..<32: return false
                default: index += 1
                }
            }
            return false
        }

        mutating func array() -> Bool {
            index += 1
            depth += 1
            defer { depth -= 1 }
            guard depth < 512 else { return false }
            skipSpace()
            if current == UInt8(ascii: "]") { index += 1; return true }
            while true {
                guard value() else { return false }
                skipSpace()
                if current == UInt8(ascii: ",") { index += 1; continue }
                guard current == UInt8(ascii: "]") else { return false }
                index += 1
                return true
            }
        }

        mutating func object() -> Bool {
            index += 1
            depth += 1
            defer { depth -= 1 }
            guard depth < 512 else { return false }
            skipSpace()
            if current == UInt8(ascii: "}") { index += 1; return true }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\""), string() else { return false }
                skipSpace()
                guard current == UInt8(ascii: ":") else { return false }
                index += 1
                guard value() else { return false }
                skipSpace()
                if current == UInt8(ascii: ",") { index += 1; continue }
                guard current == UInt8(ascii: "}") else { return false }
                index += 1
                return true
            }
        }
    }
}

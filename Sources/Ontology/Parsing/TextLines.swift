/// Splits a byte buffer into lines without copying (LF or CRLF endings), with 1-based line numbers.
struct TextLines: Sequence {
    let bytes: [UInt8]

    struct Line {
        let number: Int
        let range: Range<Int>
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var position = 0
        var number = 0

        mutating func next() -> Line? {
            guard position < bytes.count else { return nil }
            let start = position
            var end = start
            let count = bytes.count
            bytes.withUnsafeBufferPointer { buf in
                while end < count && buf[end] != 0x0A { end += 1 }
            }
            position = end + 1
            number += 1
            var stop = end
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            return Line(number: number, range: start..<stop)
        }
    }
}

extension Array where Element == UInt8 {
    /// The UTF-8 text of a byte range.
    func string(_ range: Range<Int>) -> String {
        withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Ranges of the tab-separated fields of a line.
    func tabFields(_ range: Range<Int>) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(12)
        var start = range.lowerBound
        withUnsafeBufferPointer { buf in
            for i in range where buf[i] == 0x09 {
                fields.append(start..<i)
                start = i + 1
            }
        }
        fields.append(start..<range.upperBound)
        return fields
    }

    func hasPrefix(_ prefix: StaticString, in range: Range<Int>) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard range.count >= n else { return false }
        return prefix.withUTF8Buffer { p in
            for k in 0..<n where self[range.lowerBound + k] != p[k] { return false }
            return true
        }
    }
}

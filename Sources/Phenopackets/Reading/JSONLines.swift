internal import Foundation

/// Splitting JSONL data into non-blank lines with their 1-based numbers.
enum JSONLines {
    struct Line: Sendable {
        var number: Int
        var range: Range<Data.Index>
    }

    static func split(_ data: Data) -> [Line] {
        var lines: [Line] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var number = 1
            // A UTF-8 byte order mark before the first line is not part of it.
            let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            var start = bom
            var blank = true
            for i in bom...bytes.count {
                let byte: UInt8 = i < bytes.count ? bytes[i] : 10
                if byte == 10 {
                    if !blank {
                        var end = i
                        if end > start, bytes[end - 1] == 13 { end -= 1 }
                        lines.append(Line(number: number, range: (data.startIndex + start)..<(data.startIndex + end)))
                    }
                    number += 1
                    start = i + 1
                    blank = true
                } else if blank, byte != 32, byte != 9, byte != 13 {
                    blank = false
                }
            }
        }
        return lines
    }
}

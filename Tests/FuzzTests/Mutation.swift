import PropertyBased

/// One edit of a seed input, the unit a fuzzed input is built from: the generator draws a seed and
/// a short list of edits, and shrinking removes edits until the smallest failing list remains.
struct Mutation: Sendable, CustomStringConvertible {
    enum Kind: Int, CaseIterable, Sendable {
        case flipByte, insertByte, deleteRange, duplicateRange, insertToken, truncate, splice
    }

    var kind: Kind
    /// Where the edit applies, reduced modulo the input's length.
    var position: Int
    var byte: UInt8
    var length: Int

    var description: String { "\(kind)@\(position) byte \(byte) length \(length)" }

    /// Bytes that tend to break parsers: structure characters of the formats under test, edge
    /// numbers, NUL, a byte-order mark, invalid UTF-8 and overlong escapes.
    static let tokens: [[UInt8]] = [
        "\u{0}", "\"", "\\", "{", "}", "[", "]", ":", ",", "\n", "\r\n", "\t", " ", "-1", "0", "1e999", "-0",
        "NaN", "\\u0000", "\\ud800", "\u{FEFF}", "HP:", "OMIM:", "_", "del", "ins", "dup", "?", ">", "(", ")", "=", "*",
        "+", "9999999999999999999999", "[Term]", "id: ", "is_a: ", "P", "Y", "null", "true", "\"\":",
    ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]]

    /// Applies the edit; `other` is a second seed for splicing.
    func apply(to input: inout [UInt8], other: [UInt8]) {
        let at = input.isEmpty ? 0 : position % (input.count + 1)
        let end = min(input.count, at + length)
        switch kind {
        case .flipByte:
            if at < input.count { input[at] ^= byte == 0 ? 1 : byte }
        case .insertByte:
            input.insert(byte, at: at)
        case .deleteRange:
            input.removeSubrange(at..<end)
        case .duplicateRange:
            input.insert(contentsOf: input[at..<end], at: at)
        case .insertToken:
            input.insert(contentsOf: Self.tokens[Int(byte) % Self.tokens.count], at: at)
        case .truncate:
            input.removeSubrange(at..<input.count)
        case .splice:
            guard !other.isEmpty else { return }
            let from = position % other.count
            input.insert(contentsOf: other[from..<min(other.count, from + length * 8)], at: at)
        }
    }
}

/// A fuzzed input: which seed, and the edits made to it.
struct FuzzInput: Sendable, CustomStringConvertible {
    var seed: Int
    var mutations: [Mutation]

    var description: String { "seed \(seed), edits \(mutations)" }

    func bytes(from corpus: [[UInt8]]) -> [UInt8] {
        guard !corpus.isEmpty else { return [] }
        var input = corpus[seed % corpus.count]
        let other = corpus[(seed + 1) % corpus.count]
        for mutation in mutations { mutation.apply(to: &input, other: other) }
        return input
    }
}

enum FuzzGen {
    static let mutation = zip(
        Gen.int(in: 0...(Mutation.Kind.allCases.count - 1)),
        Gen.int(in: 0...1_000_000),
        Gen.uint8(in: 0...255),
        Gen.int(in: 1...64)
    ).map { kind, position, byte, length in
        Mutation(kind: Mutation.Kind(rawValue: kind) ?? .flipByte, position: position, byte: byte, length: length)
    }

    /// Up to `maxEdits` edits of one of the seeds.
    static func input(maxEdits: Int = 6) -> Generator<FuzzInput, some SendableSequenceType> {
        zip(Gen.int(in: 0...1_000), mutation.array(of: 0...maxEdits)).map { seed, edits in
            FuzzInput(seed: seed, mutations: edits)
        }
    }
}

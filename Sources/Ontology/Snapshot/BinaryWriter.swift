/// Appends values in a compact little-endian binary form. The format is private to Ossify's
/// snapshot cache: a snapshot is rebuilt whenever the data or ``KnowledgeBase/snapshotFormat`` changes.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    mutating func int(_ v: Int) { raw(Int64(v)) }
    mutating func int32(_ v: Int32) { raw(v) }
    mutating func double(_ v: Double) { raw(v.bitPattern) }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            raw(UInt32(buf.count))
            bytes.append(contentsOf: buf)
        }
    }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func int32s(_ values: [Int32]) {
        raw(UInt32(values.count))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    private mutating func raw<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Reads what ``BinaryWriter`` wrote; every read is bounds-checked, so a damaged snapshot is an
/// error (and is then rebuilt), never a crash.
struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(Damaged) -> Int { Int(try raw(Int64.self)) }
    mutating func int32() throws(Damaged) -> Int32 { try raw(Int32.self) }
    mutating func double() throws(Damaged) -> Double { Double(bitPattern: try raw(UInt64.self)) }
    mutating func bool() throws(Damaged) -> Bool { try raw(UInt8.self) != 0 }

    mutating func string() throws(Damaged) -> String {
        let n = Int(try raw(UInt32.self))
        guard n <= bytes.count - offset else { throw Damaged() }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]), as: UTF8.self)
        offset += n
        return s
    }

    mutating func optionalString() throws(Damaged) -> String? {
        try bool() ? try string() : nil
    }

    mutating func int32s() throws(Damaged) -> [Int32] {
        let n = Int(try raw(UInt32.self))
        guard n * 4 <= bytes.count - offset else { throw Damaged() }
        let base = offset
        offset += n * 4
        return [Int32](unsafeUninitializedCapacity: n) { buf, count in
            UnsafeMutableRawBufferPointer(buf).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[base..<(base + n * 4)]))
            count = n
        }.map { Int32(littleEndian: $0) }
    }

    mutating func skip(_ n: Int) throws(Damaged) {
        guard n >= 0, n <= bytes.count - offset else { throw Damaged() }
        offset += n
    }

    /// The element count of an `int32s` list, for reading its elements one by one.
    mutating func listCount() throws(Damaged) -> Int {
        let n = Int(try raw(UInt32.self))
        guard n * 4 <= bytes.count - offset else { throw Damaged() }
        return n
    }

    mutating func count(max: Int = 50_000_000) throws(Damaged) -> Int {
        let n = try int()
        guard n >= 0, n <= max else { throw Damaged() }
        return n
    }

    private mutating func raw<T: FixedWidthInteger>(_ type: T.Type) throws(Damaged) -> T {
        let size = MemoryLayout<T>.size
        guard size <= bytes.count - offset else { throw Damaged() }
        let v = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: v)
    }
}

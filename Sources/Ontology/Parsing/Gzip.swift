import CZlib

/// Reads gzip-compressed bytes into memory with the system zlib.
///
/// Written here because Foundation on Linux has no gzip reader and the listed compression package
/// (compress-nio) would bring SwiftNIO into the dependency-free `Ontology` core.
public enum Gzip {
    public static func decompress(_ input: [UInt8], name: String) throws(DataFileError) -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header; 32 would also accept zlib.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataFileError(file: name, line: nil, field: nil, reason: "could not start the gzip reader")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 6)
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        var input = input
        try input.withUnsafeMutableBufferPointer { (inBuf: inout UnsafeMutableBufferPointer<UInt8>) throws(DataFileError) in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            repeat {
                let produced = buffer.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return chunk - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END {
                    throw DataFileError(file: name, line: nil, field: nil,
                                        reason: "not a valid gzip file (zlib status \(status))")
                }
                output.append(contentsOf: buffer[0..<produced])
                if status == Z_OK && stream.avail_in == 0 && produced == 0 {
                    throw DataFileError(file: name, line: nil, field: nil, reason: "the gzip file is truncated")
                }
            } while status != Z_STREAM_END
        }
        return output
    }

    /// True when the bytes start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b }

    /// CRC-32 of some bytes, continuing from `seed` (zlib's implementation).
    public static func crc32(_ bytes: [UInt8], seed: UInt = 0) -> UInt {
        bytes.withUnsafeBufferPointer { buf in
            UInt(CZlib.crc32(uLong(seed), buf.baseAddress, uInt(buf.count)))
        }
    }
}

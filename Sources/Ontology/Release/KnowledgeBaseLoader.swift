public import Foundation

/// How a knowledge base was obtained, for `ossify data info` and `ossify data bench`.
public struct LoadReport: Sendable {
    public enum Path: String, Sendable { case snapshot, parsed }
    public var path: Path
    public var seconds: Double
    public var snapshotFile: URL?
}

/// Loads the knowledge base: from the cached snapshot when one matches the release's checksum,
/// otherwise by parsing the release (and then writing the snapshot for next time).
public enum KnowledgeBaseLoader {
    public static func load(_ store: ReleaseStore, useCache: Bool = true) throws(DataFileError) -> (KnowledgeBase, LoadReport) {
        let start = DispatchTime.now().uptimeNanoseconds
        let raw = try readRelease(store.dataDirectory)
        let snapshot = store.cacheDirectory.appendingPathComponent("kb-\(raw.checksum)-v\(KnowledgeBase.snapshotFormat).bin")
        if useCache, let data = try? Data(contentsOf: snapshot), let kb = KnowledgeBase.fromSnapshot([UInt8](data)),
           kb.release.checksum == raw.checksum {
            return (kb, LoadReport(path: .snapshot, seconds: elapsed(since: start), snapshotFile: snapshot))
        }
        let kb = try parse(raw, source: store.origin)
        var written: URL?
        if useCache {
            do {
                try FileManager.default.createDirectory(at: store.cacheDirectory, withIntermediateDirectories: true)
                try Data(kb.snapshotBytes()).write(to: snapshot, options: .atomic)
                written = snapshot
            } catch {
                // A read-only cache only costs speed: the next start parses again.
                written = nil
            }
        }
        return (kb, LoadReport(path: .parsed, seconds: elapsed(since: start), snapshotFile: written))
    }

    /// The release files as read from disk, with their checksum.
    public struct RawRelease: Sendable {
        var obo: (url: URL, bytes: [UInt8])
        var hpoa: (url: URL, bytes: [UInt8])
        var genes: (url: URL, bytes: [UInt8])
        public var checksum: String
    }

    public static func readRelease(_ dir: URL) throws(DataFileError) -> RawRelease {
        let names = ReleaseStore.fileNames
        let obo = try ReleaseStore.readMember(names.obo, in: dir)
        let hpoa = try ReleaseStore.readMember(names.hpoa, in: dir)
        let genes = try ReleaseStore.readMember(names.genes, in: dir)
        var crc: UInt = 0
        for part in [obo.bytes, hpoa.bytes, genes.bytes] { crc = Gzip.crc32(part, seed: crc) }
        let size = obo.bytes.count + hpoa.bytes.count + genes.bytes.count
        return RawRelease(obo: obo, hpoa: hpoa, genes: genes,
                          checksum: String(crc, radix: 16) + "-" + String(size, radix: 16))
    }

    /// Parses the three release files, decompressing and parsing them concurrently.
    public static func parse(_ raw: RawRelease, source: String) throws(DataFileError) -> KnowledgeBase {
        let results = ParseResults()
        DispatchQueue.concurrentPerform(iterations: 3) { job in
            do throws(DataFileError) {
                switch job {
                case 0: results.set(obo: .success(try OBOParser.parse(try text(raw.obo), file: raw.obo.url.lastPathComponent)))
                case 1: results.set(hpoa: .success(try HPOAParser.parse(try text(raw.hpoa), file: raw.hpoa.url.lastPathComponent)))
                default: results.set(genes: .success(try GeneDiseaseParser.parse(try text(raw.genes), file: raw.genes.url.lastPathComponent)))
                }
            } catch {
                switch job {
                case 0: results.set(obo: .failure(error))
                case 1: results.set(hpoa: .failure(error))
                default: results.set(genes: .failure(error))
                }
            }
        }
        let (obo, hpoa, genes) = results.values()
        return try KnowledgeBase.build(obo: try unwrap(obo).get(), hpoa: try unwrap(hpoa).get(), genes: try unwrap(genes).get(),
                                       checksum: raw.checksum, source: source)
    }

    static func unwrap<T>(_ r: Result<T, DataFileError>?) throws(DataFileError) -> Result<T, DataFileError> {
        guard let r else { throw DataFileError(file: "release", line: nil, field: nil, reason: "a release file was not parsed") }
        return r
    }

    static func text(_ member: (url: URL, bytes: [UInt8])) throws(DataFileError) -> [UInt8] {
        Gzip.isGzip(member.bytes) ? try Gzip.decompress(member.bytes, name: member.url.lastPathComponent) : member.bytes
    }

    static func elapsed(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// Results of the three concurrent parse jobs. Each slot is written by exactly one job before
/// `concurrentPerform` returns; the lock makes that hand-over explicit for the compiler.
private final class ParseResults: @unchecked Sendable {
    private let lock = NSLock()
    private var obo: Result<OBODocument, DataFileError>?
    private var hpoa: Result<HPOADocument, DataFileError>?
    private var genes: Result<[GeneDiseaseLink], DataFileError>?

    func set(obo value: Result<OBODocument, DataFileError>) { lock.withLock { obo = value } }
    func set(hpoa value: Result<HPOADocument, DataFileError>) { lock.withLock { hpoa = value } }
    func set(genes value: Result<[GeneDiseaseLink], DataFileError>) { lock.withLock { genes = value } }
    func values() -> (Result<OBODocument, DataFileError>?, Result<HPOADocument, DataFileError>?, Result<[GeneDiseaseLink], DataFileError>?) {
        lock.withLock { (obo, hpoa, genes) }
    }
}

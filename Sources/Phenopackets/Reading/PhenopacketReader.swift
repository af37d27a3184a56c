public import Foundation

/// Reads phenopackets from a JSON file, a folder of `*.json` files, or a JSONL file (one phenopacket
/// per line), decoding and validating each. A batch reports every document on its own, so an import can
/// say what was refused and why; JSONL lines are decoded concurrently.
///
/// The methods are synchronous and block the calling thread while they read and decode: from a server's
/// async handler, run them off the cooperative pool (e.g. on a dedicated thread or dispatch queue).
public struct PhenopacketReader: Sendable {
    /// One document of a batch: where it came from and the phenopacket or why it was refused.
    public struct Entry: Sendable {
        /// The file name (last path component).
        public var source: String
        /// The 1-based line in a JSONL file; nil for a JSON file.
        public var line: Int?
        public var result: Result<Phenopacket, PhenopacketError>
        /// Problems that did not stop the reading (unknown keys under `.warn`), each with its JSON path.
        public var warnings: [String] = []

        public var phenopacket: Phenopacket? { try? result.get() }
        public var error: PhenopacketError? {
            if case .failure(let error) = result { return error }
            return nil
        }
    }

    /// How many threads decode JSONL lines; defaults to the active processor count.
    public var concurrency: Int
    /// Keys the schema does not have: refused (the default, as proto3 parsers do) or warned about.
    public var unknownKeys: Phenopacket.UnknownKeyPolicy

    public init(concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, unknownKeys: Phenopacket.UnknownKeyPolicy = .reject) {
        self.concurrency = max(1, concurrency)
        self.unknownKeys = unknownKeys
    }

    /// Reads one JSON file holding one phenopacket.
    public func readFile(at url: URL) throws(PhenopacketError) -> Phenopacket {
        try readFileWithWarnings(at: url).phenopacket
    }

    /// Reads one JSON file holding one phenopacket, with the warnings of the reading.
    public func readFileWithWarnings(at url: URL) throws(PhenopacketError) -> (phenopacket: Phenopacket, warnings: [String]) {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PhenopacketError(source: name, path: "", problem: .unreadable)
        }
        do throws(PhenopacketError) { return try Phenopacket.decode(from: data, unknownKeys: unknownKeys) } catch { throw error.located(source: name) }
    }

    /// Reads every phenopacket under `url`: a `.jsonl` file line by line, a folder's `*.json` and
    /// `*.jsonl` files (sorted by name, not recursive), or any other file as one JSON document.
    /// - Throws: only when `url` itself cannot be read; each document's problems are in its entry.
    public func read(at url: URL) throws(PhenopacketError) -> [Entry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw PhenopacketError(source: url.lastPathComponent, path: "", problem: .unreadable)
        }
        if isDirectory.boolValue {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
                throw PhenopacketError(source: url.lastPathComponent, path: "", problem: .unreadable)
            }
            // Files in name order; the *.json files of the folder are decoded concurrently.
            let files = names.sorted().filter { !$0.hasPrefix(".") }.map { url.appendingPathComponent($0) }
            let jsonFiles = files.filter { $0.pathExtension.lowercased() == "json" }
            let decoded = concurrently(jsonFiles.count) { readEntry(jsonFiles[$0]) }
            var next = decoded.makeIterator()
            var entries: [Entry] = []
            for file in files {
                switch file.pathExtension.lowercased() {
                case "json": if let entry = next.next() { entries.append(entry) }
                case "jsonl", "ndjson":
                    do throws(PhenopacketError) { entries += try readJSONLines(at: file) } catch {
                        entries.append(Entry(source: file.lastPathComponent, line: nil, result: .failure(error)))
                    }
                default: continue
                }
            }
            return entries
        }
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson": return try readJSONLines(at: url)
        default: return [readEntry(url)]
        }
    }

    private func readEntry(_ url: URL) -> Entry {
        do throws(PhenopacketError) {
            let (packet, warnings) = try readFileWithWarnings(at: url)
            return Entry(source: url.lastPathComponent, line: nil, result: .success(packet), warnings: warnings)
        } catch { return Entry(source: url.lastPathComponent, line: nil, result: .failure(error)) }
    }

    /// Reads a JSONL file: one phenopacket per line; blank lines are skipped.
    public func readJSONLines(at url: URL) throws(PhenopacketError) -> [Entry] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PhenopacketError(source: url.lastPathComponent, path: "", problem: .unreadable)
        }
        return readJSONLines(data, source: url.lastPathComponent)
    }

    /// Reads a request body or a file's contents that is either one JSON phenopacket (possibly spread
    /// over several lines) or JSONL: JSONL when the first non-blank line is a complete JSON value on
    /// its own and more lines follow.
    public func readDocuments(_ data: Data, source: String) -> [Entry] {
        let lines = JSONLines.split(data)
        if lines.count > 1, let first = lines.first, JSONSyntax.errorPosition(in: Array(data[first.range])) == nil {
            return readJSONLines(data, source: source)
        }
        if lines.isEmpty { return [] }
        do throws(PhenopacketError) {
            let (packet, warnings) = try Phenopacket.decode(from: data, unknownKeys: unknownKeys)
            return [Entry(source: source, line: nil, result: .success(packet), warnings: warnings)]
        } catch {
            return [Entry(source: source, line: nil, result: .failure(error.located(source: source)))]
        }
    }

    /// Reads JSONL text: one phenopacket per line; blank lines are skipped. Entries are in line order.
    public func readJSONLines(_ data: Data, source: String) -> [Entry] {
        let lines = JSONLines.split(data)
        return concurrently(lines.count) { index in
            let line = lines[index]
            let result: Result<Phenopacket, PhenopacketError>
            var warnings: [String] = []
            do throws(PhenopacketError) {
                let decoded = try Phenopacket.decode(from: data.subdata(in: line.range), unknownKeys: unknownKeys)
                result = .success(decoded.phenopacket)
                warnings = decoded.warnings
            } catch {
                result = .failure(error.located(source: source, line: line.number))
            }
            return Entry(source: source, line: line.number, result: result, warnings: warnings)
        }
    }

    /// `work(0..<count)` on up to `concurrency` threads, each taking a contiguous chunk; results in
    /// index order.
    private func concurrently<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        if count == 0 { return [] }
        let slots = Slots<T>(count: count)
        let workers = min(concurrency, count)
        let chunk = (count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk
            for index in start..<min(count, start + chunk) { slots.set(index, work(index)) }
        }
        return slots.values()
    }
}

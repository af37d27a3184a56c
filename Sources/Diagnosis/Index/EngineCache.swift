import Synchronization
import Ontology

/// The engines of one service, built once per corpus and patient sex (with the standard constants)
/// and shared by every request and thread: building an index takes a large part of a second, scoring
/// a patient about a millisecond.
final class EngineCache: Sendable {
    struct Key: Hashable {
        var corpus: Corpus
        var sex: AnnotationSex?
    }

    private let engines = Mutex<[Key: LikelihoodEngine]>([:])

    /// The cached engine, or `build()` stored for the next caller. Two threads may both build a
    /// missing engine; the first stored wins.
    func engine(_ key: Key, build: () -> LikelihoodEngine) -> LikelihoodEngine {
        if let e = engines.withLock({ $0[key] }) { return e }
        let built = build()
        return engines.withLock { cache in
            if let e = cache[key] { return e }
            cache[key] = built
            return built
        }
    }
}

/// Result slots written concurrently, each index by exactly one worker, and read only after all
/// workers have finished (`concurrentPerform` returns after its last iteration). That discipline, not
/// a lock, makes the unchecked Sendable conformance safe.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    func values() -> [Value] { storage.compactMap { $0 } }
}

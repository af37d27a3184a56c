extension Sequence {
    /// The distinct keys of the elements, in the order they first appear.
    func firstAppearances<Key: Hashable>(_ key: (Element) -> Key) -> [Key] {
        var seen: Set<Key> = [], order: [Key] = []
        for element in self where seen.insert(key(element)).inserted { order.append(key(element)) }
        return order
    }
}

extension String {
    /// "forearm" -> "Forearm".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Phenopacket {
    /// When something happened or was observed: exactly one of six forms.
    ///
    /// Ages and timestamps keep their text (ISO 8601 duration, RFC 3339 time); ``Phenopacket/validate()``
    /// checks them and the mapping to `Clinical` parses them.
    public enum TimeElement: Hashable, Sendable, Codable {
        /// `{"age": {"iso8601duration": "P3Y2M"}}`
        case age(iso8601duration: String)
        /// `{"ageRange": {"start": {"iso8601duration": ...}, "end": {...}}}`; either end may be absent.
        case ageRange(start: String?, end: String?)
        /// An onset term such as HP:0003593 Infantile onset.
        case ontologyClass(OntologyClass)
        case gestationalAge(GestationalAge)
        /// An RFC 3339 time, e.g. `2021-03-01T00:00:00Z`.
        case timestamp(String)
        case interval(TimeInterval)

        static let formNames = ["age", "ageRange", "ontologyClass", "gestationalAge", "timestamp", "interval"]

        private enum Keys: String, CodingKey {
            case age, ageRange, ontologyClass, gestationalAge, timestamp, interval
        }
        private enum AgeKeys: String, CodingKey { case iso8601duration }
        private enum RangeKeys: String, CodingKey { case start, end }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            var present: [Keys] = []
            for key in [Keys.age, .ageRange, .ontologyClass, .gestationalAge, .timestamp, .interval]
            where c.contains(key) {
                if try !c.decodeNil(forKey: key) { present.append(key) }
            }
            guard present.count == 1, let key = present.first else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath,
                    debugDescription: present.isEmpty
                        ? "a time element needs one of " + Self.formNames.joined(separator: ", ")
                        : "a time element takes only one of " + Self.formNames.joined(separator: ", ")))
            }
            switch key {
            case .age:
                let age = try c.nestedContainer(keyedBy: AgeKeys.self, forKey: .age)
                self = .age(iso8601duration: try age.decode(ProtoField<String>.self, forKey: .iso8601duration).wrappedValue)
            case .ageRange:
                let range = try c.nestedContainer(keyedBy: RangeKeys.self, forKey: .ageRange)
                func bound(_ k: RangeKeys) throws -> String? {
                    guard range.contains(k), try !range.decodeNil(forKey: k) else { return nil }
                    let age = try range.nestedContainer(keyedBy: AgeKeys.self, forKey: k)
                    return try age.decode(ProtoField<String>.self, forKey: .iso8601duration).wrappedValue
                }
                self = .ageRange(start: try bound(.start), end: try bound(.end))
            case .ontologyClass: self = .ontologyClass(try c.decode(OntologyClass.self, forKey: .ontologyClass))
            case .gestationalAge: self = .gestationalAge(try c.decode(GestationalAge.self, forKey: .gestationalAge))
            case .timestamp: self = .timestamp(try c.decode(String.self, forKey: .timestamp))
            case .interval: self = .interval(try c.decode(TimeInterval.self, forKey: .interval))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            switch self {
            case .age(let duration):
                var age = c.nestedContainer(keyedBy: AgeKeys.self, forKey: .age)
                try age.encode(ProtoField(wrappedValue: duration), forKey: .iso8601duration)
            case .ageRange(let start, let end):
                var range = c.nestedContainer(keyedBy: RangeKeys.self, forKey: .ageRange)
                if let start {
                    var age = range.nestedContainer(keyedBy: AgeKeys.self, forKey: .start)
                    try age.encode(ProtoField(wrappedValue: start), forKey: .iso8601duration)
                }
                if let end {
                    var age = range.nestedContainer(keyedBy: AgeKeys.self, forKey: .end)
                    try age.encode(ProtoField(wrappedValue: end), forKey: .iso8601duration)
                }
            case .ontologyClass(let term): try c.encode(term, forKey: .ontologyClass)
            case .gestationalAge(let age): try c.encode(age, forKey: .gestationalAge)
            case .timestamp(let time): try c.encode(time, forKey: .timestamp)
            case .interval(let interval): try c.encode(interval, forKey: .interval)
            }
        }
    }

    /// Weeks and days of gestation.
    public struct GestationalAge: Hashable, Sendable, Codable {
        @ProtoField public var weeks: Int32 = 0
        @ProtoField public var days: Int32 = 0

        public init(weeks: Int32, days: Int32 = 0) {
            self.weeks = weeks
            self.days = days
        }
    }

    /// A span between two RFC 3339 times.
    public struct TimeInterval: Hashable, Sendable, Codable {
        public var start: String?
        public var end: String?

        public init(start: String? = nil, end: String? = nil) {
            self.start = start
            self.end = end
        }
    }
}

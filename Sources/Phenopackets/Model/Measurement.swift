extension Phenopacket {
    /// A measurement: the assay (a LOINC code) and either a value or a complex value.
    public struct Measurement: Hashable, Sendable, Codable {
        @ProtoField public var description: String = ""
        /// Required: what was measured, e.g. LOINC:2731-8 (PTH).
        public var assay: OntologyClass?
        /// One of `value` and `complexValue` (a proto oneof).
        public var value: Value?
        public var complexValue: ComplexValue?
        public var timeObserved: TimeElement?
        public var procedure: Procedure?

        public init(assay: OntologyClass, value: Value? = nil, complexValue: ComplexValue? = nil,
                    description: String = "", timeObserved: TimeElement? = nil, procedure: Procedure? = nil) {
            self.assay = assay
            self.value = value
            self.complexValue = complexValue
            self.description = description
            self.timeObserved = timeObserved
            self.procedure = procedure
        }
    }

    /// A measured value: a quantity or an ontology class (e.g. "positive").
    public enum Value: Hashable, Sendable, Codable {
        case quantity(Quantity)
        case ontologyClass(OntologyClass)

        private enum Keys: String, CodingKey { case quantity, ontologyClass }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            let hasQuantity = try c.contains(.quantity) && !c.decodeNil(forKey: .quantity)
            let hasClass = try c.contains(.ontologyClass) && !c.decodeNil(forKey: .ontologyClass)
            switch (hasQuantity, hasClass) {
            case (true, false): self = .quantity(try c.decode(Quantity.self, forKey: .quantity))
            case (false, true): self = .ontologyClass(try c.decode(OntologyClass.self, forKey: .ontologyClass))
            case (true, true):
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "a value takes only one of quantity, ontologyClass"))
            case (false, false):
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "a value needs one of quantity, ontologyClass"))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            switch self {
            case .quantity(let q): try c.encode(q, forKey: .quantity)
            case .ontologyClass(let term): try c.encode(term, forKey: .ontologyClass)
            }
        }
    }

    /// A number with its unit (a UCUM code as an ontology class) and the reference range.
    public struct Quantity: Hashable, Sendable, Codable {
        /// Required: the unit, e.g. `{"id": "UCUM:mg/dL", "label": "mg/dL"}`.
        public var unit: OntologyClass?
        @ProtoField public var value: Double = 0
        public var referenceRange: ReferenceRange?

        public init(unit: OntologyClass, value: Double, referenceRange: ReferenceRange? = nil) {
            self.unit = unit
            self.value = value
            self.referenceRange = referenceRange
        }
    }

    public struct ReferenceRange: Hashable, Sendable, Codable {
        public var unit: OntologyClass?
        @ProtoField public var low: Double = 0
        @ProtoField public var high: Double = 0

        public init(unit: OntologyClass, low: Double, high: Double) {
            self.unit = unit
            self.low = low
            self.high = high
        }
    }

    /// Several typed quantities measured together, e.g. systolic and diastolic blood pressure.
    public struct ComplexValue: Hashable, Sendable, Codable {
        @ProtoField public var typedQuantities: [TypedQuantity] = []

        public init(typedQuantities: [TypedQuantity]) {
            self.typedQuantities = typedQuantities
        }
    }

    public struct TypedQuantity: Hashable, Sendable, Codable {
        public var type: OntologyClass?
        public var quantity: Quantity?

        public init(type: OntologyClass, quantity: Quantity) {
            self.type = type
            self.quantity = quantity
        }
    }

    /// A clinical procedure (e.g. an excision), with the body site and when it was performed.
    public struct Procedure: Hashable, Sendable, Codable {
        /// Required: the procedure's code.
        public var code: OntologyClass?
        public var bodySite: OntologyClass?
        public var performed: TimeElement?

        public init(code: OntologyClass, bodySite: OntologyClass? = nil, performed: TimeElement? = nil) {
            self.code = code
            self.bodySite = bodySite
            self.performed = performed
        }
    }
}

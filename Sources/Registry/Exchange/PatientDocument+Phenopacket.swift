public import Ontology
public import Phenopackets

extension PatientDocument {
    /// The stored record as a GA4GH phenopacket: the engines' record (``patientRecord(view:)``)
    /// exported by `Phenopacket(record:...)`, plus the stored diagnoses (see ``StatedDiagnosis``),
    /// and the patient's ORPHA and OMIM codes as `diseases` entries (``Phenopacket/subjectDiseaseCodes``),
    /// with the HPO release in use named in the metadata. The one export of a record, used by the
    /// API and by `ossify db export`. What has no place in a phenopacket stays in the registry (its
    /// backup keeps it): free text (notes, a procedure's outcome, a measurement's display name), the
    /// kind and calendar date of a visit (a visit is exported as the age of what it records), consent,
    /// status and the other common data elements of the patient.
    ///
    /// Researchers (the pseudonymised view) get diagnosis codes with no label: the label is typed
    /// text and may hold anything.
    public func phenopacket(view: View, fallbackID: String, hpoVersion: String,
                            termLabel: (TermID) -> String?) -> Phenopacket {
        let record = patientRecord(view: view)
        var packet = Phenopacket(record: record, id: record.id ?? fallbackID, hpoVersion: hpoVersion,
                                 assayCode: { TermID($0) }, termLabel: termLabel)
        packet.state(statedDiagnoses(view: view), subjectDiseaseCodes: [patient.fields.orphaCode, patient.fields.omimCode].compactMap { $0 })
        return packet
    }

    /// The diagnoses of every visit, in visit order; a code given at several visits keeps its
    /// latest status and label, at the place it was first given.
    func statedDiagnoses(view: View) -> [StatedDiagnosis] {
        var order: [String] = []
        var latest: [String: StatedDiagnosis] = [:]
        for visit in visits {
            for d in visit.diagnoses {
                let f = d.fields
                if latest[f.code] == nil { order.append(f.code) }
                let status: StatedDiagnosis.Status = switch f.status {
                case .confirmed: .confirmed
                case .suspected: .suspected
                case .excluded: .excluded
                }
                latest[f.code] = StatedDiagnosis(code: f.code, label: view == .identified ? f.label ?? "" : "", status: status)
            }
        }
        return order.compactMap { latest[$0] }
    }
}

extension DiagnosisFields {
    /// A diagnosis a phenopacket states, as a record part (an empty label is no label).
    public init(_ stated: StatedDiagnosis) {
        let status: DiagnosisStatus = switch stated.status {
        case .confirmed: .confirmed
        case .suspected: .suspected
        case .excluded: .excluded
        }
        self.init(code: stated.code, label: stated.label.isEmpty ? nil : stated.label, status: status)
    }
}

import Registry

/// One printable page per patient (`/patients/{id}/report`; the browser's "print to PDF"): the
/// header facts, the body maps, the charts with their data, the differential's leading candidates
/// with their evidence, the GNAS-spectrum assessment, the data release in use and the date. Built
/// from the same view models as the patient and diagnosis pages, in the caller's view.
struct ReportView: Sendable {
    let title: String
    let generated: String
    let release: String
    let pseudonymised: Bool
    let facts: [PatientPageView.Fact]
    let figures: PatientFigures
    let candidates: [DiagnosisPageView.Candidate]
    let differential: DiagnosisPageView.Differential?
    let assessment: DiagnosisPageView.Assessment?
    let patientHref: String

    /// Candidates printed with their evidence.
    static let candidatesPrinted = 5

    static func make(patient: PatientPageView, diagnosis: DiagnosisPageView, generated: String, release: String) -> ReportView {
        ReportView(title: "Report: " + patient.title, generated: generated, release: release, pseudonymised: patient.pseudonymised,
                   facts: patient.facts, figures: patient.figures,
                   candidates: Array((diagnosis.differential?.candidates ?? []).prefix(candidatesPrinted)),
                   differential: diagnosis.differential, assessment: diagnosis.assessment, patientHref: diagnosis.patientHref)
    }
}

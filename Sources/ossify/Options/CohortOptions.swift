public import Analytics
public import ArgumentParser
import Clinical
public import Registry

// Cohort enums as option values (Sex and ParentOfOrigin are in PatientOptions.swift).
extension SurvivalEvent: ExpressibleByArgument {}
extension CohortGrouping: ExpressibleByArgument {}
extension OnsetBand: ExpressibleByArgument {}
extension ACMGClass: ExpressibleByArgument {}

/// The filters and outputs shared by the `ossify cohort` analyses.
struct CohortOptions: ParsableArguments {
    @Option(help: "Diagnosis code, e.g. ORPHA:2762.")
    var diagnosis: String?
    @Option(help: "Site id.")
    var site: Int64?
    @Option(help: "female, male, other or unknown.")
    var sex: Sex?
    @Option(name: .customLong("variant-class"), help: "ACMG class: pathogenic, 'likely pathogenic', ...")
    var variantClass: ACMGClass?
    @Option(name: .customLong("parent-of-origin"), help: "paternal, maternal, 'de novo' or unknown.")
    var parentOfOrigin: ParentOfOrigin?
    @Option(name: .customLong("onset-band"), help: "Age at the first lesion: 0-1, 1-5, 5-10 or 10+.")
    var onsetBand: OnsetBand?
    @Flag(help: "Print the JSON of the API.")
    var json = false
    @Option(help: "Write the plot as SVG to this file.")
    var svg: String?
    @Flag(help: "Registry ids and unsuppressed counts (the operator's view); default is the researchers' view.")
    var identified = false
    @Option(name: .customLong("suppress-below"), help: "Researchers' view: counts below this are shown as <n (at least 3).")
    var suppressBelow: Int = SmallCountPolicy.defaultThreshold
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if let diagnosis {
            let parts = diagnosis.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, ["ORPHA", "OMIM", "MONDO", "ICD10"].contains(String(parts[0])), !parts[1].isEmpty else {
                throw ValidationError("--diagnosis must be ORPHA:, OMIM:, MONDO: or ICD10: followed by the code")
            }
        }
        if let site, site < 1 { throw ValidationError("--site must be a positive site id") }
        guard suppressBelow >= SmallCountPolicy.minimumThreshold else {
            throw ValidationError("--suppress-below must be at least \(SmallCountPolicy.minimumThreshold)")
        }
        if let svg, svg.isEmpty { throw ValidationError("--svg needs a file name") }
    }

    var filter: CohortFilter {
        CohortFilter(diagnosis: diagnosis, siteID: site, sex: sex, variantClass: variantClass?.rawValue,
                     parentOfOrigin: parentOfOrigin, onsetBand: onsetBand)
    }

    /// The command line reads as a researcher (pseudonymised, suppressed) unless `--identified`,
    /// which reads as the operator (every site, registry ids, counts as they are).
    var principal: Principal {
        identified ? .operatorConsole : Principal(userID: nil, username: "ossify-cli cohort", role: .researcher, siteID: nil)
    }
}

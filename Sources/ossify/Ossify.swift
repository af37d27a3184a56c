import ArgumentParser

/// The command-line tool: the composition root of the command-line side. Each subcommand lives in
/// its own file under `Commands/`.
@main
struct Ossify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ossify",
        abstract: "Clinical toolkit for progressive osseous heteroplasia and the GNAS-related disorders.",
        subcommands: [
            // Knowledge base
            TermCommand.self, SearchCommand.self, DiseaseCommand.self, DiseasesCommand.self, GenesCommand.self,
            DataCommand.self,
            // Diagnosis
            DiagnoseCommand.self, EvaluateCommand.self,
            // GNAS spectrum
            AssessCommand.self, VariantCommand.self, RiskCommand.self, LabsCommand.self,
            // Registry
            ServeCommand.self, UserCommand.self, SiteCommand.self, DatabaseCommand.self, CohortCommand.self,
        ]
    )
}

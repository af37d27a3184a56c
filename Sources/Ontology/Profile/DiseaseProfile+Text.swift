extension DiseaseProfile {
    /// The full profile as plain text.
    public var text: String {
        var out: [String] = []
        out.append("\(name) (\(id))")
        out.append("Derived from the HPO annotations (HPO \(hpoVersion), annotations \(annotationVersion)); not a curated monograph.")
        out.append("\(counts.phenotypicFeatures) phenotypic features in \(counts.organSystems) organ systems, "
                   + "\(counts.excluded) excluded, \(counts.genes) genes; \(grouping).")
        for g in systems {
            out.append("")
            out.append("\(g.system.name) (\(g.system.id)): \(g.features.count)")
            out += g.features.map(Self.line)
        }
        if !unclassified.isEmpty {
            out.append("")
            out.append("Not under an organ system: \(unclassified.count)")
            out += unclassified.map(Self.line)
        }
        for (title, list) in [("Excluded (NOT)", excluded), ("Onset and course", onset), ("Inheritance", inheritance),
                              ("Clinical modifiers", modifiers), ("Past medical history", history)] where !list.isEmpty {
            out.append("")
            out.append(title)
            out += list.map(Self.line)
        }
        out.append("")
        out.append("Genes (genes_to_phenotype): " + (genes.isEmpty ? "none" : genes.map(\.symbol).joined(separator: ", ")))
        return out.joined(separator: "\n") + "\n"
    }

    /// A few lines summing the profile up, for under a curated monograph.
    public var summaryText: String {
        var out: [String] = []
        out.append("From the HPO annotations (not curated; HPO \(hpoVersion), annotations \(annotationVersion)): \(name) (\(id))")
        let systemList = systems.map { "\($0.system.name) \($0.features.count)" }.joined(separator: ", ")
        out.append("  \(counts.phenotypicFeatures) phenotypic features in \(counts.organSystems) organ systems"
                   + (systemList.isEmpty ? "" : ": " + systemList))
        out.append("  Excluded (NOT): " + Self.names(excluded))
        out.append("  Onset: " + Self.names(onset))
        out.append("  Inheritance: " + Self.names(inheritance))
        if !modifiers.isEmpty { out.append("  Clinical modifiers: " + Self.names(modifiers)) }
        out.append("  Genes: " + (genes.isEmpty ? "none" : genes.map(\.symbol).joined(separator: ", ")))
        return out.joined(separator: "\n") + "\n"
    }

    static func names(_ list: [Feature]) -> String {
        list.isEmpty ? "none annotated" : list.map { "\($0.term.name) (\($0.term.id))" }.joined(separator: ", ")
    }

    static func line(_ f: Feature) -> String {
        var details: [String] = []
        if !f.frequencies.isEmpty { details.append(f.frequencies.joined(separator: "; ")) }
        if !f.onsets.isEmpty { details.append("onset " + f.onsets.map(\.name).joined(separator: ", ")) }
        if !f.sexes.isEmpty { details.append(f.sexes.map { $0.rawValue.lowercased() }.joined(separator: ", ") + " only") }
        if !f.modifiers.isEmpty { details.append(f.modifiers.map(\.name).joined(separator: ", ")) }
        return "  \(f.term.id)  \(f.term.name)" + (details.isEmpty ? "" : "  [" + details.joined(separator: "; ") + "]")
    }
}

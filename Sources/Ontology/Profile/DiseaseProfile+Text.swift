extension DiseaseProfile {
    /// The full profile as plain text.
    public var text: String {
        var out: [String] = []
        out.append("\(name) (\(id))")
        out.append("Derived from the HPO annotations (HPO \(releaseLabel)); not a curated monograph.")
        out.append("\(Self.count(counts.phenotypicFeatures, "phenotypic feature")) in \(Self.count(counts.organSystems, "organ system")), "
                   + "\(counts.excluded) excluded, \(Self.count(counts.genes, "gene")); \(grouping).")
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
        out.append("From the HPO annotations (derived, not curated; HPO \(releaseLabel)): \(id) \(name)")
        out.append("  \(Self.count(counts.phenotypicFeatures, "phenotypic feature")) in \(Self.count(counts.organSystems, "organ system"))"
                   + (systems.isEmpty ? "" : ":"))
        for g in systems { out.append("    \(g.system.name): \(g.features.count)") }
        out.append("  Excluded (NOT): " + Self.names(excluded))
        out.append("  Onset: " + Self.names(onset))
        out.append("  Inheritance: " + Self.names(inheritance))
        if !modifiers.isEmpty { out.append("  Clinical modifiers: " + Self.names(modifiers)) }
        out.append("  Genes: " + (genes.isEmpty ? "none" : genes.map(\.symbol).joined(separator: ", ")))
        return out.joined(separator: "\n") + "\n"
    }

    /// `2025-01-16, annotations 2025-01-16` from the release's version strings.
    var releaseLabel: String {
        let hpo = hpoVersion.split(separator: "/").last.map(String.init) ?? hpoVersion
        return "\(hpo), annotations \(annotationVersion)"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" + (n == 1 ? "" : "s") }

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

internal import Clinical
internal import Foundation

extension Phenopacket {
    /// The extension name under which Ossify writes the parent of origin of a variant:
    /// `{"name": "parentOfOrigin", "value": "paternal"}`, the value one of `paternal`, `maternal`,
    /// `de novo`, `unknown` (``ParentOfOrigin`` raw values). Reading also accepts `parent_of_origin`.
    public static let parentOfOriginExtension = "parentOfOrigin"
    static let parentOfOriginExtensionNames: Set<String> = ["parentOfOrigin", "parent_of_origin"]
}

extension ParentOfOrigin {
    /// Reads the value of a parent-of-origin extension: the raw values, case-insensitively, and the
    /// spellings `de_novo`, `denovo`, `de-novo`.
    init?(extensionValue text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        switch key {
        case "paternal": self = .paternal
        case "maternal": self = .maternal
        case "de novo", "denovo": self = .deNovo
        case "unknown": self = .unknown
        default: return nil
        }
    }
}

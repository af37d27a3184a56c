import ArgumentParser
import Clinical

/// `--lesion "site=left forearm,depth=muscle,morphology=diffuse,onset=P3Y"`: one dated lesion observation.
enum LesionOption {
    static func parse(_ text: String, position: Int) throws -> Lesion {
        do { return try Lesion(descriptor: text) } catch {
            throw ValidationError("--lesion #\(position): \(error.description)")
        }
    }
}

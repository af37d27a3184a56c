import ArgumentParser
import HummingbirdBcrypt
import Registry

/// `ossify user add NAME --role ROLE --site SITE`: creates an account; the password is read from
/// standard input (one line), never from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage registry accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; reads the password (at least 12 characters) from standard input.")

        @Argument(help: "Username.")
        var name: String

        @Option(help: "admin, clinician or researcher.")
        var role: RoleOption

        @Option(help: "Site code (created when new). Required for clinicians.")
        var site: String?

        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            if role == .clinician, site == nil { throw ValidationError("a clinician needs --site") }
        }

        func run() async throws {
            guard let password = readLine(strippingNewline: true), password.count >= 12 else {
                printError("give the password (at least 12 characters) on standard input")
                throw ExitCode(64)
            }
            do {
                let store = try await RegistryStore.open(db.database)
                try await store.migrate()
                var siteID: Int64?
                if let site {
                    if let existing = try await store.site(code: site) {
                        siteID = existing.id
                    } else {
                        siteID = try await store.createSite(code: site, name: site, by: .operatorConsole).id
                        print("created site \(site)")
                    }
                }
                let user = try await store.createUser(username: name, passwordHash: Bcrypt.hash(password, cost: 12), role: role.role,
                                                      siteID: siteID, by: .operatorConsole)
                print("created \(user.role.rawValue) \(user.username) (id \(user.id))")
                await store.close()
            } catch {
                throw RegistryExit.report(error)
            }
        }
    }
}

/// The role as a command-line value.
enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case admin, clinician, researcher

    var role: Role {
        switch self {
        case .admin: .admin
        case .clinician: .clinician
        case .researcher: .researcher
        }
    }
}

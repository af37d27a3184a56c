import ArgumentParser
import Composition
import Registry

/// `ossify user add NAME --role ROLE [--site SITE]`: creates an account through the same account
/// service as the API (its checks, its password hasher); the password is read from standard input
/// (one line), never from the command line. The site must exist (`ossify site add`).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage registry accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; reads the password (at least \(PasswordPolicy.minimumLength) characters) from standard input.")

        @Argument(help: "Username.")
        var name: String

        @Option(help: "admin, clinician or researcher.")
        var role: RoleOption

        @Option(help: "Code of an existing site (ossify site add). Required for clinicians.")
        var site: String?

        @OptionGroup var db: DatabaseOptions

        func validate() throws {
            if role == .clinician, site == nil { throw ValidationError("a clinician needs --site") }
        }

        func run() async throws {
            guard let password = readLine(strippingNewline: true), PasswordPolicy.problems(password).isEmpty else {
                printError("give the password (at least \(PasswordPolicy.minimumLength) characters) on standard input")
                throw ExitCode(64)
            }
            try await RegistryCommand.with(db) { root, store in
                do {
                    let user = try await root.accounts(store).createUser(username: name, password: password, role: role.rawValue,
                                                                         siteCode: site, by: .operatorConsole)
                    print("created \(user.role.rawValue) \(user.username) (id \(user.id))")
                } catch RegistryError.invalid(let problems) where problems.contains(where: { $0.field == "site" }) {
                    printError("there is no site '\(site ?? "")': create it first with `ossify site add \(site ?? "CODE") --name NAME`")
                    throw ExitCode(65)
                }
            }
        }
    }
}

/// `ossify site add CODE --name NAME` and `ossify site list`: the registry's sites, created through
/// the same account service as the API's `POST /api/v1/sites`.
struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Manage registry sites (centres).", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a site.")

        @Argument(help: "Site code (letters, digits, '-' and '_').")
        var code: String

        @Option(help: "The site's name (default: the code).")
        var name: String?

        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            try await RegistryCommand.with(db) { root, store in
                let site = try await root.accounts(store).createSite(code: code, name: name ?? code, by: .operatorConsole)
                print("created site \(site.code) (id \(site.id))")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the sites: code and name.")

        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            try await RegistryCommand.with(db) { _, store in
                for site in try await store.sites() { print("\(site.code)\t\(site.name)") }
            }
        }
    }
}

/// Runs a registry command on the store of `--database`, opened (and migrated) by the composition
/// root; registry errors become one line and an exit code.
enum RegistryCommand {
    static func with(_ db: DatabaseOptions, _ body: (CompositionRoot, RegistryStore) async throws -> Void) async throws {
        let root = try Root.composition()
        let store: RegistryStore
        do {
            store = try await root.openStore(db.database).store
        } catch {
            throw RegistryExit.report(error)
        }
        do {
            try await body(root, store)
            await store.close()
        } catch let error as RegistryError {
            await store.close()
            throw RegistryExit.report(error)
        } catch {
            await store.close()
            throw error
        }
    }
}

/// The role as a command-line value.
enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case admin, clinician, researcher
}

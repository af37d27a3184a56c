import Foundation
import Logging
import Yams

extension ServeOptions {
    /// Reads a configuration file (YAML: one `key: value` per line, keys as in ``keyNames``, `#`
    /// comments). Every problem names the file and the line: a syntax error, a key that is not a
    /// setting, a key given twice, a value of the wrong kind or out of range, a password in the
    /// database address.
    public static func read(file path: String) throws(ConfigurationError) -> ServeOptions {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, line: nil, message: "cannot be read as UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Reads the text of a configuration file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> ServeOptions {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            // Yams refuses these before the keys are walked; the line is the key's first use.
            throw ConfigurationError(file: file, line: context.mark.line,
                                     message: "'\(duplicates.joined(separator: "', '"))' is given more than once")
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: Self.line(of: error), message: "is not valid YAML: \(Self.problem(of: error))")
        } catch {
            throw ConfigurationError(file: file, line: nil, message: "is not valid YAML")
        }
        var options = ServeOptions()
        guard let root else { return options }  // an empty file: nothing set
        guard let mapping = root.mapping else {
            throw ConfigurationError(file: file, line: root.mark?.line, message: "must be a list of `key: value` lines")
        }
        for (keyNode, value) in mapping {
            let line = keyNode.mark?.line
            func fail(_ message: String) -> ConfigurationError { ConfigurationError(file: file, line: line, message: message) }
            guard let key = keyNode.scalar?.string else { throw fail("a key must be a name") }
            guard keyNames.contains(key) else {
                throw fail("unknown key '\(key)' (known: \(keyNames.sorted().joined(separator: ", ")))")
            }
            guard let scalar = value.scalar else { throw fail("'\(key)' must be a single value, not a list or a table") }
            let raw = scalar.string
            guard !(scalar.style == .plain && (raw.isEmpty || raw == "~" || raw == "null")) else { throw fail("'\(key)' has no value") }
            if let intKey = integerKeys.first(where: { $0.name == key }) {
                guard scalar.style == .plain, raw.allSatisfy(\.isASCII), raw.allSatisfy(\.isNumber), let number = Int(raw) else {
                    throw fail("'\(key)' must be a whole number")
                }
                if let problem = problem(number, of: intKey) { throw fail("'\(key)' \(problem)") }
                options[keyPath: intKey.path] = number
            } else if let stringKey = stringKeys.first(where: { $0.name == key }) {
                if key == "database", let problem = databaseProblem(raw) { throw fail("'database' \(problem)") }
                guard !raw.isEmpty else { throw fail("'\(key)' must not be empty") }
                options[keyPath: stringKey.path] = raw
            } else if key == "log-level" {
                guard let level = Logger.Level(rawValue: raw) else {
                    throw fail("'log-level' must be one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                options.logLevel = level
            } else if key == "secure-cookies" {
                guard scalar.style == .plain, raw == "true" || raw == "false" else { throw fail("'secure-cookies' must be true or false") }
                options.secureCookies = raw == "true"
            }
        }
        return options
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    /// libyaml's description of the problem alone (not the snippet of the file it quotes).
    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .reader(let problem, _, _, _): problem
        default: "unreadable"
        }
    }
}

/// A configuration file that cannot be used: the file, the line when known, and what is wrong.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

extension ServeOptions {
    /// The database password: the first line of the file named by `database-password-file`, or
    /// `environmentPassword` (`OSSIFY_DATABASE_PASSWORD`); both at once are refused, as is an empty
    /// or unreadable file. Nil when neither is given (SQLite, or PostgreSQL without a password).
    public func databasePassword(environmentPassword: String?) throws(ConfigurationError) -> String? {
        guard let path = databasePasswordFile else { return environmentPassword }
        guard environmentPassword == nil else {
            throw ConfigurationError(file: path, line: nil,
                                     message: "database-password-file and OSSIFY_DATABASE_PASSWORD are both given: give the password one way")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: nil, message: "database-password-file cannot be read")
        }
        let first = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        let password = first.hasSuffix("\r") ? String(first.dropLast()) : String(first)
        guard !password.isEmpty else { throw ConfigurationError(file: path, line: 1, message: "database-password-file is empty") }
        return password
    }
}

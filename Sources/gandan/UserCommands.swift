import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb
import Vapor

/// `gandan user add|disable|reset-password|token`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.",
        subcommands: [Add.self, Disable.self, ResetPassword.self, Token.self])
}

/// Reads a password from standard input, or makes a random one to print once.
struct PasswordOptions: ParsableArguments {
    @ArgumentParser.Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin =
        false

    /// The password for `username`; one read from standard input must meet `PasswordPolicy` (issue 21).
    func password(for username: String) throws -> (password: String, generated: Bool) {
        if passwordStdin {
            let line = readLine(strippingNewline: true) ?? ""
            if let problem = PasswordPolicy.problem(line, username: username) {
                throw AppRunner.failure("the password on standard input: \(problem)")
            }
            return (line, false)
        }
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        while true {
            let made = String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
            if PasswordPolicy.problem(made, username: username) == nil { return (made, true) }
        }
    }
}

extension UserCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract:
                "Add a user with roles, e.g. --grant planner:072 --grant secretary:CB-02284.11 --grant administrator."
        )

        @ArgumentParser.Argument(help: "The username (letters, digits, . - _ @).") var username: String
        @ArgumentParser.Option(
            name: .customLong("grant"),
            help: "ROLE[:CODE]: administrator, planner:UNIT, viewer:UNIT, auditor:UNIT or secretary:CELL (repeatable).")
        var grants: [String] = []
        @ArgumentParser.Option(help: "The name shown in pages.") var name: String?
        @OptionGroup var passwordOptions: PasswordOptions
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard !grants.isEmpty else {
                throw CommandValues.refusal(vi: "cần ít nhất một --grant", en: "give at least one --grant")
            }
            for text in grants { _ = try Self.grant(text) }
        }

        /// `ROLE[:CODE]` read: a known role, with the code every role but administrator needs.
        static func grant(_ text: String) throws -> (role: Role, code: String?) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard let first = parts.first, let role = Role(rawValue: first) else {
                let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandValues.refusal(
                    vi: "--grant \(text): vai trò là một trong \(roles)",
                    en: "--grant \(text): the role is one of \(roles)")
            }
            let code = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
            if role != .administrator && code == nil {
                throw CommandValues.refusal(
                    vi: "--grant \(text): vai trò \(role.rawValue) cần :MÃ (mã đơn vị)",
                    en: "--grant \(text): a \(role.rawValue) role needs :CODE")
            }
            return (role, code)
        }

        func run() async throws {
            let (password, generated) = try passwordOptions.password(for: username)
            let username = username
            let grants = try grants.map(Self.grant)
            let name = name
            let hash = try await Self.hash(password, database: database)
            try await database.withStorage { db in
                let administration = AccountAdministration(db: db, scope: .commandLineOperator)
                var resolved: [RoleGrant] = []
                for (role, code) in grants {
                    do {
                        resolved.append(try await administration.grant(role, placeCode: code, on: CivilDate.today()))
                    } catch let refusal as AccountRefusal {
                        let text = role.rawValue + (code.map { ":" + $0 } ?? "")
                        throw StorageError.notFound("--grant \(text): \(refusal.sentence.en)")
                    }
                }
                let account = try await administration.add(
                    username: username, displayName: name ?? username, passwordHash: hash, grants: resolved,
                    actor: .cli)
                print("Added \(account.username).")
            }
            if generated { print("Password (shown once): \(password)") }
        }

        /// The bcrypt hash the web app checks at sign-in (same algorithm and cost as `configure`), off the caller's
        /// thread.
        static func hash(_ password: String, database: DatabaseOptions) async throws -> String {
            let cost = try await database.settings().bcryptCost
            return try await Task.detached { try Bcrypt.hash(password, cost: cost) }.value
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account.")

        @ArgumentParser.Argument var username: String
        @ArgumentParser.Flag(help: "Enable the account again instead.") var enable = false
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let username = username
            let enable = enable
            try await database.withStorage { db in
                let administration = AccountAdministration(db: db, scope: .commandLineOperator)
                guard let account = try await administration.account(username: username) else {
                    throw StorageError.notFound("no user \(username)")
                }
                try await administration.setDisabled(account.id, !enable, actor: .cli)
            }
            print(enable ? "Enabled \(username)." : "Disabled \(username); their sessions and tokens stop working.")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "Set a new password.")

        @ArgumentParser.Argument var username: String
        @OptionGroup var passwordOptions: PasswordOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let (password, generated) = try passwordOptions.password(for: username)
            let username = username
            let hash = try await Add.hash(password, database: database)
            try await database.withStorage { db in
                let administration = AccountAdministration(db: db, scope: .commandLineOperator)
                guard let account = try await administration.account(username: username) else {
                    throw StorageError.notFound("no user \(username)")
                }
                try await administration.setPassword(account.id, hash: hash, actor: .cli)
            }
            print("The password of \(username) was changed.")
            if generated { print("Password (shown once): \(password)") }
        }
    }

    /// `gandan user token USERNAME`: an API token for scripts (`Authorization: Bearer …`), printed once.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token", abstract: "Create an API token for a user and print it (shown once).")

        @ArgumentParser.Argument var username: String
        @ArgumentParser.Option(help: "What the token is for, shown on the account page.") var name = "script"
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let username = username
            let name = name
            let token = try await database.withStorage { db in
                let directory = UserDirectory(db: db)
                guard let account = try await directory.credentials(username: username)?.account, !account.disabled
                else {
                    throw StorageError.notFound("no enabled account is called \(username)")
                }
                let created = try await directory.createToken(for: account.id, name: name)
                try await AuditTrail(db: db, scope: .commandLineOperator).record(
                    AuditEvent(
                        actor: Actor.cli.name, action: "create", entity: "api_token",
                        entityID: created.info.id.uuidString))
                return created.token
            }
            print(token)
        }
    }
}

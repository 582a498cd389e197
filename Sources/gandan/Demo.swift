import ArgumentParser
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage
import GanDanWeb

/// `gandan demo`: writes the Na Hang 2019 demo database (rules.md C), migrating its schema, and serves it.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the Na Hang demo database and start the server on it.")

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "An SQLite file path or a postgres:// URL (default: DATABASE_URL, else data/demo.sqlite).",
            valueName: "path-or-url"))
    var database: String?
    @ArgumentParser.Option(
        name: .customLong("env"),
        help: ArgumentHelp(
            "Which .env.NAME file is read over .env in the working directory; also GANDAN_ENV. Default: production.",
            valueName: "name"))
    var environmentName: String?
    @Flag(help: "Only write the demo database; do not start the server.") var noServe = false
    @Flag(help: "Delete an existing SQLite demo file first.") var reset = false
    @ArgumentParser.Option(
        help: ArgumentHelp(
            "How far the story goes: 'present' (the default: placed, then the cells' life month by month to "
                + "today and the 2025 restructure into the new communes), 'placed' (placement approved on "
                + "25-4-2019, 24 months of cell life) or 'planning' (March 2019, before the planner's review).",
            valueName: "stage"))
    var stage: DemoStageArgument = .present
    @OptionGroup var server: ServerOptions

    func validate() throws {
        if reset, let database, case .postgres = DatabaseLocation(argument: database) {
            throw CommandValues.refusal(
                vi: "--reset chỉ xóa tệp SQLite; hãy xóa cơ sở dữ liệu PostgreSQL bằng công cụ của nó",
                en: "--reset deletes SQLite files only; drop a PostgreSQL database with its own tools")
        }
    }

    func run() async throws {
        let settings = try await Settings.loadOrExit(
            arguments: server.arguments(
                database: database, defaultFile: "demo.sqlite", environmentName: environmentName))
        if reset {
            guard case .sqlite(let path) = settings.database else {
                throw AppRunner.failure(
                    "--reset deletes SQLite files only; drop a PostgreSQL database with its own tools")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let noServe = noServe
        try await AppRunner.withApp(settings) { app in
            if try await MemberDirectory(db: app.store, scope: .commandLineOperator).holdsMembers() {
                print("\(settings.database) already holds data; using it as it is (--reset starts afresh).")
            } else {
                print("Writing the Na Hang demo (stage \(stage.rawValue)) to \(settings.database)…")
                let summary = try await DemoLoader(db: app.store, policy: settings.meetingPolicy).load(
                    actor: .cli, stage: stage.stage)
                print(
                    "Demo written: \(summary.unitsCreated) units, \(summary.organisations) party organisations, "
                        + "\(summary.members) members, \(summary.meetings) cell meetings.")
            }
            let logins = try await DemoUsers.create(
                tree: OrganisationTree(db: app.store, scope: .everything), users: UserDirectory(db: app.store),
                passwordHash: try await app.password.async.hash(DemoUsers.password))
            print("Demo accounts (password \"\(DemoUsers.password)\" for all; demo only):")
            for login in logins {
                print("  \(login.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \(login.description)")
            }
            if !noServe {
                try await AppRunner.serve(app, settings)
            }
        }
    }
}

/// `--stage` of `gandan demo`.
enum DemoStageArgument: String, ExpressibleByArgument, CaseIterable {
    case planning, placed, present

    var stage: DemoStage {
        switch self {
        case .planning: return .planning
        case .placed: return .placed
        case .present: return .present
        }
    }
}

import ArgumentParser
import GanDanCore

extension Import {
    /// `gandan import villages FILE`: villages under stored communes, in the district folder's columns (rules.md R27).
    struct Villages: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "villages",
            abstract:
                "Import villages and residential groups under existing communes (the columns of the district folder's "
                + "villages file); a stored village with another profile gets a new version from the file's date.")

        @OptionGroup var options: TableImportOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await options.run(kind: .villages, database: database)
        }
    }

    /// `gandan import organisations FILE`: party committees and cells under existing units and committees.
    struct Organisations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "organisations",
            abstract:
                "Import party committees and cells (the columns of the district folder's organisations file) under "
                + "existing units and parent committees, or parents earlier in the same file.")

        @OptionGroup var options: TableImportOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await options.run(kind: .organisations, database: database)
        }
    }

    /// `gandan import posts FILE`: posts of stored members, checked as the web's post form checks them (rules.md R5).
    struct Posts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "posts",
            abstract:
                "Import posts of existing members (the columns of the district folder's posts file), each checked "
                + "as the web's post form checks it: one secretary at a time, the cell committee rules.")

        @OptionGroup var options: TableImportOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await options.run(kind: .posts, database: database)
        }
    }
}

extension ImportKind {
    /// What the command line counts: "member(s)", "village(s)", ….
    var countedNoun: String {
        switch self {
        case .members: return "member(s)"
        case .households: return "household(s)"
        case .villages: return "village(s)"
        case .organisations: return "organisation(s)"
        case .posts: return "post(s)"
        }
    }
}

import ArgumentParser
import GanDanStorage

/// `--database`, shared by every command that reads or writes data.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(
        help: ArgumentHelp(
            "An SQLite file path or a postgres:// URL (default: DATABASE_URL, else data/gandan.sqlite).",
            valueName: "path-or-url"))
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation.resolve(argument: database)
    }
}

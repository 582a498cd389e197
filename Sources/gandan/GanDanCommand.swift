import ArgumentParser

#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// `gandan`: the command-line tool for the server, the demo, imports and exports.
@main
struct GanDanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gandan",
        abstract: "GanDan (gần dân): placing party members in village cells, and village-cell life.",
        subcommands: [
            Serve.self, Demo.self, ConfigCommand.self, Migrate.self, Import.self, Export.self, UserCommand.self,
            AuditCommand.self, PlacementCommand.self, BackupCommand.self, RestoreCommand.self, RoutesCommand.self,
            RemindCommand.self,
            RestructureCommand.self,
        ])

    /// Standard output is written line by line even into a file or a pipe (issue 24): `gandan demo > demo.log`
    /// shows the accounts and the address while the server runs, not when it stops.
    static func main() async {
        setvbuf(stdout, nil, _IOLBF, 0)
        await main(nil)
    }
}

import ArgumentParser

/// `gandan`: the command-line tool for the server, the demo, imports and exports.
@main
struct GanDanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gandan",
        abstract: "GanDan (gần dân): placing party members in village cells, and village-cell life.",
        subcommands: [
            Serve.self, Demo.self, Migrate.self, Import.self, Export.self, UserCommand.self, AuditCommand.self,
            PlacementCommand.self, BackupCommand.self, RestoreCommand.self, RoutesCommand.self,
        ])
}

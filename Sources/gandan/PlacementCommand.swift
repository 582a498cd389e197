import ArgumentParser

/// `gandan placement …`: the placement optimiser (rules.md A3, A4, R17).
struct PlacementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placement", abstract: "Propose and approve placements.",
        subcommands: [PlacementPropose.self, PlacementApprove.self])
}

import ArgumentParser

/// `gandan placement …`: the placement optimiser (rules.md A3, A4, R17).
struct PlacementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placement", abstract: "Solve, propose and approve placements.",
        subcommands: [PlacementSolve.self, PlacementPropose.self, PlacementApprove.self, PlacementBench.self])
}

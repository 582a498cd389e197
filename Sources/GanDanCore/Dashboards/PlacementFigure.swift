/// The members behind a figure of the district dashboard.
public enum PlacementFigure: String, Codable, Sendable, CaseIterable {
    /// On an agency cell's roll at some day between the plan and the day asked (rules.md A1, A2).
    case toMove
    /// Of those, out of the agency cell and on a village cell's roll on the day (rules.md R13).
    case moved
    case leadersToMove
    case leadersMoved
    /// Members of the plan in force on the day who are in the cell the plan put them in.
    case placed
    /// Members of the plan in force on the day.
    case planned
}

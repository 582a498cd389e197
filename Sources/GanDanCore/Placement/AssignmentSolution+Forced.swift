import Foundation

extension AssignmentSolution {
    /// How much the optimal total grows when `row` may only take one of `allowed` (its other costs set to
    /// `.infinity`), or nil when no assignment is left. Exact like solving that problem again, but warm
    /// (placement.md): the other rows keep their columns and potentials, `row` gives up its column, and one
    /// shortest augmenting path from `row` over reduced costs finds the cheapest way to place it again.
    ///
    /// Columns no row holds are treated as held by idle rows of cost 0 (the square problem the rectangular one
    /// stands for; their potential is 0, as every empty column's is), so the path may also go through one: `row`
    /// takes an empty column while another row moves, step by step, into the column `row` left. The path ends in that
    /// column, the only free one; its real cost is its reduced length plus that column's potential (`row` starts at
    /// potential 0). Work: the columns settled before it × the columns.
    public func increase(forcing row: Int, into allowed: [Int], in problem: AssignmentProblem) -> Double? {
        let columns = problem.columns
        let own = assignment[row]
        var holder = [Int](repeating: -1, count: columns)
        for (other, column) in assignment.enumerated() where other != row { holder[column] = other }
        var distance = [Double](repeating: .infinity, count: columns)
        for column in allowed { distance[column] = problem.cost(row: row, column: column) - columnPotentials[column] }
        var settled = [Bool](repeating: false, count: columns)
        var idleMoved = false
        var result: Double?
        problem.costs.withUnsafeBufferPointer { costs in
            while true {
                var nearest = -1
                var reach = Double.infinity
                for column in 0..<columns where !settled[column] && distance[column] < reach {
                    reach = distance[column]
                    nearest = column
                }
                guard nearest >= 0 else { break }
                if nearest == own {
                    result = reach + columnPotentials[own] - costs[row * columns + own]
                    break
                }
                settled[nearest] = true
                let next = holder[nearest]
                if next < 0 {
                    // An idle row moves from this empty column to any other at reduced cost −v (once: the first
                    // empty column reached is the nearest, and every idle row is alike).
                    guard !idleMoved else { continue }
                    idleMoved = true
                    for column in 0..<columns where !settled[column] {
                        distance[column] = min(distance[column], reach - columnPotentials[column])
                    }
                    continue
                }
                let base = next * columns
                let potential = rowPotentials[next]
                for column in 0..<columns where !settled[column] {
                    let length = reach + (costs[base + column] - potential - columnPotentials[column])
                    if length < distance[column] { distance[column] = length }
                }
            }
        }
        return result
    }
}

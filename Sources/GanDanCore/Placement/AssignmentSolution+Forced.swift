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
    /// potential 0). Only the nearest empty column matters (idle rows are alike), so the search keeps the held
    /// columns and `row`'s own open and the empty ones as one distance: work about rows × columns.
    public func increase(forcing row: Int, into allowed: [Int], in problem: AssignmentProblem) -> Double? {
        let columns = problem.columns
        let own = assignment[row]
        var holder = [Int](repeating: -1, count: columns)
        for (other, column) in assignment.enumerated() where other != row { holder[column] = other }
        let empty = (0..<columns).filter { holder[$0] < 0 && $0 != own }
        var open = [own] + assignment.enumerated().filter { $0.offset != row }.map(\.element)
        var distance = [Double](repeating: .infinity, count: columns)
        var nearestEmpty = Double.infinity
        for column in allowed {
            distance[column] = problem.cost(row: row, column: column) - columnPotentials[column]
            if holder[column] < 0 && column != own { nearestEmpty = min(nearestEmpty, distance[column]) }
        }
        var idleMoved = false
        var result: Double?
        problem.costs.withUnsafeBufferPointer { costs in
            while true {
                var position = -1
                var reach = Double.infinity
                for (index, column) in open.enumerated() where distance[column] < reach {
                    reach = distance[column]
                    position = index
                }
                if !idleMoved && nearestEmpty < reach {
                    // An idle row leaves the nearest empty column for any held one (or `row`'s) at reduced cost −v.
                    idleMoved = true
                    for column in open {
                        distance[column] = min(distance[column], nearestEmpty - columnPotentials[column])
                    }
                    continue
                }
                guard position >= 0 else { break }
                let nearest = open[position]
                if nearest == own {
                    result = reach + columnPotentials[own] - costs[row * columns + own]
                    break
                }
                open.swapAt(position, open.count - 1)
                open.removeLast()
                let next = holder[nearest]
                let base = next * columns
                let potential = rowPotentials[next]
                for column in open {
                    let length = reach + (costs[base + column] - potential - columnPotentials[column])
                    if length < distance[column] { distance[column] = length }
                }
                guard !idleMoved else { continue }
                for column in empty {
                    nearestEmpty = min(
                        nearestEmpty, reach + (costs[base + column] - potential - columnPotentials[column]))
                }
            }
        }
        return result
    }
}

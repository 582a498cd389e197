import Foundation
import Testing

@testable import GanDanCore

@Suite("Forcing one row into some columns, warm from the optimum: the same increase as solving again")
struct AssignmentForcedTests {
    /// The increase by solving the forced problem from scratch; nil when it has no assignment.
    static func coldIncrease(
        _ problem: AssignmentProblem, _ solution: AssignmentSolution, row: Int, allowed: [Int]
    ) -> Double? {
        var forced = problem
        let keep = Set(allowed)
        for column in 0..<problem.columns where !keep.contains(column) {
            forced.costs[row * problem.columns + column] = .infinity
        }
        guard let other = try? AssignmentSolver.solve(forced) else { return nil }
        return other.total - solution.total
    }

    /// Rows × columns costs from a seed: integers (with ties) or reals, some pairs forbidden.
    static func problem(rows: Int, columns: Int, seed: UInt64, integers: Bool) throws -> AssignmentProblem {
        var state = seed
        let costs = (0..<(rows * columns)).map { _ -> Double in
            // SplitMix64, so every run tests the same instances.
            state &+= 0x9E37_79B9_7F4A_7C15
            var draw = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            draw = (draw ^ (draw >> 27)) &* 0x94D0_49BB_1331_11EB
            draw ^= draw >> 31
            if draw % 11 == 0 { return .infinity }
            return integers ? Double(draw % 20) : Double(draw % 1_000_000) / 997
        }
        return try AssignmentProblem(rows: rows, columns: columns, costs: costs)
    }

    @Test(
        "every row forced into every block of columns, square and rectangular, integer and real costs",
        arguments: [[6, 6], [7, 7], [5, 12], [12, 30], [20, 20], [3, 40]])
    func matchesASecondSolve(size: [Int]) throws {
        let (rows, columns) = (size[0], size[1])
        for seed: UInt64 in 1...6 {
            for integers in [true, false] {
                let problem = try Self.problem(rows: rows, columns: columns, seed: seed, integers: integers)
                guard let solution = try? AssignmentSolver.solve(problem) else { continue }
                let width = max(1, columns / 5)
                for row in 0..<rows {
                    for start in stride(from: 0, to: columns, by: width) {
                        let allowed = Array(start..<min(start + width, columns))
                        let warm = solution.increase(forcing: row, into: allowed, in: problem)
                        let cold = Self.coldIncrease(problem, solution, row: row, allowed: allowed)
                        #expect((warm == nil) == (cold == nil), "row \(row), columns \(allowed), seed \(seed)")
                        if let warm, let cold {
                            #expect(abs(warm - cold) < 1e-7, "row \(row), columns \(allowed): \(warm) vs \(cold)")
                            #expect(warm > -1e-9)
                        }
                    }
                }
            }
        }
    }

    @Test("forced into its own column, a row costs nothing more; into a forbidden one, there is no assignment")
    func ownAndForbidden() throws {
        let problem = try AssignmentProblem(
            rows: 2, columns: 3, costs: [1, 5, .infinity, 4, 2, 9])
        let solution = try AssignmentSolver.solve(problem)
        #expect(solution.assignment == [0, 1])
        #expect(solution.increase(forcing: 0, into: [0], in: problem) == 0)
        #expect(solution.increase(forcing: 0, into: [2], in: problem) == nil)
        // Row 0 in column 1 pushes row 1 to column 0: 5 + 4 − (1 + 2).
        #expect(solution.increase(forcing: 0, into: [1], in: problem) == 6)
        // Row 1 in column 2: 9 − 2, row 0 stays.
        #expect(solution.increase(forcing: 1, into: [2], in: problem) == 7)
    }
}

import Foundation
import Testing

@testable import GanDanCore

/// SplitMix64: a tiny seeded generator, so every run tests the same instances.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let forbidden = Double.infinity

/// The optimum by dynamic programming over sets of used columns (exact for ≤ 9 columns); `.infinity` if infeasible.
private func bruteForceOptimum(_ problem: AssignmentProblem) -> Double {
    let m = problem.rows
    let n = problem.columns
    var best = [Double](repeating: .infinity, count: 1 << n)
    best[0] = 0
    for mask in 0..<(1 << n) where best[mask] < .infinity {
        let row = mask.nonzeroBitCount
        guard row < m else { continue }
        for column in 0..<n where mask & (1 << column) == 0 {
            let cost = problem.cost(row: row, column: column)
            guard cost < .infinity else { continue }
            let next = mask | (1 << column)
            best[next] = min(best[next], best[mask] + cost)
        }
    }
    var result = Double.infinity
    for mask in 0..<(1 << n) where mask.nonzeroBitCount == m { result = min(result, best[mask]) }
    return result
}

/// Problems with a solution: an invalid assignment, a wrong total, or potentials that do not prove optimality.
private func certificateProblems(_ solution: AssignmentSolution, for problem: AssignmentProblem) -> [String] {
    let m = problem.rows
    let n = problem.columns
    var issues = [String]()
    guard solution.assignment.count == m, Set(solution.assignment).count == m,
        solution.assignment.allSatisfy({ (0..<n).contains($0) })
    else { return ["not an assignment of distinct columns: \(solution.assignment)"] }
    var total = 0.0
    for (row, column) in solution.assignment.enumerated() {
        let cost = problem.cost(row: row, column: column)
        if cost == .infinity { issues.append("forbidden pair (\(row), \(column)) assigned") }
        total += cost
    }
    if total != solution.total { issues.append("total \(solution.total) but the costs add up to \(total)") }
    let scale = max(1, problem.costs.filter { $0 < .infinity }.map(abs).max() ?? 1)
    let tolerance = 1e-9 * scale
    for row in 0..<m {
        for column in 0..<n where problem.cost(row: row, column: column) < .infinity {
            let reduced = solution.reducedCost(row: row, column: column, in: problem)
            if reduced < -tolerance { issues.append("negative reduced cost \(reduced) at (\(row), \(column))") }
            if solution.assignment[row] == column && abs(reduced) > tolerance {
                issues.append("assigned pair (\(row), \(column)) has reduced cost \(reduced)")
            }
        }
    }
    if m < n {
        let assigned = Set(solution.assignment)
        for column in 0..<n {
            let potential = solution.columnPotentials[column]
            if assigned.contains(column) ? potential > tolerance : potential != 0 {
                issues.append("column \(column) has potential \(potential)")
            }
        }
    }
    return issues
}

/// Expects a valid assignment with the right total and potentials that prove it optimal.
private func expectCertifiedOptimal(
    _ solution: AssignmentSolution, for problem: AssignmentProblem, sourceLocation: SourceLocation = #_sourceLocation
) {
    let issues = certificateProblems(solution, for: problem)
    #expect(issues.isEmpty, "\(issues.prefix(5))", sourceLocation: sourceLocation)
}

/// True when `rows` really violate Hall's condition: together they allow fewer columns than there are rows.
private func violatesHall(_ rows: [Int], in problem: AssignmentProblem) -> Bool {
    var allowed = Set<Int>()
    for row in rows {
        for column in 0..<problem.columns where problem.cost(row: row, column: column) < .infinity {
            allowed.insert(column)
        }
    }
    return !rows.isEmpty && allowed.count < rows.count
}

/// The solver's answer as a value, so that tests can match on the typed error.
private func outcome(_ problem: AssignmentProblem) -> Result<AssignmentSolution, AssignmentError> {
    Result { () throws(AssignmentError) in try AssignmentSolver.solve(problem) }
}

private func problem(_ matrix: [[Double]]) throws -> AssignmentProblem {
    try AssignmentProblem(rows: matrix.count, columns: matrix.first?.count ?? 0, costs: matrix.flatMap { $0 })
}

@Suite("Assignment solver")
struct AssignmentSolverTests {
    @Test("the solver finds the same optimum as brute force on small random instances")
    func matchesBruteForce() throws {
        var random = SeededGenerator(state: 20_240_601)
        var feasible = 0
        var infeasible = 0
        for instance in 0..<1200 {
            let rows = Int.random(in: 1...7, using: &random)
            let columns = Int.random(in: rows...9, using: &random)
            let kind = instance % 4  // 0: small integers (many ties), 1: wide integers, 2: reals, 3: negative reals
            // A third without forbidden pairs, a third with a few, a third with many (mostly infeasible).
            let forbiddenShare: Double
            switch instance % 3 {
            case 0: forbiddenShare = 0
            case 1: forbiddenShare = Double.random(in: 0...0.4, using: &random)
            default: forbiddenShare = Double.random(in: 0.5...0.9, using: &random)
            }
            var costs = [Double]()
            for _ in 0..<(rows * columns) {
                if Double.random(in: 0..<1, using: &random) < forbiddenShare {
                    costs.append(forbidden)
                    continue
                }
                switch kind {
                case 0: costs.append(Double(Int.random(in: 0...3, using: &random)))
                case 1: costs.append(Double(Int.random(in: -1000...1000, using: &random)))
                case 2: costs.append(Double.random(in: 0..<1, using: &random))
                default: costs.append(Double.random(in: -50..<50, using: &random))
                }
            }
            let problem = try AssignmentProblem(rows: rows, columns: columns, costs: costs)
            let optimum = bruteForceOptimum(problem)
            switch outcome(problem) {
            case .success(let solution):
                #expect(optimum < .infinity, "instance \(instance) was solved but has no assignment")
                if kind <= 1 {
                    #expect(solution.total == optimum, "instance \(instance)")
                } else {
                    #expect(abs(solution.total - optimum) <= 1e-9 * max(1, abs(optimum)), "instance \(instance)")
                }
                expectCertifiedOptimal(solution, for: problem)
                feasible += 1
            case .failure(.rowHasNoAllowedColumn(let row)):
                #expect(optimum == .infinity)
                #expect((0..<columns).allSatisfy { problem.cost(row: row, column: $0) == forbidden })
                infeasible += 1
            case .failure(.infeasible(let reported)):
                #expect(optimum == .infinity, "instance \(instance)")
                #expect(reported == reported.sorted() && Set(reported).count == reported.count)
                #expect(violatesHall(reported, in: problem), "instance \(instance): \(reported)")
                infeasible += 1
            case .failure(let error):
                Issue.record("instance \(instance): unexpected \(error)")
            }
        }
        #expect(feasible > 700, "\(feasible) feasible of 1200")
        #expect(infeasible > 150, "\(infeasible) infeasible of 1200")
    }

    @Test("classic hand examples have their known optima")
    func knownOptima() throws {
        let scipyExample = try problem([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
        let first = try AssignmentSolver.solve(scipyExample)
        #expect(first.total == 5)
        #expect(first.assignment == [1, 0, 2])

        let tutorial = try problem([[82, 83, 69, 92], [77, 37, 49, 92], [11, 69, 5, 86], [8, 9, 98, 23]])
        let second = try AssignmentSolver.solve(tutorial)
        #expect(second.total == 140)
        #expect(second.assignment == [2, 1, 0, 3])

        // Rearrangement: the largest row factor takes the smallest column factor.
        let rectangular = try problem([[1, 2, 3, 4], [2, 4, 6, 8], [3, 6, 9, 12]])
        let third = try AssignmentSolver.solve(rectangular)
        #expect(third.total == 10)
        #expect(third.assignment == [2, 1, 0])
        for (solution, problem) in [(first, scipyExample), (second, tutorial), (third, rectangular)] {
            expectCertifiedOptimal(solution, for: problem)
        }
    }

    @Test("an empty problem has an empty assignment, with any number of columns")
    func noRows() throws {
        for columns in [0, 3] {
            let empty = try AssignmentProblem(rows: 0, columns: columns, costs: [])
            let solution = try AssignmentSolver.solve(empty)
            #expect(solution.assignment == [])
            #expect(solution.total == 0)
            #expect(solution.columnPotentials == Array(repeating: 0, count: columns))
        }
    }

    @Test("one row takes its cheapest column, the lowest index on a tie")
    func singleRow() throws {
        let one = try problem([[7]])
        #expect(try AssignmentSolver.solve(one).assignment == [0])
        let row = try problem([[5, 3, 9, 3, forbidden, 4]])
        let solution = try AssignmentSolver.solve(row)
        #expect(solution.assignment == [1])
        #expect(solution.total == 3)
        expectCertifiedOptimal(solution, for: row)
        let allForbiddenButLast = try problem([[forbidden, forbidden, -2]])
        #expect(try AssignmentSolver.solve(allForbiddenButLast).assignment == [2])
    }

    @Test("equal costs give row i column i, square or with many more columns")
    func allEqualCostsPickLowestIndices() throws {
        for (rows, columns) in [(1, 1), (4, 4), (30, 30), (3, 10), (25, 200)] {
            let flat = try AssignmentProblem(
                rows: rows, columns: columns, costs: Array(repeating: 42, count: rows * columns))
            let solution = try AssignmentSolver.solve(flat)
            #expect(solution.assignment == Array(0..<rows))
            #expect(solution.total == Double(42 * rows))
            expectCertifiedOptimal(solution, for: flat)
        }
    }

    @Test("many ties: a 0/1 matrix still gets an exact optimum and certified potentials")
    func manyTies() throws {
        var random = SeededGenerator(state: 7)
        for size in [(12, 12), (20, 35), (60, 60)] {
            let costs = (0..<(size.0 * size.1)).map { _ in Double(Int.random(in: 0...1, using: &random)) }
            let ties = try AssignmentProblem(rows: size.0, columns: size.1, costs: costs)
            let solution = try AssignmentSolver.solve(ties)
            expectCertifiedOptimal(solution, for: ties)
            #expect(solution.total == solution.total.rounded())
        }
    }

    @Test("negative costs and magnitudes of ±1e9 are solved exactly")
    func negativeAndLargeCosts() throws {
        let negative = try problem([[-5, -1, -3], [-2, -8, -4], [-6, -7, -9]])
        let solution = try AssignmentSolver.solve(negative)
        #expect(solution.total == -22)
        #expect(solution.assignment == [0, 1, 2])
        expectCertifiedOptimal(solution, for: negative)

        var random = SeededGenerator(state: 99)
        for _ in 0..<40 {
            let rows = Int.random(in: 1...6, using: &random)
            let columns = Int.random(in: rows...8, using: &random)
            let costs = (0..<(rows * columns)).map { _ in
                Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &random))
            }
            let large = try AssignmentProblem(rows: rows, columns: columns, costs: costs)
            let result = try AssignmentSolver.solve(large)
            #expect(result.total == bruteForceOptimum(large))
            expectCertifiedOptimal(result, for: large)
        }
        let extremes = try problem([[1e9, -1e9], [-1e9, 1e9]])
        #expect(try AssignmentSolver.solve(extremes).total == -2e9)
    }

    @Test("forbidden pairs are never assigned, even when they would be cheapest to avoid")
    func forbiddenPairs() throws {
        let matrix = try problem([
            [forbidden, 1, 100, forbidden],
            [1, forbidden, forbidden, 100],
            [forbidden, forbidden, 5, forbidden],
        ])
        let solution = try AssignmentSolver.solve(matrix)
        #expect(solution.assignment == [1, 0, 2])
        #expect(solution.total == 7)
        #expect(solution.reducedCost(row: 0, column: 0, in: matrix) == .infinity)
        expectCertifiedOptimal(solution, for: matrix)
    }

    @Test("the reduced cost bounds how much worse a forced pair makes the total")
    func reducedCostIsALowerBound() throws {
        let matrix = try problem([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
        let solution = try AssignmentSolver.solve(matrix)
        for row in 0..<3 {
            for column in 0..<3 {
                var pinned = matrix
                for other in 0..<3 where other != column { pinned.costs[row * 3 + other] = forbidden }
                let forced = try AssignmentSolver.solve(pinned).total
                #expect(forced - solution.total >= solution.reducedCost(row: row, column: column, in: matrix) - 1e-9)
            }
        }
    }

    @Test("invalid input is refused with a precise error when the problem is built")
    func invalidProblems() {
        #expect(throws: AssignmentError.moreRowsThanColumns(rows: 3, columns: 2)) {
            try AssignmentProblem(rows: 3, columns: 2, costs: Array(repeating: 0, count: 6))
        }
        #expect(throws: AssignmentError.sizeMismatch(expected: 6, got: 5)) {
            try AssignmentProblem(rows: 2, columns: 3, costs: Array(repeating: 0, count: 5))
        }
        #expect(throws: AssignmentError.sizeMismatch(expected: 0, got: 0)) {
            try AssignmentProblem(rows: -1, columns: 3, costs: [])
        }
        #expect(throws: AssignmentError.invalidCost(row: 1, column: 2)) {
            try AssignmentProblem(rows: 2, columns: 3, costs: [0, 0, 0, 0, 0, .nan])
        }
        #expect(throws: AssignmentError.invalidCost(row: 0, column: 1)) {
            try AssignmentProblem(rows: 2, columns: 3, costs: [0, -.infinity, 0, 0, 0, 0])
        }
    }

    @Test("costs changed after building are checked again when solving")
    func mutatedCostsAreRechecked() throws {
        var matrix = try problem([[1, 2], [3, 4]])
        matrix.costs[3] = .nan
        #expect(throws: AssignmentError.invalidCost(row: 1, column: 1)) { try AssignmentSolver.solve(matrix) }
        matrix.costs.removeLast()
        #expect(throws: AssignmentError.sizeMismatch(expected: 4, got: 3)) { try AssignmentSolver.solve(matrix) }
    }

    @Test("a row with every column forbidden is named")
    func rowWithoutAllowedColumn() throws {
        let square = try problem([[1, 2], [forbidden, forbidden]])
        #expect(throws: AssignmentError.rowHasNoAllowedColumn(row: 1)) { try AssignmentSolver.solve(square) }
        let wide = try problem([[1, 2, 3], [forbidden, forbidden, forbidden]])
        #expect(throws: AssignmentError.rowHasNoAllowedColumn(row: 1)) { try AssignmentSolver.solve(wide) }
    }

    @Test("rows competing for too few columns are reported together (Hall violation)")
    func hallViolation() throws {
        let twoForOne = try problem([[1, forbidden, forbidden], [2, forbidden, forbidden], [1, 1, 1]])
        #expect(throws: AssignmentError.infeasible(rows: [0, 1])) { try AssignmentSolver.solve(twoForOne) }

        let wide = try problem([
            [1, 2, forbidden, forbidden, forbidden],
            [3, forbidden, forbidden, forbidden, forbidden],
            [forbidden, 4, forbidden, forbidden, forbidden],
            [0, 0, 0, 0, 0],
        ])
        #expect(throws: AssignmentError.infeasible(rows: [0, 1, 2])) { try AssignmentSolver.solve(wide) }

        // No row may use column 2: the square problem cannot be completed.
        let deadColumn = try problem([[1, 2, forbidden], [2, 1, forbidden], [3, 3, forbidden]])
        if case .failure(.infeasible(let rows)) = outcome(deadColumn) {
            #expect(violatesHall(rows, in: deadColumn))
        } else {
            Issue.record("a square problem with an unusable column was not reported as infeasible")
        }
        #expect(!AssignmentError.infeasible(rows: [0, 1]).description.isEmpty)
    }

    @Test("the same problem gives the same assignment and potentials every time")
    func deterministic() throws {
        var random = SeededGenerator(state: 3)
        for (rows, columns) in [(40, 40), (30, 70)] {
            let costs = (0..<(rows * columns)).map { _ in Double(Int.random(in: 0..<5, using: &random)) }
            let ties = try AssignmentProblem(rows: rows, columns: columns, costs: costs)
            let first = try AssignmentSolver.solve(ties)
            let second = try AssignmentSolver.solve(ties)
            #expect(first == second)
        }
        // Two optima of equal total: rows take the lowest-index columns in row order.
        let symmetric = try problem([[1, 1, 5], [1, 1, 5]])
        #expect(try AssignmentSolver.solve(symmetric).assignment == [0, 1])
        let wideTie = try problem([[0, 0, 0, 0], [0, 0, 0, 0]])
        #expect(try AssignmentSolver.solve(wideTie).assignment == [0, 1])
    }

    @Test("a 300 × 300 random instance is solved with a certificate")
    func mediumInstance() throws {
        var random = SeededGenerator(state: 11)
        let n = 300
        let costs = (0..<(n * n)).map { _ in Double.random(in: 0..<1, using: &random) }
        let medium = try AssignmentProblem(rows: n, columns: n, costs: costs)
        let solution = try AssignmentSolver.solve(medium)
        expectCertifiedOptimal(solution, for: medium)
    }
}

import Foundation

/// A rectangular min-cost assignment problem: place every row (a person) in its own column (a slot).
///
/// There may be more columns than rows; every row must be placed and no column takes two rows.
public struct AssignmentProblem: Sendable {
    /// Number of rows (people to place); never more than `columns`.
    public let rows: Int
    /// Number of columns (slots); columns left over stay empty.
    public let columns: Int
    /// Row-major costs; `.infinity` marks a forbidden pair (no edge).
    public var costs: [Double]

    /// Checks the sizes and the values, so that solving can only fail for reasons of feasibility.
    ///
    /// Throws `moreRowsThanColumns`, `sizeMismatch` (also for a negative size) or `invalidCost` (NaN or −∞).
    public init(rows: Int, columns: Int, costs: [Double]) throws(AssignmentError) {
        guard rows >= 0, columns >= 0 else {
            throw .sizeMismatch(expected: 0, got: costs.count)
        }
        guard rows <= columns else { throw .moreRowsThanColumns(rows: rows, columns: columns) }
        let (expected, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, costs.count == expected else {
            throw .sizeMismatch(expected: overflow ? Int.max : expected, got: costs.count)
        }
        self.rows = rows
        self.columns = columns
        self.costs = costs
        if let index = Self.firstInvalidIndex(in: costs) {
            throw .invalidCost(row: index / columns, column: index % columns)
        }
    }

    /// The cost of placing `row` in `column` (`.infinity` when the pair is forbidden).
    public func cost(row: Int, column: Int) -> Double {
        costs[row * columns + column]
    }

    /// Index of the first NaN or −∞ in row-major order, if any.
    static func firstInvalidIndex(in costs: [Double]) -> Int? {
        costs.withUnsafeBufferPointer { buffer -> Int? in
            for index in buffer.indices where !(buffer[index] > -Double.infinity) { return index }
            return nil
        }
    }
}

/// An optimal assignment together with the dual potentials that prove it optimal.
public struct AssignmentSolution: Sendable, Equatable {
    /// The column given to each row, indexed by row.
    public var assignment: [Int]
    /// The sum of the assigned costs, added in row order.
    public var total: Double
    /// Dual potentials at the optimum: costs[i][j] - rowPotentials[i] - columnPotentials[j] >= 0 for allowed pairs
    /// (up to floating tolerance), == 0 on assigned pairs; unassigned columns have potential consistent with
    /// optimality for the rectangular case. Used to explain "how much worse if member i went to column j".
    ///
    /// In the rectangular case every column potential is ≤ 0 and every column left empty has potential exactly 0.
    public var rowPotentials: [Double]
    /// Dual potentials of the columns; see `rowPotentials`.
    public var columnPotentials: [Double]

    /// Creates a solution from its parts (the solver fills every field).
    public init(assignment: [Int], total: Double, rowPotentials: [Double], columnPotentials: [Double]) {
        self.assignment = assignment
        self.total = total
        self.rowPotentials = rowPotentials
        self.columnPotentials = columnPotentials
    }

    /// `costs[row][column] − rowPotentials[row] − columnPotentials[column]`: a lower bound on how much the total
    /// grows if `row` is forced into `column` (0 on the assigned pairs, `.infinity` for a forbidden pair).
    public func reducedCost(row: Int, column: Int, in problem: AssignmentProblem) -> Double {
        problem.cost(row: row, column: column) - rowPotentials[row] - columnPotentials[column]
    }
}

/// Why an assignment problem could not be built or solved.
public enum AssignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every row needs its own column, so there cannot be more rows than columns.
    case moreRowsThanColumns(rows: Int, columns: Int)
    /// The cost array does not hold `rows × columns` values.
    case sizeMismatch(expected: Int, got: Int)
    /// The cost at this pair is NaN or −∞ (forbidden pairs use +∞).
    case invalidCost(row: Int, column: Int)
    /// Every column is forbidden for this row.
    case rowHasNoAllowedColumn(row: Int)
    /// Hall violation: these rows cannot all be placed (together they allow fewer columns than there are rows).
    case infeasible(rows: [Int])

    /// A sentence for people, naming the rows and sizes involved.
    public var description: String {
        switch self {
        case .moreRowsThanColumns(let rows, let columns):
            return "\(rows) rows cannot be placed in \(columns) columns (more rows than columns)"
        case .sizeMismatch(let expected, let got):
            return "expected \(expected) costs (rows × columns) but got \(got)"
        case .invalidCost(let row, let column):
            return "the cost at row \(row), column \(column) is not a number or is −infinity"
        case .rowHasNoAllowedColumn(let row):
            return "row \(row) has no allowed column (every cost in it is infinite)"
        case .infeasible(let rows):
            let list = rows.map(String.init).joined(separator: ", ")
            return "no assignment exists: rows \(list) together allow fewer columns than there are rows"
        }
    }
}

/// Exact minimum-cost rectangular assignment (Jonker–Volgenant shortest augmenting paths).
///
/// Deterministic: no randomness, hashing or threads, and every tie is settled by the lowest index in the order
/// described on `solve(_:)`, so the same problem gives the same assignment on every run and machine.
public enum AssignmentSolver {
    /// Returns a minimum-total assignment of every row to a distinct allowed column, with optimal dual potentials.
    ///
    /// Ties: the result is a pure function of the costs. Rows are settled in increasing order, and a row settled
    /// directly takes the lowest-index free column among its cheapest (by reduced cost): with all costs equal, row
    /// `i` gets column `i`; a 1 × n problem gets its first cheapest column. Rows that need an augmenting path take
    /// the first free column met in a fixed scan order. Integer costs below 2⁵³ in magnitude give exact totals.
    public static func solve(_ problem: AssignmentProblem) throws(AssignmentError) -> AssignmentSolution {
        let rows = problem.rows
        let columns = problem.columns
        // `costs` is mutable, so check it again (the sizes cannot change).
        guard problem.costs.count == rows * columns else {
            throw .sizeMismatch(expected: rows * columns, got: problem.costs.count)
        }
        if let index = AssignmentProblem.firstInvalidIndex(in: problem.costs) {
            throw .invalidCost(row: index / columns, column: index % columns)
        }
        if rows == 0 {
            return AssignmentSolution(
                assignment: [], total: 0, rowPotentials: [], columnPotentials: Array(repeating: 0, count: columns))
        }
        var result: Result<AssignmentSolution, AssignmentError> = .failure(.infeasible(rows: []))
        problem.costs.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let engine = JonkerVolgenant(costs: base, rows: rows, columns: columns)
            defer { engine.deallocate() }
            do throws(AssignmentError) {
                result = .success(try engine.run())
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }
}

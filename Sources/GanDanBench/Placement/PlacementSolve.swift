import ArgumentParser
import Foundation
import GanDanCore

/// `gandan-bench solve --costs FILE.csv`: the exact assignment of a dense cost matrix, as JSON, timed against scipy
/// and lap by bench/placement.
struct PlacementSolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a min-cost assignment for a dense cost matrix (rows = people, columns = slots).",
        discussion: """
            The CSV has no header: one line per row, comma-separated numbers, `inf` for a forbidden pair, and no \
            more rows than columns. Prints {"total": …, "assignment": [column per row], "solve_seconds": …}; \
            solve_seconds is the solver's time without reading and parsing the file.
            """)

    @ArgumentParser.Option(help: "The cost matrix as CSV.") var costs: String

    func run() async throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: costs), options: .alwaysMapped)
        } catch {
            throw Bench.failure("cannot read \(costs): \(error.localizedDescription)")
        }
        let parsed = data.withUnsafeBytes { bytes in
            Result { () throws(CostMatrixError) in try CostMatrix.parse(bytes) }
        }
        let matrix: CostMatrix
        switch parsed {
        case .success(let value): matrix = value
        case .failure(let error): throw Bench.failure("\(costs): \(error.description)")
        }
        let problem: AssignmentProblem
        let solution: AssignmentSolution
        let clock = ContinuousClock()
        let started = clock.now
        do throws(AssignmentError) {
            problem = try AssignmentProblem(rows: matrix.rows, columns: matrix.columns, costs: matrix.costs)
            solution = try AssignmentSolver.solve(problem)
        } catch {
            throw Bench.failure("\(costs): \(matrix.explain(error))")
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let total: String
        if matrix.integral, abs(solution.total) < 9.0e18 {
            total = String(Int64(solution.total))
        } else {
            total = String(format: "%.17g", solution.total)
        }
        let assignment = solution.assignment.map(String.init).joined(separator: ", ")
        let json =
            "{\"total\": \(total), \"assignment\": [\(assignment)], \"solve_seconds\": "
            + String(format: "%.6f", seconds) + "}\n"
        FileHandle.standardOutput.write(Data(json.utf8))
    }
}

/// Why a cost file could not be read as a matrix; lines and columns count from 1 as in an editor.
enum CostMatrixError: Error, Equatable {
    case notANumber(line: Int, column: Int, text: String)
    case emptyValue(line: Int, column: Int)
    case negativeInfinity(line: Int, column: Int)
    case ragged(line: Int, values: Int, expected: Int, firstLine: Int)

    var description: String {
        switch self {
        case .notANumber(let line, let column, let text):
            return "line \(line), column \(column): \"\(text)\" is not a number (use inf for a forbidden pair)"
        case .emptyValue(let line, let column):
            return "line \(line), column \(column): empty value"
        case .negativeInfinity(let line, let column):
            return "line \(line), column \(column): -inf is not a cost (use inf for a forbidden pair)"
        case .ragged(let line, let values, let expected, let firstLine):
            return "line \(line) has \(values) value\(values == 1 ? "" : "s") but line \(firstLine) has \(expected)"
        }
    }
}

/// A dense cost matrix read from CSV bytes without building strings (a 5000 × 5000 file holds 25M numbers).
struct CostMatrix {
    var rows = 0
    var columns = 0
    var costs: [Double] = []
    /// True when every finite cost is a whole number, so the total prints without a decimal point.
    var integral = true
    /// The file line of each row (blank lines are skipped).
    var lines: [Int] = []

    /// Explains a solver error in terms of the file's rows and lines.
    func explain(_ error: AssignmentError) -> String {
        func row(_ index: Int) -> String {
            lines.indices.contains(index) ? "row \(index) (line \(lines[index]))" : "row \(index)"
        }
        switch error {
        case .moreRowsThanColumns(let rows, let columns):
            return "\(rows) rows but only \(columns) columns: every row (person) needs its own column (slot)"
        case .rowHasNoAllowedColumn(let index):
            return "\(row(index)) has no allowed column (every value is inf)"
        case .infeasible(let indices):
            return "no assignment exists: " + indices.map(row).joined(separator: ", ")
                + " together allow fewer columns than there are rows"
        case .invalidCost(let r, let c):
            return "\(row(r)), column \(c + 1): not a usable cost"
        case .sizeMismatch:
            return error.description
        }
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses comma-separated numbers, one row per line; spaces around values, CRLF and blank lines are allowed.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(CostMatrixError) -> CostMatrix {
        var matrix = CostMatrix()
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return matrix }
        let end = bytes.count
        var position = 0
        var line = 1
        var valuesInLine = 0
        var costs: [Double] = []
        var integral = true
        let scratch = UnsafeMutablePointer<CChar>.allocate(capacity: 512)
        defer { scratch.deallocate() }
        let powers = powersOfTen

        @inline(__always) func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        while position <= end {
            // At the start of a value (or of a line).
            while position < end && isBlank(base[position]) { position += 1 }
            if isLineEnd(base, position, end) {
                if valuesInLine > 0 { throw .emptyValue(line: line, column: valuesInLine + 1) }
                // Blank line (or end of file): skip it.
                if position >= end { break }
                position += base[position] == 0x0D ? 2 : 1
                line += 1
                continue
            }
            let start = position
            let column = valuesInLine + 1
            let value = try Self.value(
                base, &position, end: end, at: (line: line, column: column), scratch: scratch, powers: powers)
            if integral && value.isFinite && value != value.rounded(.towardZero) { integral = false }
            costs.append(value)
            valuesInLine += 1
            while position < end && isBlank(base[position]) { position += 1 }
            if position < end && base[position] == 0x2C {  // ,
                position += 1
                continue
            }
            guard isLineEnd(base, position, end) else {
                throw .notANumber(line: line, column: column, text: token(base, start, end))
            }
            try Self.endRow(&matrix, values: valuesInLine, line: line)
            if matrix.rows == 1 {
                // Guess the size from the first line so that 25M values do not regrow the array many times.
                let guess = Double(end) / Double(max(position, 1)) * 1.05 + 1
                costs.reserveCapacity(Int(min(guess * Double(valuesInLine), Double(end / 2 + 1))))
            }
            valuesInLine = 0
            if position >= end { break }
            position += base[position] == 0x0D ? 2 : 1
            line += 1
        }
        matrix.costs = costs
        matrix.integral = integral
        return matrix
    }

    /// Whether `position` is at the end of a line (LF, CRLF or a lone CR at the end) or of the file.
    @inline(__always)
    private static func isLineEnd(_ base: UnsafePointer<UInt8>, _ position: Int, _ end: Int) -> Bool {
        position == end || base[position] == 0x0A
            || (base[position] == 0x0D && (position + 1 == end || base[position + 1] == 0x0A))
    }

    /// Counts a row of `values` values ending on `line`; every row has as many values as the first.
    @inline(__always)
    private static func endRow(_ matrix: inout CostMatrix, values: Int, line: Int) throws(CostMatrixError) {
        if matrix.rows == 0 {
            matrix.columns = values
        } else if values != matrix.columns {
            throw .ragged(line: line, values: values, expected: matrix.columns, firstLine: matrix.lines[0])
        }
        matrix.rows += 1
        matrix.lines.append(line)
    }

    /// The value starting at `position` (blanks skipped): a signed decimal number, or `inf`/`infinity`; moves
    /// `position` past it.
    @inline(__always)
    private static func value(
        _ base: UnsafePointer<UInt8>, _ position: inout Int, end: Int, at place: (line: Int, column: Int),
        scratch: UnsafeMutablePointer<CChar>, powers: [Double]
    ) throws(CostMatrixError) -> Double {
        let start = position
        var negative = false
        if base[position] == 0x2B || base[position] == 0x2D {  // + -
            negative = base[position] == 0x2D
            position += 1
        }
        if position < end && (base[position] | 0x20) == 0x69 {  // i: inf, infinity
            let wordStart = position
            while position < end && (base[position] | 0x20) >= 0x61 && (base[position] | 0x20) <= 0x7A {
                position += 1
            }
            let word = String(
                decoding: UnsafeBufferPointer(start: base + wordStart, count: position - wordStart), as: UTF8.self
            ).lowercased()
            guard word == "inf" || word == "infinity" else {
                throw .notANumber(line: place.line, column: place.column, text: token(base, start, end))
            }
            if negative { throw .negativeInfinity(line: place.line, column: place.column) }
            return .infinity
        }
        let decimal = try Self.decimal(base, &position, end: end, start: start, at: place)
        if decimal.exact && decimal.mantissa <= (1 << 53) && decimal.exponent >= -22 && decimal.exponent <= 22 {
            // Clinger's fast path: both operands are exact, so one correctly rounded operation suffices.
            var value = Double(decimal.mantissa)
            value = decimal.exponent < 0 ? value / powers[-decimal.exponent] : value * powers[decimal.exponent]
            return negative ? -value : value
        }
        let length = position - start
        guard length < 512 else {
            throw .notANumber(line: place.line, column: place.column, text: token(base, start, end))
        }
        for k in 0..<length { scratch[k] = CChar(bitPattern: base[start + k]) }
        scratch[length] = 0
        let value = strtod(scratch, nil)
        guard value.isFinite else {  // e.g. 1e999: refuse rather than read it as a forbidden pair
            throw .notANumber(line: place.line, column: place.column, text: token(base, start, end))
        }
        return value
    }

    /// The digits of an unsigned decimal number: up to 19 significant digits as an integer, the power of ten that
    /// scales it, and whether digits were dropped; moves `position` past the number and its exponent.
    @inline(__always)
    private static func decimal(
        _ base: UnsafePointer<UInt8>, _ position: inout Int, end: Int, start: Int, at place: (line: Int, column: Int)
    ) throws(CostMatrixError) -> (mantissa: UInt64, exponent: Int, exact: Bool) {
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var exact = true
        var fraction = false
        while position < end {
            let digit = base[position] &- 0x30
            if digit < 10 {
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa > 0 { significant += 1 }
                    if fraction { exponent -= 1 }
                } else {
                    exact = false
                    if !fraction { exponent += 1 }
                }
                position += 1
            } else if base[position] == 0x2E && !fraction {  // .
                fraction = true
                position += 1
            } else {
                break
            }
        }
        guard sawDigit else { throw .notANumber(line: place.line, column: place.column, text: token(base, start, end)) }
        if position < end && (base[position] | 0x20) == 0x65 {  // e, E
            position += 1
            var exponentNegative = false
            if position < end && (base[position] == 0x2B || base[position] == 0x2D) {
                exponentNegative = base[position] == 0x2D
                position += 1
            }
            var written = 0
            var sawExponentDigit = false
            while position < end, case let digit = base[position] &- 0x30, digit < 10 {
                sawExponentDigit = true
                if written < 100_000 { written = written * 10 + Int(digit) }
                position += 1
            }
            guard sawExponentDigit else {
                throw .notANumber(line: place.line, column: place.column, text: token(base, start, end))
            }
            exponent += exponentNegative ? -written : written
        }
        return (mantissa, exponent, exact)
    }

    /// The text of the value starting at `start`, up to the next comma or line end (for messages).
    private static func token(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var stop = start
        while stop < end && stop - start < 40, base[stop] != 0x2C, base[stop] != 0x0A, base[stop] != 0x0D {
            stop += 1
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: stop - start), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespaces)
    }
}

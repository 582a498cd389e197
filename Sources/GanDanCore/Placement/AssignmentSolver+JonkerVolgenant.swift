import Foundation

/// The working state of one solve: Jonker & Volgenant (1987), "A shortest augmenting path algorithm for dense and
/// sparse linear assignment problems", adapted to rows ≤ columns.
///
/// Phases: an initial reduction (square: column reduction with reduction transfer, then free rows take a free
/// column where their reduced cost is 0; rectangular: row reduction, which keeps every column potential ≤ 0), two
/// passes of augmenting row reduction (each capped at 8 steps per free row), then one Dijkstra-like shortest
/// augmenting path per row still free. Only column potentials `v` are kept; a row's potential is implied by its
/// assigned column. All buffers are allocated once, up front, and reused by every phase.
struct JonkerVolgenant {
    let costs: UnsafePointer<Double>
    let rows: Int
    let columns: Int
    /// Column potentials.
    let v: UnsafeMutablePointer<Double>
    /// Shortest-path distance of the column at each position of `order` (augmentation).
    let distance: UnsafeMutablePointer<Double>
    /// Potential of the column at each position of `order` (augmentation).
    let vByPosition: UnsafeMutablePointer<Double>
    /// Column of each row, or -1.
    let x: UnsafeMutablePointer<Int>
    /// Row of each column, or -1.
    let y: UnsafeMutablePointer<Int>
    /// Columns ordered as ready | scan | to do during an augmentation.
    let order: UnsafeMutablePointer<Int>
    /// The row from which each column was reached in the current augmentation (also scratch space earlier).
    let predecessor: UnsafeMutablePointer<Int>
    /// Rows still free.
    let freeRows: UnsafeMutablePointer<Int>

    init(costs: UnsafePointer<Double>, rows: Int, columns: Int) {
        self.costs = costs
        self.rows = rows
        self.columns = columns
        v = .allocate(capacity: columns)
        distance = .allocate(capacity: columns)
        vByPosition = .allocate(capacity: columns)
        x = .allocate(capacity: rows)
        y = .allocate(capacity: columns)
        order = .allocate(capacity: columns)
        predecessor = .allocate(capacity: columns)
        freeRows = .allocate(capacity: rows)
        x.initialize(repeating: -1, count: rows)
        y.initialize(repeating: -1, count: columns)
        v.initialize(repeating: 0, count: columns)
        distance.initialize(repeating: 0, count: columns)
        vByPosition.initialize(repeating: 0, count: columns)
        order.initialize(repeating: 0, count: columns)
        predecessor.initialize(repeating: 0, count: columns)
        freeRows.initialize(repeating: 0, count: rows)
    }

    func deallocate() {
        v.deallocate()
        distance.deallocate()
        vByPosition.deallocate()
        x.deallocate()
        y.deallocate()
        order.deallocate()
        predecessor.deallocate()
        freeRows.deallocate()
    }

    /// Runs every phase and reads off the assignment, the total and both potentials.
    func run() throws(AssignmentError) -> AssignmentSolution {
        var freeCount = try rows == columns ? columnReduction() : rowReduction()
        for _ in 0..<2 where freeCount > 0 {
            freeCount = augmentingRowReduction(freeCount)
        }
        for k in 0..<freeCount {
            try augment(from: freeRows[k])
        }
        var assignment = [Int](repeating: 0, count: rows)
        var rowPotentials = [Double](repeating: 0, count: rows)
        var total = 0.0
        for i in 0..<rows {
            let j = x[i]
            let cost = costs[i * columns + j]
            assignment[i] = j
            rowPotentials[i] = cost - v[j]
            total += cost
        }
        let columnPotentials = Array(UnsafeBufferPointer(start: v, count: columns))
        return AssignmentSolution(
            assignment: assignment, total: total, rowPotentials: rowPotentials, columnPotentials: columnPotentials)
    }

    // MARK: - Initial reduction

    /// Square case: v[j] = min over rows; each column goes to its cheapest row (lowest index) unless that row already
    /// has a lower-index column; rows with a single column transfer their slack to it. Returns the free-row count.
    func columnReduction() throws(AssignmentError) -> Int {
        let n = columns
        let argmin = y
        v.update(repeating: .infinity, count: n)
        for i in 0..<rows {
            let row = costs + i * n
            var rowMin = Double.infinity
            for j in 0..<n {
                let c = row[j]
                if c < v[j] {
                    v[j] = c
                    argmin[j] = i
                }
                rowMin = c < rowMin ? c : rowMin
            }
            if rowMin == .infinity { throw .rowHasNoAllowedColumn(row: i) }
        }
        // predecessor doubles as the "row was chosen by a single column" flag here (1 = unique).
        let unique = predecessor
        unique.update(repeating: 1, count: n)
        for j in 0..<n {
            if v[j] == .infinity {  // no row may use this column: leave it free, augmentation reports the rows
                v[j] = 0
                y[j] = -1
                continue
            }
            let i = argmin[j]
            if x[i] < 0 {
                x[i] = j
            } else {
                unique[i] = 0
                y[j] = -1
            }
        }
        var freeCount = 0
        for i in 0..<rows {
            let j = x[i]
            if j < 0 {
                freeRows[freeCount] = i
                freeCount += 1
            } else if unique[i] == 1 {
                let row = costs + i * n
                var slack = Double.infinity
                for k in 0..<j {
                    let h = row[k] - v[k]
                    slack = h < slack ? h : slack
                }
                for k in (j + 1)..<n {
                    let h = row[k] - v[k]
                    slack = h < slack ? h : slack
                }
                if slack < .infinity { v[j] -= slack }
            }
        }
        return assignTightColumns(freeCount)
    }

    /// Gives each free row (in order) the lowest-index free column where its reduced cost is 0, i.e. minimal; this
    /// settles most rows at once when costs have many ties (0/1 matrices, equal costs). Returns the free-row count.
    func assignTightColumns(_ count: Int) -> Int {
        var stillFree = 0
        var freeColumns = 0
        for j in 0..<columns where y[j] < 0 { freeColumns += 1 }
        for k in 0..<count {
            let i = freeRows[k]
            var found = -1
            if freeColumns > 0 {
                let row = costs + i * columns
                for j in 0..<columns where row[j] == v[j] && y[j] < 0 {
                    found = j
                    break
                }
            }
            if found >= 0 {
                x[i] = found
                y[found] = i
                freeColumns -= 1
            } else {
                freeRows[stillFree] = i
                stillFree += 1
            }
        }
        return stillFree
    }

    /// Rectangular case: each row in turn takes the lowest-index free column among its cheapest ones (if any) and
    /// transfers its slack to it. Potentials only go down from 0, so columns left empty keep potential 0.
    func rowReduction() throws(AssignmentError) -> Int {
        var freeCount = 0
        for i in 0..<rows {
            let best = cheapestTwo(row: i)
            guard best.u1 < .infinity else { throw .rowHasNoAllowedColumn(row: i) }
            if best.u1 < best.u2 {
                if y[best.j1] < 0 {
                    x[i] = best.j1
                    y[best.j1] = i
                    if best.u2 < .infinity { v[best.j1] -= best.u2 - best.u1 }
                    continue
                }
            } else if best.jFree >= 0 {
                x[i] = best.jFree
                y[best.jFree] = i
                continue
            }
            freeRows[freeCount] = i
            freeCount += 1
        }
        return freeCount
    }

    // MARK: - Augmenting row reduction

    /// The cheapest and second cheapest reduced costs of a row, their columns (lowest index first) and the
    /// lowest-index free column among the cheapest (-1 if none).
    @inline(__always)
    func cheapestTwo(row i: Int) -> (u1: Double, j1: Int, u2: Double, j2: Int, jFree: Int) {
        let row = costs + i * columns
        var u1 = Double.infinity
        var u2 = Double.infinity
        var j1 = -1
        var j2 = -1
        var jFree = -1
        for j in 0..<columns {
            let h = row[j] - v[j]
            if h < u1 {
                u2 = u1
                j2 = j1
                u1 = h
                j1 = j
                jFree = y[j] < 0 ? j : -1
            } else {
                if h < u2 {
                    u2 = h
                    j2 = j
                }
                if h == u1 && jFree < 0 && y[j] < 0 { jFree = j }
            }
        }
        return (u1, j1, u2, j2, jFree)
    }

    /// One pass of augmenting row reduction over the first `count` free rows (as in lap.lapjv's `_carr_dense`, with
    /// ties sent to a free column when there is one). Returns the number of rows still free, listed in `freeRows`.
    func augmentingRowReduction(_ count: Int) -> Int {
        var current = 0
        var newFree = 0
        var steps = 0
        // lap bounds a pass by current × columns steps; on real-valued costs that lets the evictions run far too
        // long (an auction with tiny bids), so a pass also stops after 8 steps per free row (measured).
        let budget = 8 * count
        while current < count {
            steps += 1
            let i = freeRows[current]
            current += 1
            let best = cheapestTwo(row: i)
            var j1 = best.j1
            var i0 = y[j1]
            let lowers = best.u1 < best.u2 && best.u2 < .infinity
            if steps < budget {
                if lowers {
                    v[j1] -= best.u2 - best.u1
                } else if best.jFree >= 0 {
                    j1 = best.jFree
                    i0 = -1
                } else if i0 >= 0 && best.u2 < .infinity {
                    j1 = best.j2
                    i0 = y[j1]
                }
                if i0 >= 0 {
                    if lowers {
                        current -= 1
                        freeRows[current] = i0
                    } else {
                        freeRows[newFree] = i0
                        newFree += 1
                    }
                }
            } else if i0 >= 0 {
                freeRows[newFree] = i0
                newFree += 1
            }
            x[i] = j1
            y[j1] = i
            if i0 >= 0 { x[i0] = -1 }
        }
        return newFree
    }

    // MARK: - Shortest augmenting path

    /// Dijkstra from the free row `start` over reduced costs until the nearest free column, then updates the
    /// potentials of the columns settled before it and flips the path. Throws the rows reached when no free column
    /// can be reached (a Hall violation).
    ///
    /// Distances and potentials are kept by position in `order` (swapped along with the columns), so the inner
    /// loop reads them sequentially and gathers only the costs.
    func augment(from start: Int) throws(AssignmentError) {
        let n = columns
        let potential = vByPosition
        startSearch(from: start)
        var lo = 0  // positions 0..<lo: ready; lo..<hi: to scan (all at distance `mind`); hi..<n: to do
        var hi = 0
        var ready = 0
        var sink = -1
        var mind = 0.0
        search: while true {
            if lo == hi {
                ready = lo
                (hi, mind) = gatherNearest(from: lo)
                if mind == .infinity { throw .infeasible(rows: reachedRows(start: start, settled: lo)) }
                for k in lo..<hi {
                    let j = order[k]
                    if y[j] < 0 && (sink < 0 || j < sink) { sink = j }
                }
                if sink >= 0 { break search }
            }
            // Scan: relax the to-do columns from the row of each column at the minimum distance.
            while lo != hi {
                let j0 = order[lo]
                let i = y[j0]
                let row = costs + i * n
                let h = row[j0] - potential[lo] - mind
                lo += 1
                var k = hi
                while k < n {
                    let reduced = row[order[k]] - potential[k] - h
                    if reduced < distance[k] {
                        distance[k] = reduced
                        let j = order[k]
                        predecessor[j] = i
                        if reduced == mind {
                            if y[j] < 0 {
                                sink = j
                                break search
                            }
                            swapPositions(k, hi)
                            hi += 1
                        }
                    }
                    k += 1
                }
            }
        }
        finishAugment(from: start, to: sink, ready: ready, mind: mind)
    }

    /// Starts the search from row `start`: every column in place, reached from the row at its reduced cost.
    @inline(__always)
    func startSearch(from start: Int) {
        let startRow = costs + start * columns
        for j in 0..<columns {
            order[j] = j
            predecessor[j] = start
            let vj = v[j]
            vByPosition[j] = vj
            distance[j] = startRow[j] - vj
        }
    }

    /// Moves the to-do columns (from position `lo` on) at the smallest distance to positions `lo..<hi`; returns
    /// `hi` and that distance.
    @inline(__always)
    func gatherNearest(from lo: Int) -> (hi: Int, mind: Double) {
        var hi = lo + 1
        var mind = distance[lo]
        var k = hi
        while k < columns {
            let dk = distance[k]
            if dk <= mind {
                if dk < mind {
                    hi = lo
                    mind = dk
                }
                swapPositions(k, hi)
                hi += 1
            }
            k += 1
        }
        return (hi, mind)
    }

    /// Updates the potentials of the columns settled before the free column `sink` and flips the path to it.
    @inline(__always)
    func finishAugment(from start: Int, to sink: Int, ready: Int, mind: Double) {
        for k in 0..<ready {
            v[order[k]] += distance[k] - mind
        }
        var j = sink
        while true {
            let i = predecessor[j]
            y[j] = i
            let previous = x[i]
            x[i] = j
            if i == start { break }
            j = previous
        }
    }

    /// Swaps two positions of `order` together with their distances and potentials.
    @inline(__always)
    func swapPositions(_ a: Int, _ b: Int) {
        let column = order[a]
        order[a] = order[b]
        order[b] = column
        let d = distance[a]
        distance[a] = distance[b]
        distance[b] = d
        let p = vByPosition[a]
        vByPosition[a] = vByPosition[b]
        vByPosition[b] = p
    }

    /// The start row and the rows holding the settled columns, in increasing order.
    func reachedRows(start: Int, settled: Int) -> [Int] {
        var result = [start]
        for k in 0..<settled { result.append(y[order[k]]) }
        return result.sorted()
    }
}

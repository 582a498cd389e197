/// One member's dues for one month as the cell's register holds it: the input to the unpaid-dues flag.
public struct DuesMonth: Hashable, Sendable, Codable {
    public var memberID: String
    public var month: YearMonth
    public var paid: Bool

    public init(memberID: String, month: YearMonth, paid: Bool) {
        self.memberID = memberID
        self.month = month
        self.paid = paid
    }
}

/// A member to put forward for a removal proposal: months of dues unpaid one after another (rules.md R12).
public struct UnpaidDuesFlag: Hashable, Sendable, Codable {
    public var memberID: String
    /// The unpaid months of the longest run, in order.
    public var months: [YearMonth]

    public init(memberID: String, months: [YearMonth]) {
        self.memberID = memberID
        self.months = months
    }
}

/// Finds members who have not paid their dues for `threshold` consecutive months (rules.md R12).
public enum UnpaidDues {
    /// The flags, ordered by member, each with the member's latest run of `threshold` or more unpaid months. A run is
    /// broken by a paid month and by a month the register does not hold: only months recorded unpaid count, so a
    /// register not yet kept never flags anyone.
    public static func flags(in records: [DuesMonth], threshold: Int = 3) -> [UnpaidDuesFlag] {
        var unpaid: [String: Set<YearMonth>] = [:]
        var paid: [String: Set<YearMonth>] = [:]
        for record in records {
            if record.paid {
                paid[record.memberID, default: []].insert(record.month)
            } else {
                unpaid[record.memberID, default: []].insert(record.month)
            }
        }
        var flags: [UnpaidDuesFlag] = []
        for (member, months) in unpaid {
            // A month recorded both paid and unpaid (two cells in a transfer month) counts as paid.
            let open = months.subtracting(paid[member] ?? [])
            if let run = latestRun(open.sorted(), atLeast: max(threshold, 1)) {
                flags.append(UnpaidDuesFlag(memberID: member, months: run))
            }
        }
        return flags.sorted { $0.memberID < $1.memberID }
    }

    /// The latest stretch of at least `length` months each one after the last, or nil when there is none.
    static func latestRun(_ months: [YearMonth], atLeast length: Int) -> [YearMonth]? {
        var found: [YearMonth]?
        var current: [YearMonth] = []
        for month in months {
            if let last = current.last, last.months(until: month) == 1 {
                current.append(month)
            } else {
                current = [month]
            }
            if current.count >= length { found = current }
        }
        return found
    }
}

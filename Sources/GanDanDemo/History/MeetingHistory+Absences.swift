import GanDanCore

/// The unexcused-absence cases a demo must show (rules.md R12).
enum HistoryAbsencePattern {
    /// Three unexcused absences in one calendar year: the member is flagged.
    case threeInOneYear
    /// Two at the end of one year and one early the next: three in a row, yet no flag.
    case twoThenOne
}

/// Plans a handful of members across the district to show both absence cases (rules.md R12).
enum HistoryAbsences {
    /// One cell in 25 (at least one) per case; cells are tried in an order drawn from the seed.
    static func plan(_ generators: inout [HistoryCellGenerator], seed: UInt64) {
        guard !generators.isEmpty else { return }
        let perCase = max(1, generators.count / 25)
        var remaining = (0..<perCase).flatMap { _ in [HistoryAbsencePattern.threeInOneYear, .twoThenOne] }
        let keys = generators.map { SeededRandom.seed(seed, $0.cell.key, salt: 12) }
        let order = generators.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        for index in order {
            guard let pattern = remaining.first else { break }
            if let planned = generators[index].absencePlan(pattern, seed: seed) {
                generators[index].plannedAbsences = planned
                remaining.removeFirst()
            }
        }
    }
}

extension HistoryCellGenerator {
    /// A member and the months to miss without excuse, or nil when no member fits.
    ///
    /// The member is expected those months, is neither secretary nor key leader, and two other full members
    /// are on the roll to chair and record.
    func absencePlan(_ pattern: HistoryAbsencePattern, seed: UInt64) -> [String: Set<YearMonth>]? {
        var random = SeededRandom(seed: SeededRandom.seed(seed, cell.key, salt: 13))
        var candidates: [String] = []
        for member in cell.members where !member.isSecretary && !member.isKeyLeader {
            if !candidates.contains(member.id) { candidates.append(member.id) }
        }
        random.shuffle(&candidates)
        for id in candidates {
            let months = schedule.filter { day in
                day.roll.contains { $0.member.id == id && ($0.standing == .full || $0.standing == .probationary) }
                    && day.roll.filter { $0.standing == .full && $0.member.id != id }.count >= 2
            }.map(\.month)
            let byYear = Dictionary(grouping: months, by: \.year)
            let years = byYear.keys.sorted()
            switch pattern {
            case .threeInOneYear:
                let eligible = years.filter { byYear[$0, default: []].count >= 3 }
                guard !eligible.isEmpty else { continue }
                let year = random.pick(eligible)
                return [id: Set(random.sample(byYear[year, default: []], count: 3))]
            case .twoThenOne:
                for year in years {
                    let these = byYear[year, default: []]
                    guard these.count >= 2, let next = byYear[year + 1]?.first else { continue }
                    return [id: Set(these.suffix(2) + [next])]
                }
            }
        }
        return nil
    }
}

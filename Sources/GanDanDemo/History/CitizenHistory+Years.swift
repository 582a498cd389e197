import GanDanCore

extension CitizenHistory {
    /// The members' and cells' ratings of each year in `years`, for the years after the first window (issue 19): a
    /// cell's members score around a base of its own, higher with its placement effect, "excellent" kept within 20 %
    /// of "good" in each cell (rules.md R18); members rated as rules.md R19 says on 31 December. The cells' quota per
    /// committee is kept by the caller (`keepCellQuota`).
    static func yearRatings(cells: [HistoryCell], effects: [String: Double], years: [Int], seed: UInt64 = defaultSeed)
        -> CitizenHistory
    {
        var history = CitizenHistory()
        for cell in cells {
            var random = SeededRandom(seed: SeededRandom.seed(seed, cell.key, salt: 2025))
            let base = Double(random.int(62...82)) + (effects[cell.id] ?? 0) * 12
            for year in years {
                guard let day = CivilDate(year: year, month: 12, day: 31) else { continue }
                var rated: [HistoryRating] = []
                for member in cell.members where member.validity.contains(day) {
                    guard RatingRules.eligibility(record: member.party, on: day).isRated else { continue }
                    let score = min(100, max(30, base + Double(random.int(-14...14))))
                    rated.append(HistoryRating(cellID: cell.id, memberID: member.id, year: year, score: score))
                }
                let kept = keepingExcellentQuota(rated)
                history.ratings += kept
                guard !kept.isEmpty else { continue }
                let mean = kept.reduce(0) { $0 + $1.score } / Double(kept.count)
                let rating = WeakCellTest(levels: kept.map { RatingLevel.forScore($0.score) }).flagging(
                    CellRating(year: year, level: RatingLevel.forScore(mean)))
                history.cellRatings.append((cell.id, rating))
            }
        }
        return history
    }
}

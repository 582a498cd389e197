import GanDanCore

/// Poor and near-poor households of a cell's village, with invented heads (rules.md A6, R25).
extension HistoryCellGenerator {
    static let minorityMix = [("Tày", 55), ("Dao", 25), ("Mông", 10), ("Kinh", 10)]
    static let lowlandMix = [("Kinh", 45), ("Tày", 45), ("Dao", 10)]

    /// `profile.poorHouseholds` poor households (poor through the placement) and one to three near-poor ones.
    ///
    /// From the placement on, a household escapes at a year's review more often the stronger the effect;
    /// it is `.escaped` that year and `.notPoor` after. A cell without a profile has no households.
    mutating func makeHouseholds() -> [HistoryHousehold] {
        guard let profile = cell.profile else { return [] }
        let poor = max(0, profile.poorHouseholds ?? 0)
        let nearPoor = poor > 0 ? random.int(1...3) : random.int(0...2)
        var used: Set<String> = []
        var result: [HistoryHousehold] = []
        for index in 0..<(poor + nearPoor) {
            let ethnicity = random.weighted(profile.ethnicMinority ? Self.minorityMix : Self.lowlandMix)
            let head = headName(ethnicity: ethnicity, used: &used)
            let size = random.int(2...7)
            let statuses = povertyStatuses(from: index < poor ? .poor : .nearPoor)
            result.append(
                HistoryHousehold(
                    id: "\(cell.id)/H\(index + 1)", cellID: cell.id, headName: head, members: size, statuses: statuses))
        }
        return result
    }

    /// The status at each year's review; only the part of a year after the placement can bring an escape.
    private mutating func povertyStatuses(from start: HouseholdPovertyStatus) -> [Int: HouseholdPovertyStatus] {
        var statuses: [Int: HouseholdPovertyStatus] = [:]
        var current = start
        for year in window.years {
            current = nextPovertyStatus(
                current, base: start == .nearPoor ? 0.14 : 0.06, share: window.shareAfterPlacement(year: year))
            statuses[year] = current
        }
        return statuses
    }

    /// A household's status at the next review: an escape likelier the stronger the effect, a near-poor household
    /// slipping back where the cell slipped, on the `share` of the year after the placement (rules.md R25).
    mutating func nextPovertyStatus(_ current: HouseholdPovertyStatus, base: Double, share: Double)
        -> HouseholdPovertyStatus
    {
        switch current {
        case .escaped, .notPoor:
            return .notPoor
        case .poor, .nearPoor:
            if share > 0 && random.chance(share * (base + 0.4 * max(plan.effect, 0))) { return .escaped }
            if current == .nearPoor && plan.effect < 0 && random.chance(-plan.effect * share) { return .poor }
            return current
        }
    }

    /// "Family Middle Given" of the ethnicity, never an official of the article, new in the village when possible.
    private mutating func headName(ethnicity: String, used: inout Set<String>) -> String {
        var name = ""
        for _ in 0..<50 {
            let male = random.chance(0.8)
            let family = random.pick(NaHangNames.familyNames(of: ethnicity))
            let middle = random.weighted(male ? NaHangNames.maleMiddleNames : NaHangNames.femaleMiddleNames)
            let given = random.pick(male ? NaHangNames.maleGivenNames : NaHangNames.femaleGivenNames)
            name = "\(family) \(middle) \(given)"
            if !NaHangDemoBuilder.reservedNames.contains(name) && used.insert(name).inserted { break }
        }
        return name
    }

    /// Households needing help during `year`: poor or near-poor that year, or leaving poverty at its review.
    func householdsInNeed(in year: Int) -> [HistoryHousehold] {
        households.filter { household in
            guard let status = household.statuses[year] else { return false }
            return status == .poor || status == .nearPoor || status == .escaped
        }
    }
}

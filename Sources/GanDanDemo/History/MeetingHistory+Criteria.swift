import GanDanCore

/// The village's new-rural criteria at each year's review (rules.md R24).
extension HistoryCellGenerator {
    /// Criteria Na Hang's villages mostly met early: electricity, information and communications, defence.
    static let easyCriteria: Set<Int> = [4, 8, 19]

    /// The set in force in `year` (the 2016–2020 set outside the known periods).
    static func criteriaSet(year: Int) -> RuralCriteriaSet {
        CivilDate(year: year, month: 6, day: 30).flatMap { RuralCriteriaSet.inForce(on: $0) } ?? .period2016to2020
    }

    /// Every criterion of the set for every year the window touches; a criterion met stays met unless the cell
    /// slipped. Environment starts mostly unmet and is met sooner where the effect is strong (rules.md A6).
    mutating func makeCriteria() -> [HistoryCriterionStatus] {
        let level = max(0.15, random.real(0.35...0.8) - (cell.profile?.povertyRate ?? 0) * 0.5)
        var met: [Int: Bool] = carry?.criteriaMet ?? [:]
        var result: [HistoryCriterionStatus] = []
        for year in newYears {
            let set = Self.criteriaSet(year: year)
            let effect = plan.effect * window.shareAfterPlacement(year: year)
            for criterion in set.criteria {
                let number = criterion.number
                let isEnvironment = number == set.environmentNumber
                var isMet: Bool
                if let previous = met[number] {
                    isMet = previous
                } else {
                    isMet = random.chance(
                        isEnvironment ? level * 0.4 : Self.easyCriteria.contains(number) ? 0.9 : level)
                }
                if !isMet {
                    isMet = random.chance(isEnvironment ? 0.05 + 0.75 * max(effect, 0) : 0.03 + 0.15 * max(effect, 0))
                } else if effect < 0 && random.chance(-effect * (isEnvironment ? 0.5 : 0.1)) {
                    isMet = false
                }
                met[number] = isMet
                result.append(
                    HistoryCriterionStatus(cellID: cell.id, year: year, setID: set.id, number: number, met: isMet))
            }
        }
        return result
    }
}

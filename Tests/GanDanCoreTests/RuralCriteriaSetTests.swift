import Testing

@testable import GanDanCore

@Suite("New-rural criteria versions (rules.md R24)")
struct RuralCriteriaSetTests {
    @Test("the set in force follows the date across periods")
    func versionsByDate() {
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2015-12-31")!) == nil)
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2016-01-01")!)?.id == "2016-2020")
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2020-12-31")!)?.id == "2016-2020")
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2021-01-01")!)?.id == "2021-2025")
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2025-12-31")!)?.id == "2021-2025")
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2026-01-01")!)?.id == "2026-2030")
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2031-01-01")!) == nil)
    }

    @Test("19 criteria with environment #17 until 2025, 10 with environment #8 from 2026")
    func environmentNumbers() {
        let old = RuralCriteriaSet.period2016to2020
        let mid = RuralCriteriaSet.period2021to2025
        let new = RuralCriteriaSet.period2026to2030
        #expect(old.criteria.count == 19 && mid.criteria.count == 19 && new.criteria.count == 10)
        #expect(old.environmentCriterion?.number == 17)
        #expect(mid.environmentCriterion?.name.vi == "Môi trường và an toàn thực phẩm")
        #expect(new.environmentCriterion?.number == 8)
        #expect(new.environmentCriterion?.name.en == "Environment")
        #expect(new.indicatorCount == 47 && new.communeGroupCount == 3)
    }

    @Test("criteria are numbered 1…n and the periods do not overlap")
    func wellFormed() {
        for set in RuralCriteriaSet.all {
            #expect(set.criteria.map(\.number) == Array(1...set.criteria.count))
            #expect(set.criteria.allSatisfy { !$0.name.vi.isEmpty && !$0.name.en.isEmpty })
        }
        let sets = RuralCriteriaSet.all
        for i in sets.indices {
            for j in sets.indices where i < j {
                #expect(!sets[i].validity.overlaps(sets[j].validity))
            }
        }
    }
}

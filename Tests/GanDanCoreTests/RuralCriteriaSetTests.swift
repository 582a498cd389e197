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
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2026-02-14")!)?.id == "2021-2025")
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2026-02-15")!)?.id == "2026-2030")
        #expect(RuralCriteriaSet.inForce(year: 2026)?.id == "2026-2030")
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
        #expect(new.environmentCriterion?.name.vi == "Môi trường và cảnh quan nông thôn")
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

    @Test(
        "R24: the 2026–2030 set (QĐ 51/2025) has its 10 criteria under their names and numbers, #6 poverty reduction and social security, #7 science, technology and digital transformation, in force from 15-2-2026"
    )
    func officialNames2026() {
        let set = RuralCriteriaSet.period2026to2030
        #expect(set.decision == "51/2025/QĐ-TTg")
        #expect(set.validity.from == CivilDate("2026-02-15"))
        #expect(set.namesAreOfficial)
        #expect(
            set.criteria.map(\.name.vi) == [
                "Quy hoạch", "Hạ tầng kinh tế - xã hội", "Phát triển kinh tế nông thôn", "Đào tạo nhân lực",
                "Văn hóa - giáo dục - y tế", "Giảm nghèo và an sinh xã hội", "Khoa học công nghệ và chuyển đổi số",
                "Môi trường và cảnh quan nông thôn", "Hệ thống chính trị và hành chính công",
                "Tiếp cận pháp luật, an ninh - quốc phòng",
            ])
        #expect(set.criterion(number: 6)?.name.vi == "Giảm nghèo và an sinh xã hội")
        #expect(set.criterion(number: 7)?.name.vi == "Khoa học công nghệ và chuyển đổi số")
        // A task due in January 2026 still aims at the 2021–2025 set; from 15 February at the new one.
        #expect(RuralCriteriaSet.inForce(on: CivilDate("2026-02-14")!)?.criteria.count == 19)
    }
}

import Foundation
import GanDanCore
import Testing

@testable import GanDanDemo

@Suite("The scale benchmark's generated province: counts, a valid tree, determinism")
struct ScaleProvinceTests {
    static let shape = ScaleProvinceShape(
        districts: 2, communesPerDistrict: 3, villagesPerCommune: 4, members: 100, seed: 7)

    @Test("1 province → districts → communes → villages, a cell per village and an agency cell per commune")
    func counts() {
        let province = ScaleProvince.dataset(Self.shape)
        let kinds = Dictionary(grouping: province.units, by: \.kind).mapValues(\.count)
        #expect(kinds[.province] == 1)
        #expect(kinds[.district] == 2)
        #expect(kinds[.commune] == 6)
        #expect((kinds[.village] ?? 0) + (kinds[.hamlet] ?? 0) == 24)
        let cells = Dictionary(grouping: province.organisations, by: \.kind).mapValues(\.count)
        #expect(cells[.villageCell] == 24)
        #expect(cells[.communeAgencyCell] == 6)
        #expect(cells[.grassrootsCommittee] == 6)
        #expect(cells[.districtCommittee] == 2)
        #expect(cells[.provincialCommittee] == 1)
        #expect(province.members.count == 100)
        // 100 over 24 cells: 4 each, the first 4 cells one more.
        let perCell = Dictionary(grouping: province.members, by: \.cellCode).mapValues(\.count)
        #expect(perCell.count == 24)
        #expect(perCell.values.sorted() == Array(repeating: 4, count: 20) + Array(repeating: 5, count: 4))
    }

    @Test("the tree is valid and every member passes the import checks (rules.md R1, R26, R27, R28)")
    func valid() {
        let province = ScaleProvince.dataset(Self.shape)
        #expect(DatasetValidator.unitIssues(province.units, known: KnownCodes()).isEmpty)
        let known = KnownCodes(stored: province)
        #expect(DatasetValidator.memberIssues(province.members, known: known).isEmpty)
        let units = Set(province.units.map(\.code))
        #expect(province.organisations.allSatisfy { units.contains($0.unitCode) })
        let villages = province.units.filter(\.kind.isVillageLevel)
        #expect(villages.allSatisfy { $0.code.hasPrefix(($0.parentCode ?? "-") + ".") })
        // Every cell starts with three full members (rules.md R1).
        for (_, members) in Dictionary(grouping: province.members, by: \.cellCode) {
            #expect(members.prefix(3).allSatisfy { $0.party.status == .full })
        }
        let ids = province.members.compactMap(\.citizenID)
        #expect(ids.count == province.members.count && Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("000") && $0.count == 12 })
        #expect(province.members.contains { $0.fullName.contains("Thị") })
    }

    @Test("the same seed gives the same province; another seed another")
    func deterministic() {
        let first = ScaleProvince.dataset(Self.shape)
        let again = ScaleProvince.dataset(Self.shape)
        #expect(first.units == again.units)
        #expect(first.organisations == again.organisations)
        #expect(first.members == again.members)
        var other = Self.shape
        other.seed = 8
        #expect(first.members != ScaleProvince.dataset(other).members)
    }

    @Test("shapes that cannot be generated are refused with a reason")
    func shapes() {
        #expect(ScaleProvinceShape.full.problem == nil)
        #expect(ScaleProvinceShape.full.villages == 1_500)
        var tooFew = Self.shape
        tooFew.members = 24 * 3 - 1
        #expect(tooFew.problem?.contains("at least 3") == true)
        var tooMany = Self.shape
        tooMany.districts = 100
        #expect(tooMany.problem != nil)
    }
}

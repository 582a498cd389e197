import Foundation
import GanDanCore
import Testing

@testable import GanDanDemo

@Suite("The national benchmark's generated country: the 2025 two-level tree, provinces apart, determinism")
struct NationalCountryTests {
    static let shape = NationalShape(provinces: 3, communes: 7, villagesPerCommune: 4, members: 900, seed: 11)

    @Test("since 1-7-2025 communes stand directly under the province, each with its committee and agency cell")
    func twoLevels() {
        let province = NationalCountry.province(0, of: Self.shape)
        let kinds = Dictionary(grouping: province.units, by: \.kind).mapValues(\.count)
        #expect(kinds[.province] == 1)
        #expect(kinds[.district] == nil)
        // 7 communes over 3 provinces: the first takes the remainder.
        #expect(kinds[.commune] == 3)
        #expect((kinds[.village] ?? 0) + (kinds[.hamlet] ?? 0) == 12)
        let communes = province.units.filter { $0.kind == .commune }
        #expect(communes.allSatisfy { $0.parentCode == NationalCountry.provinceCode(0) })
        let organisations = Dictionary(grouping: province.organisations, by: \.kind).mapValues(\.count)
        #expect(organisations[.provincialCommittee] == 1)
        #expect(organisations[.districtCommittee] == nil)
        #expect(organisations[.grassrootsCommittee] == 3)
        #expect(organisations[.communeAgencyCell] == 3)
        #expect(organisations[.villageCell] == 12)
        #expect(province.members.count == 300)
        #expect(Set(province.members.map(\.cellCode)).count == 15)
    }

    @Test("each province's tree is valid and its members pass the import checks (rules.md R1, R27, R28)")
    func valid() {
        for index in 0..<Self.shape.provinces {
            let province = NationalCountry.province(index, of: Self.shape)
            #expect(DatasetValidator.unitIssues(province.units, known: KnownCodes()).isEmpty)
            let known = KnownCodes(stored: province)
            #expect(DatasetValidator.memberIssues(province.members, known: known).isEmpty)
            for (_, members) in Dictionary(grouping: province.members, by: \.cellCode) {
                #expect(members.prefix(3).allSatisfy { $0.party.status == .full })
            }
        }
    }

    @Test("provinces share no code, citizen ID, card or phone, so each is imported on its own into one register")
    func apart() {
        let provinces = (0..<Self.shape.provinces).map { NationalCountry.province($0, of: Self.shape) }
        let units = provinces.flatMap { $0.units.map(\.code) }
        #expect(Set(units).count == units.count)
        let members = provinces.flatMap(\.members)
        for key in [\MemberDraft.citizenID, \.cardNumber, \.phone] {
            let values = members.compactMap { $0[keyPath: key] }
            #expect(!values.isEmpty && Set(values).count == values.count)
        }
        for (index, province) in provinces.enumerated() {
            let prefix = NationalCountry.citizenIDPrefix(province: index)
            #expect(province.members.allSatisfy { $0.citizenID?.hasPrefix(prefix) == true })
        }
    }

    @Test("the same seed gives the same province; another province of it differs")
    func deterministic() {
        let first = NationalCountry.province(1, of: Self.shape)
        let again = NationalCountry.province(1, of: Self.shape)
        #expect(first.units == again.units && first.organisations == again.organisations)
        #expect(first.members.map(\.citizenID) == again.members.map(\.citizenID))
        #expect(
            NationalCountry.province(1, of: Self.shape).members.map(\.fullName)
                != NationalCountry.province(2, of: Self.shape).members.map(\.fullName))
    }
}

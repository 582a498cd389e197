import Foundation
import GanDanCore
import Testing

@testable import GanDanDemo

/// Built once for the suite: the demo is deterministic, so every test sees the same data.
private let demo = NaHangDemo.dataset()
private let reference = NaHangDemo.referenceDate
private let unitsByCode = Dictionary(demo.units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
private let organisationsByCode = Dictionary(
    demo.organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
private let membersByCell = Dictionary(grouping: demo.members, by: \.cellCode)
private let postHolders = Dictionary(
    grouping: demo.members.flatMap { member in member.posts.map { ("\($0.kind)@\($0.organisationCode)", member) } },
    by: \.0
).mapValues { $0.map(\.1) }

private func unit(_ code: String) -> UnitDraft? {
    unitsByCode[code]
}

private func organisation(_ code: String) -> OrganisationDraft? {
    organisationsByCode[code]
}

private func members(of cellCode: String) -> [MemberDraft] {
    membersByCell[cellCode] ?? []
}

private func fullMembers(of cellCode: String) -> Int {
    members(of: cellCode).filter { $0.party.standing(on: reference)?.countsAsFull == true }.count
}

private func villages(of communeCode: String) -> [UnitDraft] {
    demo.units.filter { $0.kind.isVillageLevel && $0.parentCode == communeCode }
}

private func village(named name: String, in communeCode: String) -> UnitDraft? {
    villages(of: communeCode).first { $0.name == name }
}

private func holders(of kind: PostKind, in organisationCode: String) -> [MemberDraft] {
    postHolders["\(kind)@\(organisationCode)"] ?? []
}

@Suite("Na Hang demo data set, March 2019 (rules.md C)")
struct NaHangDemoTests {
    @Test("the demo has Na Hang's 12 communes with their official codes (rules.md C)")
    func communes() {
        let expected: [(String, String)] = [
            ("02221", "Na Hang"), ("02227", "Sinh Long"), ("02230", "Thượng Giáp"), ("02239", "Thượng Nông"),
            ("02245", "Côn Lôn"), ("02248", "Yên Hoa"), ("02254", "Hồng Thái"), ("02260", "Đà Vị"),
            ("02263", "Khau Tinh"), ("02275", "Sơn Phú"), ("02281", "Năng Khả"), ("02284", "Thanh Tương"),
        ]
        let communes = demo.units.filter { $0.kind.level == 3 }
        #expect(communes.map(\.code) == expected.map(\.0))
        #expect(communes.map(\.name) == expected.map(\.1))
        #expect(NaHangDemo.communeCodes == expected.map(\.0))
        #expect(communes.allSatisfy { $0.parentCode == NaHangDemo.districtCode })
        #expect(communes.filter { $0.kind == .township }.map(\.code) == [NaHangDemo.townshipCode])
        #expect(unit(NaHangDemo.districtCode)?.parentCode == NaHangDemo.provinceCode)
        #expect(unit(NaHangDemo.districtCode)?.name == "Na Hang")
        #expect(unit(NaHangDemo.provinceCode)?.name == "Tuyên Quang")
    }

    @Test("every commune has 8–14 villages; the township has residential groups 1–8 (rules.md C)")
    func villageCounts() {
        for code in NaHangDemo.communeCodes {
            let communeVillages = villages(of: code)
            #expect((8...14).contains(communeVillages.count), "\(code) has \(communeVillages.count) villages")
            #expect(Set(communeVillages.map(\.name)).count == communeVillages.count, "names repeat in \(code)")
        }
        let groups = villages(of: NaHangDemo.townshipCode)
        #expect(groups.map(\.name) == (1...8).map { "Tổ dân phố \($0)" })
        #expect(groups.allSatisfy { $0.kind == .residentialGroup })
    }

    @Test("each of the 12 communes has one agency cell under its grassroots committee (rules.md A1)")
    func agencyCells() {
        let cells = demo.organisations.filter { $0.kind == .communeAgencyCell }
        #expect(cells.count == 12)
        for code in NaHangDemo.communeCodes {
            let cell = organisation(OrganisationDraft.agencyCellCode(communeCode: code))
            #expect(cell?.unitCode == code)
            #expect(cell?.parentCode == OrganisationDraft.committeeCode(unitCode: code))
            #expect((18...30).contains(members(of: OrganisationDraft.agencyCellCode(communeCode: code)).count))
        }
        #expect(organisation("CQ-\(NaHangDemo.thanhTuongCode)")?.name == "Chi bộ cơ quan xã Thanh Tương")
        #expect(organisation("CQ-\(NaHangDemo.townshipCode)")?.name == "Chi bộ cơ quan thị trấn Na Hang")
        #expect(organisation("DB-\(NaHangDemo.thanhTuongCode)")?.name == "Đảng bộ xã Thanh Tương")
    }

    @Test("every commune's agency cell holds its key leaders: secretary, deputy, chairmen and mass organisations")
    func keyLeaders() {
        let required: [PostKind] = [
            .partySecretary, .partyDeputySecretary, .peoplesCommitteeChairman, .peoplesCommitteeViceChairman,
            .peoplesCouncilChairman, .fatherlandFrontChairman, .youthUnionSecretary, .womensUnionChairwoman,
            .farmersUnionChairman, .veteransAssociationChairman,
        ]
        for code in NaHangDemo.communeCodes {
            let committee = OrganisationDraft.committeeCode(unitCode: code)
            for kind in required {
                let holders = holders(of: kind, in: committee)
                #expect(!holders.isEmpty, "\(code) lacks \(kind)")
                #expect(holders.allSatisfy { $0.cellCode == OrganisationDraft.agencyCellCode(communeCode: code) })
            }
            #expect(holders(of: .womensUnionChairwoman, in: committee).allSatisfy { $0.sex == .female })
        }
    }

    @Test("Hoàng Văn Hoan is Thanh Tương's deputy party secretary and People's Committee chairman (rules.md C)")
    func hoangVanHoan() throws {
        let hoan = try #require(demo.members.first { $0.fullName == NaHangDemo.hoangVanHoan })
        #expect(hoan.cellCode == OrganisationDraft.agencyCellCode(communeCode: NaHangDemo.thanhTuongCode))
        let committee = OrganisationDraft.committeeCode(unitCode: NaHangDemo.thanhTuongCode)
        let posts = hoan.posts.filter { $0.organisationCode == committee }.map(\.kind)
        #expect(Set(posts) == [.partyDeputySecretary, .peoplesCommitteeChairman])
        #expect(hoan.party.standing(on: reference) == .full)
        #expect(hoan.residenceVillageCode != NaHangDemo.naCoocVillageCode)
    }

    @Test("La Văn Đường and the Youth Union secretary are in Năng Khả's agency cell (rules.md C)")
    func nangKhaLeaders() throws {
        let committee = OrganisationDraft.committeeCode(unitCode: NaHangDemo.nangKhaCode)
        let agencyCell = OrganisationDraft.agencyCellCode(communeCode: NaHangDemo.nangKhaCode)
        let duong = try #require(demo.members.first { $0.fullName == NaHangDemo.laVanDuong })
        #expect(duong.cellCode == agencyCell)
        #expect(duong.posts.contains { $0.kind == .peoplesCommitteeViceChairman && $0.organisationCode == committee })
        let youth = holders(of: .youthUnionSecretary, in: committee)
        #expect(youth.map(\.fullName) == [NaHangDemo.nangKhaYouthSecretary])
        #expect(youth.allSatisfy { $0.cellCode == agencyCell })
    }

    @Test("Nà Coóc is Thanh Tương's farthest village at 19 km and its poorest (rules.md A3)")
    func naCooc() throws {
        let naCooc = try #require(village(named: "Nà Coóc", in: NaHangDemo.thanhTuongCode))
        #expect(naCooc.code == NaHangDemo.naCoocVillageCode)
        #expect(naCooc.profile?.distanceKm == 19)
        let others = villages(of: NaHangDemo.thanhTuongCode).filter { $0.code != naCooc.code }
        #expect(others.allSatisfy { ($0.profile?.distanceKm ?? 0) < 19 })
        let rate = try #require(naCooc.profile?.povertyRate)
        #expect(others.allSatisfy { ($0.profile?.povertyRate ?? 0) < rate })
        #expect(village(named: "Nà Làng", in: NaHangDemo.thanhTuongCode)?.code == NaHangDemo.naLangVillageCode)
    }

    @Test("Nà Coóc's cell is Thanh Tương's only weak cell, rated lowest in 2018, with few full members (rules.md A3)")
    func naCoocCell() throws {
        let cell = try #require(
            organisation(OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode)))
        #expect(cell.name == "Chi bộ thôn Nà Coóc")
        let rating = try #require(cell.ratings.first { $0.year == 2018 })
        #expect(rating.level == .notCompleted && rating.weak && rating.weakReason?.isEmpty == false)
        let commune = demo.organisations.filter {
            $0.kind.isCell && $0.parentCode == OrganisationDraft.committeeCode(unitCode: NaHangDemo.thanhTuongCode)
        }
        for other in commune where other.code != cell.code {
            #expect(!other.ratings.contains { $0.weak }, "\(other.name) is weak")
            #expect(other.ratings.allSatisfy { $0.level != .notCompleted }, "\(other.name) did not complete")
        }
        #expect((6...8).contains(fullMembers(of: cell.code)))
    }

    @Test("Năng Khả's named villages exist and Bản Tùn has 10 poor households under 2016–2020 (rules.md A6, R25)")
    func banTun() throws {
        for name in ["Bản Tùn", "Lũng Giang", "Lũng Trúc", "Bản Nuầy", "Nà Vai", "Nà Khá"] {
            #expect(village(named: name, in: NaHangDemo.nangKhaCode) != nil, "\(name) is missing")
        }
        let banTun = try #require(unit(NaHangDemo.banTunVillageCode))
        #expect(banTun.name == "Bản Tùn" && banTun.parentCode == NaHangDemo.nangKhaCode)
        #expect(banTun.profile?.poorHouseholds == 10)
        #expect(banTun.profile?.povertyStandard == "2016-2020" && banTun.profile?.povertyYear == 2018)
        #expect(organisation("CB-\(NaHangDemo.banTunVillageCode)")?.name == "Chi bộ thôn Bản Tùn")
        let farthest = villages(of: NaHangDemo.nangKhaCode).max {
            ($0.profile?.distanceKm ?? 0) < ($1.profile?.distanceKm ?? 0)
        }
        #expect(farthest?.code == NaHangDemo.lungGiangVillageCode)
    }

    @Test("Hoàng Văn Tài is the secretary of the Khuổi Phầy cell in Hồng Thái (rules.md C, R27)")
    func hoangVanTai() throws {
        for name in ["Khuổi Phầy", "Nà Kiếm", "Khâu Tràng"] {
            #expect(village(named: name, in: NaHangDemo.hongThaiCode) != nil, "\(name) is missing")
        }
        #expect(village(named: "Khuổi Phầy", in: NaHangDemo.hongThaiCode)?.code == NaHangDemo.khuoiPhayVillageCode)
        let cellCode = OrganisationDraft.villageCellCode(villageCode: NaHangDemo.khuoiPhayVillageCode)
        let secretaries = holders(of: .cellSecretary, in: cellCode)
        #expect(secretaries.map(\.fullName) == [NaHangDemo.hoangVanTai])
        #expect(secretaries.allSatisfy { $0.cellCode == cellCode && $0.party.standing(on: reference) == .full })
    }

    @Test(
        "the communes' 146 cells hold between 3,000 and 4,000 members: 12 agency cells and a cell per village (rules.md C)"
    )
    func totals() {
        let communeCells = Set(
            demo.organisations.filter { $0.kind == .communeAgencyCell || $0.kind == .villageCell }.map(\.code))
        #expect(communeCells.count == 146)
        #expect((3000...4000).contains(demo.members.count { communeCells.contains($0.cellCode) }))
        let villageCells = demo.organisations.filter { $0.kind == .villageCell }
        #expect(villageCells.count == demo.units.filter(\.kind.isVillageLevel).count)
        for cell in villageCells {
            #expect((5...45).contains(members(of: cell.code).count), "\(cell.name) has an odd size")
        }
        #expect(villageCells.filter { fullMembers(of: $0.code) < 9 }.count >= 3)
    }

    @Test("the demo has Na Hang's 35 grassroots organisations and more than 4,200 members (rules.md C)")
    func grassrootsOrganisations() {
        let district = OrganisationDraft.committeeCode(unitCode: NaHangDemo.districtCode)
        let grassroots = demo.organisations.filter { $0.parentCode == district }
        #expect(grassroots.count == 35)
        // The 12 communes' committees, and 23 others: đảng bộ cơ sở with cells, and chi bộ cơ sở that are cells.
        let communes = grassroots.filter { NaHangDemo.communeCodes.contains($0.unitCode) }
        #expect(communes.count == 12 && communes.allSatisfy { $0.kind == .grassrootsCommittee })
        let others = grassroots.filter { $0.unitCode == NaHangDemo.districtCode }
        #expect(others.count == 23)
        #expect(others.contains { $0.kind == .grassrootsCommittee } && others.contains { $0.kind == .otherCell })
        for committee in others where committee.kind == .grassrootsCommittee {
            let cells = demo.organisations.filter { $0.parentCode == committee.code }
            #expect(cells.count >= 2 && cells.allSatisfy { $0.kind == .otherCell }, "\(committee.name)")
            #expect(!holders(of: .partySecretary, in: committee.code).isEmpty, "\(committee.name)")
        }
        for name in ["Công an", "Quân sự", "Y tế", "Trường", "Ngân hàng", "Công ty"] {
            #expect(others.contains { $0.name.contains(name) }, "no \(name)")
        }
        // Every grassroots organisation's members, through its cells.
        let cellsUnder = Dictionary(grouping: demo.organisations.filter(\.kind.isCell)) { cell in
            cell.parentCode == district ? cell.code : cell.parentCode ?? ""
        }
        for organisation in grassroots {
            let held = (cellsUnder[organisation.code] ?? []).reduce(0) { $0 + members(of: $1.code).count }
            #expect(held > 0, "\(organisation.name) has no members")
        }
        #expect(demo.members.count > 4200)
        // Members of the district bodies live in the district; the communes' people are as before.
        #expect(demo.members.allSatisfy { $0.residenceVillageCode.flatMap(unit)?.kind.isVillageLevel ?? true })
    }

    @Test("R27: no two cells of the district share a name once each is named with its commune")
    func cellNamesInDistrict() {
        let names = demo.organisations.filter(\.kind.isCell).map { cell -> String in
            let place = unit(cell.unitCode)
            let communeCode =
                place?.kind.level == 3 ? place?.code : place?.kind.isVillageLevel == true ? place?.parentCode : nil
            let commune = communeCode.flatMap(unit)
            return CellNaming.withCommune(cell.name, communeKind: commune?.kind, communeName: commune?.name)
        }
        #expect(Set(names).count == names.count)
        #expect(names.contains("Chi bộ thôn Nà Coóc (xã Thanh Tương)"))
    }

    @Test("every cell has one full-member secretary; ≥ 9 full members bring a deputy (rules.md R1–R4)")
    func cellSecretaries() {
        for cell in demo.organisations where cell.kind.isCell {
            let secretaries = holders(of: .cellSecretary, in: cell.code)
            let deputies = holders(of: .cellDeputySecretary, in: cell.code)
            let full = fullMembers(of: cell.code)
            #expect(secretaries.count == 1, "\(cell.name) has \(secretaries.count) secretaries")
            #expect(full >= CharterSettings.standard.minimumFullMembers, "\(cell.name) has \(full) full members")
            #expect(deputies.count == (full >= CharterSettings.standard.committeeThreshold ? 1 : 0))
            for holder in secretaries + deputies {
                #expect(holder.cellCode == cell.code && holder.party.standing(on: reference) == .full)
            }
        }
    }

    @Test(
        "cells with ≥ 9 full members have a committee beside secretary and deputy, named on a day they had 9 (rules.md R2, R3)"
    )
    func cellCommittees() {
        var withCommittee = 0
        for cell in demo.organisations where cell.kind.isCell {
            let members = demo.members.filter { $0.cellCode == cell.code }
            let seats = members.flatMap { member in
                member.posts.filter { $0.kind == .cellCommitteeMember && $0.organisationCode == cell.code }.map {
                    (member, $0.validity.from)
                }
            }
            guard fullMembers(of: cell.code) >= CharterSettings.standard.committeeThreshold else {
                #expect(seats.isEmpty, "\(cell.name) has fewer than 9 full members and a committee")
                continue
            }
            withCommittee += 1
            #expect((1...5).contains(seats.count), "\(cell.name): \(seats.count) committee members")
            for (member, day) in seats {
                #expect(member.party.standing(on: day) == .full && member.joinedCellOn <= day)
                #expect(!member.posts.contains { $0.kind == .cellSecretary || $0.kind == .cellDeputySecretary })
                let fullThen = members.filter {
                    $0.joinedCellOn <= day && $0.party.standing(on: day)?.countsAsFull == true
                }
                #expect(fullThen.count >= CharterSettings.standard.committeeThreshold, "\(cell.name) on \(day.iso)")
            }
        }
        #expect(withCommittee >= 100, "\(withCommittee) cells with a committee")
    }

    @Test("unit, organisation, card and citizen codes are unique")
    func uniqueCodes() {
        let units = demo.units.map(\.code)
        let organisations = demo.organisations.map(\.code)
        let cards = demo.members.compactMap(\.cardNumber)
        let phones = demo.members.compactMap(\.phone)
        #expect(Set(units).count == units.count)
        #expect(Set(organisations).count == organisations.count)
        #expect(Set(cards).count == cards.count)
        #expect(Set(phones).count == phones.count)
    }

    @Test("every referenced code exists: parents, units, cells, posts and residences (rules.md R27)")
    func references() {
        let units = unitsByCode
        let organisations = Set(demo.organisations.map(\.code))
        let cells = Set(demo.organisations.filter(\.kind.isCell).map(\.code))
        for unit in demo.units {
            if let parent = unit.parentCode {
                #expect(units[parent].map { unit.kind.mayHaveParent($0.kind) } == true, "\(unit.code)")
            }
            if unit.kind.isVillageLevel, let parent = unit.parentCode {
                let local = unit.code.dropFirst(parent.count + 1)
                #expect(unit.code.hasPrefix(parent + ".") && local.count == 2 && local.allSatisfy(\.isNumber))
                #expect(unit.profile != nil)
            }
        }
        for organisation in demo.organisations {
            #expect(units[organisation.unitCode] != nil, "\(organisation.code)")
            #expect(organisation.parentCode.map { organisations.contains($0) } ?? true, "\(organisation.code)")
        }
        for member in demo.members {
            #expect(cells.contains(member.cellCode))
            #expect(member.posts.allSatisfy { organisations.contains($0.organisationCode) })
            #expect(member.residenceVillageCode.flatMap { units[$0] }?.kind.isVillageLevel == true)
        }
    }

    @Test("citizen IDs are 12 digits starting with 000, a province code that does not exist, and unique")
    func citizenIDs() {
        let ids = demo.members.compactMap(\.citizenID)
        #expect(ids.count == demo.members.count)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 12 && $0.hasPrefix("000") && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    }

    @Test("the demo is deterministic: two builds encode to the same JSON")
    func deterministic() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // key order is otherwise unspecified
        #expect(try encoder.encode(demo) == encoder.encode(NaHangDemo.dataset()))
    }

    @Test("no date in the demo is after the reference date, March 2019")
    func datesBeforeReference() {
        var dates = demo.units.map(\.validity.from) + demo.organisations.map(\.validity.from)
        for member in demo.members {
            let party = member.party
            dates += [member.birthDate, party.admittedOn, member.joinedCellOn] + member.posts.map(\.validity.from)
            dates += [party.officialOn, party.statusSince].compactMap { $0 }
        }
        #expect(dates.allSatisfy { $0 <= reference })
        #expect(demo.organisations.flatMap(\.ratings).allSatisfy { $0.year < reference.year })
        #expect(demo.units.allSatisfy { $0.validity.until == nil })
    }

    @Test("every member has a standing on the reference date unless they left or died; ≥ 80 % are full (rules.md R4)")
    func standings() {
        var full = 0
        var probationary = 0
        var exempt = 0
        for member in demo.members {
            let standing = member.party.standing(on: reference)
            let gone = member.party.status == .left || member.party.status == .deceased
            #expect((standing == nil) == gone, "\(member.fullName)")
            if standing?.countsAsFull == true { full += 1 }
            if standing == .probationary { probationary += 1 }
            if standing == .exempt { exempt += 1 }
        }
        let total = Double(demo.members.count)
        #expect(Double(full) >= 0.8 * total)
        #expect((0.07...0.13).contains(Double(probationary) / total))
        #expect((0.04...0.08).contains(Double(exempt) / total))
        #expect((1...40).contains(demo.members.count { $0.party.standing(on: reference) == nil }))
    }

    @Test("party dates follow the charter: admitted at 18–55, full 12 months later, joined after admission (R21, R23)")
    func partyDates() {
        for member in demo.members {
            let party = member.party
            #expect((18...55).contains(member.birthDate.wholeYears(until: party.admittedOn)), "\(member.fullName)")
            #expect((1940...2000).contains(member.birthDate.year))
            #expect(member.joinedCellOn >= party.admittedOn)
            if let official = party.officialOn {
                #expect(official == party.admittedOn.adding(months: 12))
            } else {
                #expect(party.status == .probationary && party.admittedOn > reference.adding(months: -12))
            }
            if let since = party.statusSince { #expect(since >= (party.officialOn ?? party.admittedOn)) }
            let cellFounded = organisation(member.cellCode)?.validity.from ?? reference
            #expect(member.joinedCellOn >= cellFounded)
        }
    }

    @Test("villages have profiles: 1–19 km, 60–250 households, 5–45 % poor, counted under 2016–2020 (A3, R25)")
    func villageProfiles() {
        for village in demo.units where village.kind.isVillageLevel {
            guard let profile = village.profile, let distance = profile.distanceKm,
                let households = profile.households, let rate = profile.povertyRate
            else {
                Issue.record("\(village.code) lacks a profile")
                continue
            }
            #expect(distance >= 1 && distance <= 19)
            #expect((60...250).contains(households))
            #expect(rate >= 0.04 && rate <= 0.45, "\(village.code): \(rate)")
            #expect(profile.povertyStandard == "2016-2020" && profile.povertyYear == 2018)
        }
    }

    @Test("agency members live in their commune; village members in their own village (rules.md A4)")
    func residences() {
        for member in demo.members {
            guard let residence = member.residenceVillageCode else { continue }
            if member.cellCode.hasPrefix("CQ-") {
                #expect(residence.hasPrefix(member.cellCode.dropFirst(3) + "."))
            } else if organisation(member.cellCode)?.unitCode == NaHangDemo.districtCode {
                #expect(unit(residence)?.kind.isVillageLevel == true)
            } else {
                #expect(member.cellCode == OrganisationDraft.villageCellCode(villageCode: residence))
            }
        }
    }

    @Test("about 8 % of village cells are weak, each with a reason; excellent stays ≤ 20 % of good (R18, R20)")
    func ratings() {
        let villageCells = demo.organisations.filter { $0.kind == .villageCell }
        let weak = villageCells.filter { cell in cell.ratings.contains { $0.weak } }
        #expect((0.05...0.12).contains(Double(weak.count) / Double(villageCells.count)))
        for cell in demo.organisations where cell.kind.isCell {
            #expect(cell.ratings.map(\.year) == [2017, 2018])
            #expect(cell.ratings.allSatisfy { !$0.weak || $0.weakReason?.isEmpty == false })
        }
        for committee in demo.organisations where committee.kind == .grassrootsCommittee {
            let cells = demo.organisations.filter { $0.parentCode == committee.code }
            for year in [2017, 2018] {
                let levels = cells.compactMap { $0.ratings.first { $0.year == year }?.level }
                #expect(levels.count { $0 == .excellent } * 5 <= levels.count { $0 == .good })
            }
        }
    }

    @Test("invented names use every Vietnamese letter and tone mark, never the article's officials' names")
    func names() {
        let letters = Set(demo.members.map(\.fullName).joined().lowercased())
        for letter in "đươăâêô" { #expect(letters.contains(letter), "no \(letter)") }
        let marks = Set(demo.members.map(\.fullName).joined().decomposedStringWithCanonicalMapping.unicodeScalars)
        for mark: Unicode.Scalar in ["\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"] {
            #expect(marks.contains(mark), "no tone mark U+\(String(mark.value, radix: 16))")
        }
        for name in [NaHangDemo.hoangVanHoan, NaHangDemo.laVanDuong, NaHangDemo.hoangVanTai] {
            #expect(demo.members.count { $0.fullName == name } == 1)
        }
        let female = demo.members.count { $0.sex == .female }
        #expect((0.35...0.5).contains(Double(female) / Double(demo.members.count)))
    }
}

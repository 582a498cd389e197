import GanDanCore

/// A grassroots party organisation directly under the district committee other than a commune's: a đảng bộ cơ sở with
/// cells of its own, or a chi bộ cơ sở that is itself a cell (rules.md C: Na Hang has 35 grassroots organisations,
/// the 12 communes' and 23 others). Names are invented after the usual district agencies.
struct NaHangDistrictBody {
    /// Two digits, unique in the district: the organisation's code is "DB-072.NN" or "CB-072.NN".
    let number: String
    /// The agency, school, force or enterprise, as the organisation's name ends ("Công an huyện Na Hang").
    let name: String
    /// The cells of a đảng bộ cơ sở with their sizes; empty for a chi bộ cơ sở.
    let cells: [(name: String, size: ClosedRange<Int>)]
    /// The size of a chi bộ cơ sở.
    let size: ClosedRange<Int>
    /// The commune most of its members live in (the township unless the body sits elsewhere).
    let homeCommune: String

    init(
        _ number: String, _ name: String, cells: [(name: String, size: ClosedRange<Int>)] = [],
        size: ClosedRange<Int> = 0...0, home: String = NaHangDemo.townshipCode
    ) {
        self.number = number
        self.name = name
        self.cells = cells
        self.size = size
        homeCommune = home
    }

    var isCommittee: Bool { !cells.isEmpty }
    var code: String { (isCommittee ? "DB-" : "CB-") + NaHangDemo.districtCode + "." + number }
    var fullName: String { (isCommittee ? "Đảng bộ " : "Chi bộ ") + name }
}

extension NaHangDemo {
    /// The 23 grassroots organisations besides the communes': forces, health, schools, agencies and enterprises.
    static let districtBodies: [NaHangDistrictBody] = [
        NaHangDistrictBody(
            "01", "Công an huyện Na Hang",
            cells: [
                ("An ninh", 47...55), ("Cảnh sát", 49...55), ("Tham mưu - Hậu cần", 41...49),
                ("Công an các xã, thị trấn", 37...45),
            ]),
        NaHangDistrictBody(
            "02", "Quân sự huyện Na Hang",
            cells: [("Tham mưu", 35...43), ("Chính trị - Hậu cần", 33...41), ("Dân quân thường trực", 27...33)]),
        NaHangDistrictBody(
            "03", "Trung tâm Y tế huyện Na Hang",
            cells: [
                ("Khám bệnh - Cấp cứu", 31...37), ("Nội - Nhi - Lây", 31...37), ("Ngoại - Sản", 29...35),
                ("Y tế dự phòng - Dân số", 27...33),
            ]),
        NaHangDistrictBody("04", "Văn phòng Huyện ủy Na Hang", size: 31...37),
        NaHangDistrictBody("05", "các Ban xây dựng Đảng Huyện ủy Na Hang", size: 37...45),
        NaHangDistrictBody("06", "Văn phòng HĐND và UBND huyện Na Hang", size: 37...45),
        NaHangDistrictBody("07", "Cơ quan Mặt trận Tổ quốc và các đoàn thể huyện Na Hang", size: 35...43),
        NaHangDistrictBody("08", "Phòng Tài chính - Kế hoạch huyện Na Hang", size: 21...25),
        NaHangDistrictBody("09", "Phòng Nông nghiệp và Phát triển nông thôn huyện Na Hang", size: 25...31),
        NaHangDistrictBody("10", "Phòng Giáo dục và Đào tạo huyện Na Hang", size: 23...29),
        NaHangDistrictBody("11", "Tòa án nhân dân huyện Na Hang", size: 21...25),
        NaHangDistrictBody("12", "Viện Kiểm sát nhân dân huyện Na Hang", size: 21...25),
        NaHangDistrictBody("13", "Chi cục Thi hành án dân sự huyện Na Hang", size: 17...20),
        NaHangDistrictBody("14", "Kho bạc Nhà nước Na Hang", size: 17...20),
        NaHangDistrictBody("15", "Chi cục Thuế huyện Na Hang", size: 29...35),
        NaHangDistrictBody("16", "Hạt Kiểm lâm Na Hang", size: 33...39),
        NaHangDistrictBody("17", "Ban Quản lý rừng đặc dụng Na Hang", size: 23...29, home: "02239"),
        NaHangDistrictBody("18", "Trường Trung học phổ thông Na Hang", size: 49...55),
        NaHangDistrictBody("19", "Trường Trung học phổ thông Yên Hoa", size: 35...41, home: "02248"),
        NaHangDistrictBody("20", "Trường Phổ thông Dân tộc nội trú THCS và THPT Na Hang", size: 41...49),
        NaHangDistrictBody("21", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên Na Hang", size: 23...29),
        NaHangDistrictBody("22", "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Na Hang", size: 23...29),
        NaHangDistrictBody("23", "Công ty Cổ phần Chè Khau Tinh", size: 19...23, home: "02263"),
    ]
}

/// The 23 district bodies' organisations and members, drawn after the communes' with a generator of their own, so the
/// communes' people and the article's placement are exactly as before (rules.md C, A3).
extension NaHangDemoBuilder {
    static let districtBodiesSeed: UInt64 = 0x4E61_4861_6E67_0035

    mutating func addDistrictBodies() {
        let communeRandom = random
        random = SeededRandom(seed: Self.districtBodiesSeed)
        let district = OrganisationDraft.committeeCode(unitCode: NaHangDemo.districtCode)
        for body in NaHangDemo.districtBodies {
            communeNames = []
            let founded = random.date(from: Self.yearStart(1976), through: Self.yearEnd(2008))
            if body.isCommittee {
                organisations.append(
                    OrganisationDraft(
                        code: body.code, kind: .grassrootsCommittee, name: body.fullName,
                        unitCode: NaHangDemo.districtCode, parentCode: district, validity: Validity(from: founded)))
                let ratings = [2017, 2018].map { groupRatings(year: $0, weak: body.cells.map { _ in false }) }
                var committee: [MemberDraft] = []
                for (offset, cell) in body.cells.enumerated() {
                    let code = "CB-\(NaHangDemo.districtCode).\(body.number).\(offset < 9 ? "0" : "")\(offset + 1)"
                    organisations.append(
                        OrganisationDraft(
                            code: code, kind: .otherCell, name: "Chi bộ \(cell.name)",
                            unitCode: NaHangDemo.districtCode,
                            parentCode: body.code, validity: Validity(from: founded),
                            ratings: ratings.map { $0[offset] }))
                    var members = (0..<random.int(cell.size)).map { _ in
                        bodyMember(body, cellCode: code, founded: founded)
                    }
                    assignCellPosts(&members, cellCode: code, staffOnly: false)
                    committee += members
                }
                appointCommittee(&committee, of: body)
                members += committee
            } else {
                let rating = [2017, 2018].map { groupRatings(year: $0, weak: [false])[0] }
                organisations.append(
                    OrganisationDraft(
                        code: body.code, kind: .otherCell, name: body.fullName, unitCode: NaHangDemo.districtCode,
                        parentCode: district, validity: Validity(from: founded), ratings: rating))
                var cell = (0..<random.int(body.size)).map { _ in
                    bodyMember(body, cellCode: body.code, founded: founded)
                }
                assignCellPosts(&cell, cellCode: body.code, staffOnly: false)
                members += cell
            }
        }
        random = communeRandom
    }

    /// A đảng bộ cơ sở's secretary and deputy, then three committee members, from its cells' seasoned full members
    /// (rules.md R7: they make its standing body).
    private mutating func appointCommittee(_ members: inout [MemberDraft], of body: NaHangDistrictBody) {
        var candidates = members.indices.filter { index in
            members[index].party.status == .full && members[index].party.officialOn.map { $0.year < 2014 } == true
        }
        random.shuffle(&candidates)
        let posts: [PostKind] =
            [.partySecretary, .partyDeputySecretary] + Array(repeating: .partyCommitteeMember, count: 3)
        for (kind, index) in zip(posts, candidates) {
            let from = max(
                random.date(from: Self.date(2015, 5, 1), through: Self.date(2015, 7, 31)), members[index].joinedCellOn)
            members[index].posts.append(
                PostDraft(kind: kind, organisationCode: body.code, validity: Validity(from: from)))
        }
    }

    /// A member working at the body: mostly full, about 9 % probationary, a few exempt for long illness; living in
    /// the body's commune, some elsewhere in the district.
    private mutating func bodyMember(_ body: NaHangDistrictBody, cellCode: String, founded: CivilDate) -> MemberDraft {
        let sex: Sex =
            random.chance(body.name.hasPrefix("Công an") || body.name.hasPrefix("Quân sự") ? 0.15 : 0.5)
            ? .female : .male
        let commune = NaHangDemo.communes.first { $0.code == body.homeCommune } ?? NaHangDemo.communes[0]
        let ethnicity = random.weighted(commune.ethnicMix.map { ($0.0, $0.0 == "Kinh" ? $0.1 + 25 : $0.1) })
        let roll = random.int(0...999)
        var history =
            roll < 90
            ? probationaryHistory(ages: 22...35) : fullHistory(birthYears: 1962...1994, officialBy: Self.reference)
        if roll >= 90 && roll < 120 && history.party.officialOn.map({ $0 < Self.reference.adding(months: -12) }) == true
        {
            history.party.status = .exempt
            history.party.statusSince = random.date(
                from: Self.reference.adding(months: -12), through: Self.reference.adding(days: -30))
        }
        let homeVillages = villages(of: commune)
        let residence = random.pick(random.chance(0.8) && !homeVillages.isEmpty ? homeVillages : villages)
        let earliest = max(history.birth.adding(months: 22 * 12), founded)
        let latest = Self.reference.adding(months: -2)
        let started = earliest < latest ? random.date(from: earliest, through: latest) : earliest
        return MemberDraft(
            fullName: personName(sex: sex, ethnicity: ethnicity), birthDate: history.birth, sex: sex,
            ethnicity: ethnicity, citizenID: citizenID(birth: history.birth, sex: sex),
            phone: phone(birth: history.birth), residenceVillageCode: residence.unit.code,
            education: random.weighted(NaHangNames.staffEducation), cardNumber: cardNumber(for: history.party),
            party: history.party, cellCode: cellCode,
            joinedCellOn: min(max(started, history.party.admittedOn), Self.reference))
    }
}

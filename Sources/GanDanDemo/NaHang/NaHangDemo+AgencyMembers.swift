import GanDanCore

/// A commune post held in the agency cell, with who may hold it.
struct NaHangRole {
    let posts: [PostKind]
    var birthYears: ClosedRange<Int> = 1962...1984
    var sex: Sex?
    /// An official the article names; everyone else is invented.
    var fixedName: String?
}

/// Commune agency cells: 18–30 commune officials each, the key leaders with their posts and the civil
/// servants, living in villages of their own commune, mostly near the centre (rules.md C, A3, R16).
extension NaHangDemoBuilder {
    mutating func addAgencyCellMembers(of commune: NaHangCommune) {
        let communeVillages = villages(of: commune)
        let roles = leaderRoles(of: commune)
        var cell = roles.map { leader($0, of: commune, villages: communeVillages) }
        let size = random.int(18...30)
        while cell.count < size {
            cell.append(civilServant(of: commune, villages: communeVillages))
        }
        assignCellPosts(&cell, cellCode: OrganisationDraft.agencyCellCode(communeCode: commune.code), staffOnly: true)
        settleArticleResidences(&cell, commune: commune)
        members += cell
    }

    /// Where the article's officials live, so that placement reproduces it from data (rules.md A6, issue
    /// "placement"): La Văn Đường and the Youth Union secretary live in Bản Tùn. In Hồng Thái, Khuổi Phầy is home
    /// to exactly three agency members, two of them key commune officials as the article says (seed article ¶5): the
    /// party secretary, placed by residence because the post is exempt from the difficulty rule (rules.md R16, A4),
    /// and the Youth Union secretary, whose home village's pull outweighs the travel elsewhere (rules.md A3); and one
    /// civil servant.
    private func settleArticleResidences(_ cell: inout [MemberDraft], commune: NaHangCommune) {
        if commune.code == NaHangDemo.nangKhaCode {
            for index in cell.indices
            where [NaHangDemo.laVanDuong, NaHangDemo.nangKhaYouthSecretary].contains(cell[index].fullName) {
                cell[index].residenceVillageCode = NaHangDemo.banTunVillageCode
            }
        }
        guard commune.code == NaHangDemo.hongThaiCode else { return }
        let others = villages(of: commune).map(\.unit.code).filter { $0 != NaHangDemo.khuoiPhayVillageCode }
        var staffPlaced = 0
        for index in cell.indices {
            let kinds = cell[index].posts.map(\.kind)
            let isStaff = kinds.allSatisfy { !$0.isKeyLeader }
            if !Set(kinds).isDisjoint(with: NaHangDemo.khuoiPhayOfficialPosts) || (isStaff && staffPlaced < 1) {
                cell[index].residenceVillageCode = NaHangDemo.khuoiPhayVillageCode
                if isStaff { staffPlaced += 1 }
            } else if cell[index].residenceVillageCode == NaHangDemo.khuoiPhayVillageCode, !others.isEmpty {
                cell[index].residenceVillageCode = others[index % others.count]
            }
        }
    }

    /// The key leaders; in Thanh Tương the deputy secretary also chairs the People's Committee, as in the
    /// article, and elsewhere such combinations vary.
    private mutating func leaderRoles(of commune: NaHangCommune) -> [NaHangRole] {
        let thanhTuong = commune.code == NaHangDemo.thanhTuongCode
        let nangKha = commune.code == NaHangDemo.nangKhaCode
        let secretaryChairsCouncil = random.chance(0.5)
        let deputyChairsCommittee = thanhTuong || random.chance(0.5)
        var roles = [
            NaHangRole(posts: secretaryChairsCouncil ? [.partySecretary, .peoplesCouncilChairman] : [.partySecretary])
        ]
        if deputyChairsCommittee {
            roles.append(
                NaHangRole(
                    posts: [.partyDeputySecretary, .peoplesCommitteeChairman], sex: thanhTuong ? .male : nil,
                    fixedName: thanhTuong ? NaHangDemo.hoangVanHoan : nil))
        } else {
            roles += [NaHangRole(posts: [.partyDeputySecretary]), NaHangRole(posts: [.peoplesCommitteeChairman])]
        }
        if !secretaryChairsCouncil { roles.append(NaHangRole(posts: [.peoplesCouncilChairman])) }
        roles.append(
            NaHangRole(
                posts: [.peoplesCommitteeViceChairman], sex: nangKha ? .male : nil,
                fixedName: nangKha ? NaHangDemo.laVanDuong : nil))
        if random.chance(0.5) { roles.append(NaHangRole(posts: [.peoplesCommitteeViceChairman])) }
        roles += [
            NaHangRole(posts: [.fatherlandFrontChairman], birthYears: 1958...1975),
            NaHangRole(
                posts: [.youthUnionSecretary], birthYears: 1987...1993, sex: nangKha ? .female : nil,
                fixedName: nangKha ? NaHangDemo.nangKhaYouthSecretary : nil),
            NaHangRole(posts: [.womensUnionChairwoman], birthYears: 1965...1985, sex: .female),
            NaHangRole(posts: [.farmersUnionChairman], birthYears: 1960...1980),
            NaHangRole(posts: [.veteransAssociationChairman], birthYears: 1955...1966, sex: .male),
        ]
        return roles
    }

    /// A key leader, admitted and official before the first post began.
    private mutating func leader(_ role: NaHangRole, of commune: NaHangCommune, villages: [NaHangVillage])
        -> MemberDraft
    {
        let committee = OrganisationDraft.committeeCode(unitCode: commune.code)
        let posts = role.posts.map { kind in
            PostDraft(kind: kind, organisationCode: committee, validity: Validity(from: postStart(kind)))
        }
        let firstPost = posts.map(\.validity.from).min() ?? Self.reference
        let sex = role.sex ?? (random.chance(0.12) ? .female : .male)
        let ethnicity = role.fixedName == nil ? random.weighted(staffMix(commune)) : "Tày"
        let history = fullHistory(birthYears: role.birthYears, officialBy: firstPost)
        let jobStart = min(jobStartDate(birth: history.birth, commune: commune, through: firstPost), firstPost)
        let residence = role.fixedName == nil ? staffResidence(villages) : villages.min { nearer($0, $1) }
        return MemberDraft(
            fullName: role.fixedName ?? personName(sex: sex, ethnicity: ethnicity), birthDate: history.birth, sex: sex,
            ethnicity: ethnicity, citizenID: citizenID(birth: history.birth, sex: sex),
            phone: phone(birth: history.birth), residenceVillageCode: residence?.unit.code,
            education: random.weighted(NaHangNames.leaderEducation), cardNumber: cardNumber(for: history.party),
            party: history.party, cellCode: OrganisationDraft.agencyCellCode(communeCode: commune.code),
            joinedCellOn: max(jobStart, history.party.admittedOn), posts: posts)
    }

    /// A commune civil servant; about 9 % are still probationary.
    private mutating func civilServant(of commune: NaHangCommune, villages: [NaHangVillage]) -> MemberDraft {
        let sex: Sex = random.chance(0.45) ? .female : .male
        let ethnicity = random.weighted(staffMix(commune))
        let history =
            random.chance(0.09)
            ? probationaryHistory(ages: 22...35) : fullHistory(birthYears: 1965...1994, officialBy: Self.reference)
        let jobStart = jobStartDate(birth: history.birth, commune: commune, through: Self.reference.adding(months: -2))
        return MemberDraft(
            fullName: personName(sex: sex, ethnicity: ethnicity), birthDate: history.birth, sex: sex,
            ethnicity: ethnicity, citizenID: citizenID(birth: history.birth, sex: sex),
            phone: phone(birth: history.birth), residenceVillageCode: staffResidence(villages)?.unit.code,
            education: random.weighted(NaHangNames.staffEducation), cardNumber: cardNumber(for: history.party),
            party: history.party, cellCode: OrganisationDraft.agencyCellCode(communeCode: commune.code),
            joinedCellOn: max(jobStart, history.party.admittedOn),
            posts: [
                PostDraft(
                    kind: .civilServant, organisationCode: OrganisationDraft.committeeCode(unitCode: commune.code),
                    validity: Validity(from: jobStart))
            ])
    }

    /// When the official took up the commune job: from age 21 and the agency cell's founding, by `through`.
    private mutating func jobStartDate(birth: CivilDate, commune: NaHangCommune, through: CivilDate) -> CivilDate {
        let earliest = max(birth.adding(months: 21 * 12), agencyCellFounded(commune), Self.yearStart(1990))
        return min(random.date(from: earliest, through: through), through)
    }

    /// The term a post was filled in (party congress 2015, councils 2016, mass organisations 2014–2018);
    /// a fifth were appointed mid-term.
    private mutating func postStart(_ kind: PostKind) -> CivilDate {
        let window: (from: CivilDate, through: CivilDate) =
            switch kind {
            case .partySecretary, .partyDeputySecretary: (Self.date(2015, 6, 1), Self.date(2015, 8, 31))
            case .peoplesCouncilChairman, .peoplesCommitteeChairman, .peoplesCommitteeViceChairman:
                (Self.date(2016, 6, 20), Self.date(2016, 7, 31))
            case .fatherlandFrontChairman: (Self.date(2014, 9, 1), Self.date(2014, 11, 30))
            case .youthUnionSecretary: (Self.date(2017, 6, 1), Self.date(2017, 8, 31))
            case .womensUnionChairwoman: (Self.date(2016, 4, 1), Self.date(2016, 6, 30))
            case .farmersUnionChairman: (Self.date(2018, 3, 1), Self.date(2018, 5, 31))
            case .veteransAssociationChairman: (Self.date(2017, 4, 1), Self.date(2017, 6, 30))
            default: (Self.date(2012, 1, 1), Self.date(2018, 12, 31))
            }
        if random.chance(0.8) { return random.date(from: window.from, through: window.through) }
        return random.date(from: window.through, through: Self.date(2019, 1, 31))
    }

    /// Commune staff are more often Kinh than villagers are.
    private func staffMix(_ commune: NaHangCommune) -> [(String, Int)] {
        commune.ethnicMix.map { ($0.0, $0.0 == "Kinh" ? $0.1 + 15 : $0.1) }
            + (commune.ethnicMix.contains { $0.0 == "Kinh" } ? [] : [("Kinh", 15)])
    }

    /// A village of the commune, the nearer the likelier (officials live near the centre).
    private mutating func staffResidence(_ villages: [NaHangVillage]) -> NaHangVillage? {
        guard !villages.isEmpty else { return nil }
        return random.weighted(villages.map { ($0, Int(200 / (($0.profile.distanceKm ?? 5) + 1))) })
    }

    /// Orders villages by distance, then code.
    private func nearer(_ lhs: NaHangVillage, _ rhs: NaHangVillage) -> Bool {
        let left = lhs.profile.distanceKm ?? 0
        let right = rhs.profile.distanceKm ?? 0
        return left != right ? left < right : lhs.unit.code < rhs.unit.code
    }
}

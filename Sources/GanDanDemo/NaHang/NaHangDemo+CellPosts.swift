import GanDanCore

/// Cell posts: every cell has a secretary; cells with ≥ 9 full members also a deputy and a committee (rules.md R2, R3,
/// R4).
extension NaHangDemoBuilder {
    /// Gives the cell a secretary unless it has one, and a deputy when its full members reach the threshold.
    ///
    /// Holders are active full members; in agency cells (`staffOnly`) they are civil servants, not key leaders.
    mutating func assignCellPosts(
        _ cell: inout [MemberDraft], cellCode: String, staffOnly: Bool, settings: CharterSettings = .standard
    ) {
        let fullMembers = cell.filter { $0.party.standing(on: Self.reference)?.countsAsFull == true }.count
        let hasSecretary = cell.contains { member in member.posts.contains { $0.kind == .cellSecretary } }
        if !hasSecretary {
            appointCellPost(.cellSecretary, in: &cell, cellCode: cellCode, staffOnly: staffOnly)
        }
        if fullMembers >= settings.committeeThreshold {
            appointCellPost(.cellDeputySecretary, in: &cell, cellCode: cellCode, staffOnly: staffOnly)
            appointCommittee(
                in: &cell, cellCode: cellCode, seats: fullMembers < 30 ? 1 : 3, staffOnly: staffOnly,
                threshold: settings.committeeThreshold)
        }
    }

    /// Names the committee members beside the secretary and deputy of a cell with 9 full members (rules.md R2, R3,
    /// issue 18 item 5): the longest-serving full members, from the first of the 2017 congress and the later
    /// half-years on which the cell had 9 full members still on its roll in March 2019 (so a folder exported then
    /// shows the same count). Chosen without the random source, so the demo's other draws,
    /// and with them the article's placements, stay as they were.
    private func appointCommittee(
        in cell: inout [MemberDraft], cellCode: String, seats: Int, staffOnly: Bool, threshold: Int
    ) {
        let roll = cell
        func full(on day: CivilDate) -> [Int] {
            roll.indices.filter {
                roll[$0].joinedCellOn <= day && roll[$0].party.standing(on: day)?.countsAsFull == true
                    && roll[$0].party.standing(on: Self.reference) != nil
            }
        }
        let days = [Self.date(2017, 6, 1), Self.date(2018, 1, 1), Self.date(2018, 7, 1), Self.reference]
        guard let day = days.first(where: { full(on: $0).count >= threshold }) else { return }
        let chosen = full(on: day).filter { index in
            roll[index].party.status == .full && !roll[index].posts.contains { $0.kind.isCellPost }
                && (!staffOnly || roll[index].posts.contains { $0.kind == .civilServant })
        }
        .sorted {
            (roll[$0].party.officialOn ?? day, roll[$0].fullName) < (
                roll[$1].party.officialOn ?? day, roll[$1].fullName
            )
        }
        for index in chosen.prefix(seats) {
            cell[index].posts.append(
                PostDraft(kind: .cellCommitteeMember, organisationCode: cellCode, validity: Validity(from: day)))
        }
    }

    /// Picks a holder, preferring members official before 2017 and born by 1988, and records the post from
    /// the 2017 cell congress, or an earlier or later appointment for a third of them.
    private mutating func appointCellPost(
        _ kind: PostKind, in cell: inout [MemberDraft], cellCode: String, staffOnly: Bool
    ) {
        var candidates = cell.indices.filter { index in
            let member = cell[index]
            return member.party.status == .full && member.party.officialOn.map { $0 <= Self.reference } == true
                && !member.posts.contains { $0.kind.isCellPost }
                && (!staffOnly || member.posts.contains { $0.kind == .civilServant })
        }
        random.shuffle(&candidates)
        let seasoned = candidates.first { index in
            let member = cell[index]
            return member.birthDate.year <= 1988 && member.joinedCellOn.year < 2017
                && (member.party.officialOn ?? Self.reference).year < 2017
        }
        guard let index = seasoned ?? candidates.first else { return }
        let elected =
            random.chance(0.67)
            ? random.date(from: Self.date(2017, 4, 1), through: Self.date(2017, 7, 31))
            : random.date(from: Self.yearStart(2010), through: Self.yearEnd(2018))
        let from = max(elected, cell[index].joinedCellOn, cell[index].party.officialOn ?? elected)
        cell[index].posts.append(PostDraft(kind: kind, organisationCode: cellCode, validity: Validity(from: from)))
    }
}

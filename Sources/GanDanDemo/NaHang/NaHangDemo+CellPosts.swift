import GanDanCore

/// Cell posts: every cell has a secretary; cells with ≥ 9 full members also a deputy (rules.md R2, R3, R4).
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

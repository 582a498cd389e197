import GanDanCore

extension DistrictChecks {
    /// Cell posts that would break the charter on the day they begin (rules.md R2, R3, R4): a committee member in a
    /// cell with fewer full members than the threshold, or one more person on a full committee. The full members are
    /// the folder's members of the cell that day; the holders are the posts before it (by start, then line) that were
    /// not refused themselves — the check the web's post form makes (`CellCommitteeRules`).
    static func committees(
        _ posts: [(line: Int, member: Int, post: PostDraft)], members: [MemberDraft],
        settings: CharterSettings = .standard
    ) -> [InputIssue] {
        let cellPosts = posts.filter { $0.post.kind.isCellPost }
            .sorted { ($0.post.validity.from, $0.line) < ($1.post.validity.from, $1.line) }
        var membersOf: [String: [MemberDraft]] = [:]
        for member in members { membersOf[member.cellCode, default: []].append(member) }
        var held: [String: [(member: Int, validity: Validity)]] = [:]
        var issues: [InputIssue] = []
        for entry in cellPosts {
            let cell = entry.post.organisationCode
            let day = entry.post.validity.from
            let full = (membersOf[cell] ?? []).filter { member in
                guard member.joinedCellOn <= day, let standing = member.party.standing(on: day) else { return false }
                return standing == .full || standing == .exempt
            }
            let holders = Set((held[cell] ?? []).filter { $0.validity.contains(day) }.map(\.member))
            if let refusal = CellCommitteeRules.refusal(
                adding: entry.post.kind, fullMembers: full.count, holders: holders.count,
                holdsAlready: holders.contains(entry.member), settings: settings)
            {
                let text = refusal.message(cell: cell, on: day)
                issues.append(InputIssue(line: entry.line, field: "post", vi: text.vi, en: text.en))
                continue
            }
            held[cell, default: []].append((entry.member, entry.post.validity))
        }
        return issues
    }
}

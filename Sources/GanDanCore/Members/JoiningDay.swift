/// The day a member joined the cell's roll, held to the cell's founding (rules.md R26): nobody joins a cell before
/// it exists. A file that leaves the day empty means "on this cell's roll since admission or since the cell began",
/// the later of the two; a day written before the founding is refused. Both imports settle it here, so a member
/// file and a district folder read the same column the same way.
public enum JoiningDay {
    /// Settles each member's joining day against `founded` (cell code → founding day); a cell missing from it is
    /// left to the code checks. The issues name the member's line in `lines` when given.
    public static func settle(
        _ members: inout [MemberDraft], lines: [Int]?, founded: [String: CivilDate]
    ) -> [InputIssue] {
        var issues: [InputIssue] = []
        for index in members.indices {
            guard let start = founded[members[index].cellCode], members[index].joinedCellOn < start else { continue }
            if members[index].joiningDayAssumed {
                members[index].joinedCellOn = start
                continue
            }
            let joined = members[index].joinedCellOn
            let code = members[index].cellCode
            issues.append(
                InputIssue(
                    line: lines.flatMap { index < $0.count ? $0[index] : nil }, field: "joined_cell_on",
                    vi: "Ngày về chi bộ \(joined.vietnamese) sớm hơn ngày thành lập chi bộ mã \(code) "
                        + "(\(start.vietnamese)).",
                    en: "Joined the cell on \(joined.vietnamese), before cell \(code) was founded on "
                        + "\(start.vietnamese)."))
        }
        return issues
    }
}

extension [OrganisationDraft] {
    /// Each organisation's founding day by code: the earliest start when a code appears more than once.
    public var foundingDays: [String: CivilDate] {
        Dictionary(map { ($0.code, $0.validity.from) }, uniquingKeysWith: { Swift.min($0, $1) })
    }
}

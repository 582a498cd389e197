/// What a cell's committee (chi ủy) may hold on a day (rules.md R2, R3, R4): below the threshold of full members a
/// cell has a secretary and at most one deputy and no committee; from it, a committee of at most the largest size,
/// its secretary and deputy among them.
public enum CellCommitteeRules {
    /// Why a cell post may not be given, or nil when it may.
    public enum Refusal: Equatable, Sendable {
        /// A committee member in a cell with fewer full members than the threshold (rules.md R2).
        case noCommitteeBelowThreshold(fullMembers: Int, threshold: Int)
        /// One more holder would make the committee larger than allowed (rules.md R3).
        case committeeFull(maximum: Int)
    }

    /// Checks giving `kind` to a member in a cell with `fullMembers` full members (rules.md R4) whose committee that
    /// day is `holders` (the distinct members holding a secretary, deputy or committee post); `holdsAlready` says the
    /// member is among them (a secretary who also sits on the committee adds no seat).
    public static func refusal(
        adding kind: PostKind, fullMembers: Int, holders: Int, holdsAlready: Bool, settings: CharterSettings
    ) -> Refusal? {
        guard kind.isCellPost else { return nil }
        if kind == .cellCommitteeMember, fullMembers < settings.committeeThreshold {
            return .noCommitteeBelowThreshold(fullMembers: fullMembers, threshold: settings.committeeThreshold)
        }
        if !holdsAlready, holders + 1 > settings.maximumCommitteeSize {
            return .committeeFull(maximum: settings.maximumCommitteeSize)
        }
        return nil
    }
}

extension CellCommitteeRules.Refusal {
    /// The refusal as a sentence for the secretary or planner, naming the cell and the day.
    public func message(cell: String, on day: CivilDate) -> BilingualText {
        switch self {
        case .noCommitteeBelowThreshold(let full, let threshold):
            return BilingualText(
                vi: "Ngày \(day.vietnamese) \(cell) có \(full) đảng viên chính thức. Chi bộ dưới \(threshold) đảng "
                    + "viên chính thức chỉ có bí thư và phó bí thư, không có chi ủy.",
                en: "On \(day.vietnamese) \(cell) has \(full) full members. A cell with fewer than \(threshold) full "
                    + "members has a secretary and a deputy, no cell committee.")
        case .committeeFull(let maximum):
            return BilingualText(
                vi: "Chi ủy của \(cell) đã đủ \(maximum) người ngày \(day.vietnamese). Hãy ghi ngày thôi giữ chức "
                    + "vụ của một người trước.",
                en: "The committee of \(cell) already has \(maximum) people on \(day.vietnamese). Record the day "
                    + "one of them leaves it first.")
        }
    }
}

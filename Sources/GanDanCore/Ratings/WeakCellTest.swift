/// The legacy "weak cell" test: more than half of the cell's rated members "not completed" (rules.md R20).
///
/// "Weak" (yếu kém) is a local flag kept beside the official level, never a level of its own.
public struct WeakCellTest: Hashable, Sendable, Codable {
    /// Members rated in the round (those not rated under rules.md R19 are left out before).
    public var ratedMembers: Int
    public var notCompleted: Int
    public var isWeak: Bool
    /// Why the cell is weak, in both languages; nil when it is not.
    public var reason: BilingualText?

    /// Applies the test to the levels of the cell's rated members.
    public init(levels: [RatingLevel], settings: RatingSettings = .standard) {
        let rated = levels.count
        let failed = levels.filter { $0 == .notCompleted }.count
        ratedMembers = rated
        notCompleted = failed
        isWeak = rated > 0 && failed * 100 > rated * settings.weakNotCompletedAbovePercent
        let percent = settings.weakNotCompletedAbovePercent
        let share =
            percent == 50
            ? (vi: "Hơn một nửa", en: "More than half") : (vi: "Hơn \(percent)%", en: "More than \(percent) %")
        reason =
            isWeak
            ? BilingualText(
                vi: "\(share.vi) số đảng viên được xếp loại (\(failed)/\(rated)) không hoàn thành nhiệm vụ",
                en: "\(share.en) of the rated members (\(failed) of \(rated)) did not complete their tasks")
            : nil
    }

    /// `rating` with the weak flag and reason set when the test finds the cell weak; otherwise unchanged.
    public func flagging(_ rating: CellRating, in language: Language = .vi) -> CellRating {
        guard isWeak, let reason else { return rating }
        var flagged = rating
        flagged.weak = true
        flagged.weakReason = reason.text(in: language)
        return flagged
    }
}

import Foundation

/// What a village cell's comment on a placed leader covers: a year, or one occasion (rules.md A8).
public enum SupervisionPeriod: Hashable, Sendable, Codable {
    case year(Int)
    /// An ad hoc comment about the occasion on this date.
    case adHoc(CivilDate)
}

/// The leader's answer to the cell's comment (rules.md A8).
public struct LeaderReportBack: Hashable, Sendable, Codable {
    public var reportedOn: CivilDate
    public var text: String

    public init(reportedOn: CivilDate, text: String) {
        self.reportedOn = reportedOn
        self.text = text
    }
}

/// Plausibility limits for supervision records.
public struct SupervisionSettings: Hashable, Sendable, Codable {
    /// No comment covers a year before this one.
    public var earliestYear: Int

    public init(earliestYear: Int = 2000) {
        self.earliestYear = earliestYear
    }

    public static let standard = SupervisionSettings()
}

/// The village cell's comment on a leader placed in it, and the leader's report back (rules.md A8).
public struct LeaderSupervision: Hashable, Sendable, Codable {
    /// The placed leader (a member ID).
    public var leaderID: String
    public var period: SupervisionPeriod
    /// The day the cell adopted the comment.
    public var commentedOn: CivilDate
    public var comment: String
    public var reportBack: LeaderReportBack?

    public init(
        leaderID: String, period: SupervisionPeriod, commentedOn: CivilDate, comment: String,
        reportBack: LeaderReportBack? = nil
    ) {
        self.leaderID = leaderID
        self.period = period
        self.commentedOn = commentedOn
        self.comment = comment
        self.reportBack = reportBack
    }

    /// Empty texts, an implausible year, and dates out of order, each naming its field.
    ///
    /// A year is plausible from `earliestYear` to the year of the comment; a year-end comment may come the next year.
    public func issues(settings: SupervisionSettings = .standard) -> [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        if Self.isBlank(leaderID) { add("leaderID", "Chưa chọn cán bộ được góp ý.", "No leader is named.") }
        if Self.isBlank(comment) { add("comment", "Chưa ghi nội dung góp ý.", "The comment is empty.") }
        switch period {
        case .year(let year):
            if year < settings.earliestYear || year > commentedOn.year {
                add(
                    "period", "Năm \(year) không hợp lý cho góp ý ghi ngày \(commentedOn.vietnamese).",
                    "The year \(year) is not plausible for a comment made on \(commentedOn.vietnamese).")
            } else if commentedOn.year - year > 1 {
                issues.append(
                    InputIssue.warning(
                        field: "period", vi: "Góp ý cho năm \(year) đến ngày \(commentedOn.vietnamese) mới ghi.",
                        en: "The comment on \(year) was made only on \(commentedOn.vietnamese)."))
            }
        case .adHoc(let date):
            if date > commentedOn {
                add(
                    "period", "Ngày \(date.vietnamese) muộn hơn ngày góp ý \(commentedOn.vietnamese).",
                    "The occasion \(date.vietnamese) is after the comment (\(commentedOn.vietnamese)).")
            } else if date.year < settings.earliestYear {
                add(
                    "period", "Ngày \(date.vietnamese) trước năm \(settings.earliestYear).",
                    "The occasion \(date.vietnamese) is before \(settings.earliestYear).")
            }
        }
        if let reportBack {
            if Self.isBlank(reportBack.text) {
                add("reportBack.text", "Chưa ghi nội dung báo cáo lại.", "The report back is empty.")
            }
            if reportBack.reportedOn < commentedOn {
                add(
                    "reportBack.reportedOn",
                    "Ngày báo cáo lại \(reportBack.reportedOn.vietnamese) sớm hơn ngày góp ý \(commentedOn.vietnamese).",
                    "The report back \(reportBack.reportedOn.vietnamese) is before the comment (\(commentedOn.vietnamese))."
                )
            }
        }
        return issues
    }

    private static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

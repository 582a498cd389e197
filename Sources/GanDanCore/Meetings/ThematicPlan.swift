import Foundation

/// One topic of a cell's yearly plan of thematic meetings, in the month it is planned for (rules.md R9).
public struct ThematicTopic: Hashable, Sendable, Codable {
    public var month: YearMonth
    public var title: String

    public init(month: YearMonth, title: String) {
        self.month = month
        self.title = title
    }
}

/// A cell's thematic meetings for one year: planned yearly, at least one a quarter (rules.md R9).
public struct ThematicPlan: Hashable, Sendable, Codable {
    public var year: Int
    public var topics: [ThematicTopic]

    public init(year: Int, topics: [ThematicTopic]) {
        self.year = year
        self.topics = topics.sorted { ($0.month, $0.title) < ($1.month, $1.title) }
    }

    /// Quarters of the year with no topic planned (rules.md R9).
    public var quartersWithoutTopic: [Int] {
        let covered = Set(topics.filter { $0.month.year == year }.map(\.month.quarter))
        return (1...4).filter { !covered.contains($0) }
    }

    /// Every problem with the plan, each naming its field: empty titles, months outside the year, bare quarters.
    public var issues: [InputIssue] {
        var issues: [InputIssue] = []
        for (index, topic) in topics.enumerated() {
            if topic.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(
                    InputIssue(
                        field: "topics[\(index)].title", vi: "Chuyên đề chưa có tên.", en: "The topic has no title."))
            }
            if topic.month.year != year {
                issues.append(
                    InputIssue(
                        field: "topics[\(index)].month",
                        vi: "Tháng \(topic.month.vietnamese) không thuộc năm \(year) của kế hoạch.",
                        en: "\(topic.month.vietnamese) is not in the plan's year \(year)."))
            }
        }
        for quarter in quartersWithoutTopic {
            issues.append(
                // rules.md R9: at least one thematic meeting a quarter.
                InputIssue.warning(
                    field: "topics",
                    vi: "Quý \(quarter) chưa có buổi sinh hoạt chuyên đề nào; mỗi quý cần ít nhất một buổi.",
                    en: "Quarter \(quarter) has no thematic meeting planned; at least one a quarter is needed."))
        }
        return issues
    }

    /// Quarters that have ended by `date` without a thematic or combined meeting held (rules.md R9).
    ///
    /// A thematic meeting never replaces the monthly one, so only meetings of kind `.thematic` or `.combined` count.
    public static func quartersMissed(
        year: Int, held: [(date: CivilDate, kind: MeetingKind)], asOf date: CivilDate
    ) -> [Int] {
        let covered = Set(
            held.filter { $0.date.year == year && $0.kind != .regular }.map { YearMonth($0.date).quarter })
        return (1...4).filter { quarter in
            // A year outside the calendar has no quarter that ended (issue 21: never trap on a given year).
            guard let last = YearMonth(year: year, month: quarter * 3) else { return false }
            let end = last.adding(months: 1).firstDay
            return end <= date && !covered.contains(quarter)
        }
    }
}

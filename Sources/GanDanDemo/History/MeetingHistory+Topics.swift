import GanDanCore

/// The cell's yearly plans of thematic meetings, one topic a quarter, each held combined with the regular
/// meeting of its month (rules.md R8, R9).
extension HistoryCellGenerator {
    /// Topics any cell may take up, the usual ones before the placement.
    static let generalTopics = [
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Nâng cao chất lượng sinh hoạt chi bộ",
        "Bảo vệ rừng, phòng cháy chữa cháy rừng",
        "Phòng, chống dịch bệnh trên đàn gia súc, gia cầm",
        "Xây dựng khu dân cư văn hóa, giữ gìn bản sắc dân tộc",
        "Công tác phát triển đảng viên mới",
    ]

    /// Topics a placed leader brings: the village's drive, the environment criterion, its poor households, Party
    /// development (rules.md A6).
    func concreteTopics() -> [String] {
        var topics: [String] = []
        let set = Self.criteriaSet(year: window.placementMonth.year)
        if let environment = set.environmentCriterion {
            topics.append(
                "Thực hiện tiêu chí số \(environment.number) (\(environment.name.vi.lowercased())) "
                    + "trong xây dựng nông thôn mới ở thôn \(cell.villageName)")
        }
        let poor = households.filter { $0.statuses.values.contains(.poor) }.count
        if poor > 0 {
            topics.append("Giúp đỡ \(poor) hộ nghèo của thôn \(cell.villageName) thoát nghèo bền vững")
        }
        topics.append("Phát triển đảng viên mới: tạo nguồn từ đoàn viên thanh niên ưu tú của thôn")
        return topics
    }

    /// One plan per calendar year the window touches; a quarter's topic falls in a month the cell meets when the
    /// window holds one. The drive's topic comes first once the drive starts.
    mutating func makeThematicPlans() -> (plans: [ThematicPlan], held: [YearMonth: String]) {
        let meets = Set(schedule.map(\.month))
        var general = Self.generalTopics
        random.shuffle(&general)
        var concrete = concreteTopics()
        random.shuffle(&concrete)
        var nextGeneral = 0
        var nextConcrete = 0
        var driveTopicUsed = carry != nil
        var held: [YearMonth: String] = [:]
        // The year a continuation starts in was planned before: its topics are held in the months this window meets.
        for plan in carry?.plans ?? [] {
            for topic in plan.topics where meets.contains(topic.month) { held[topic.month] = topic.title }
        }
        var plans: [ThematicPlan] = []
        for year in newYears {
            var topics: [ThematicTopic] = []
            for quarter in 1...4 {
                let months = (1...3).compactMap { YearMonth(year: year, month: (quarter - 1) * 3 + $0) }
                let open = months.filter { meets.contains($0) }
                let month = random.pick(open.isEmpty ? months : open)
                let since = window.monthsSincePlacement(month)
                let title: String
                if let drive, !driveTopicUsed, since >= drive.startsAfter {
                    title = drive.topic
                    driveTopicUsed = true
                } else if since > 0, !concrete.isEmpty,
                    random.chance(HistoryCellPlan.toward(0.2, 1, plan.effect(in: month, window: window)))
                {
                    title = concrete[nextConcrete % concrete.count]
                    nextConcrete += 1
                } else {
                    title = general[nextGeneral % general.count]
                    nextGeneral += 1
                }
                topics.append(ThematicTopic(month: month, title: title))
                if !open.isEmpty { held[month] = title }
            }
            plans.append(ThematicPlan(year: year, topics: topics))
        }
        return (plans, held)
    }
}

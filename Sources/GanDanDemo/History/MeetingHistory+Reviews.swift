import GanDanCore

/// Reviews of earlier tasks at a meeting, and the summary the minutes keep (rules.md A7, R10).
extension HistoryCellGenerator {
    /// Reviews every open task due by `month`, oldest first; more are done the stronger the effect.
    mutating func reviewDueTasks(in month: YearMonth, effect: Double) -> [HistoryReview] {
        let due = openTasks.filter { $0.draft.due <= month }
        openTasks.removeAll { $0.draft.due <= month }
        let doneRate = HistoryCellPlan.toward(plan.doneRate, 0.92, effect)
        var reviews: [HistoryReview] = []
        for task in due {
            let status: MemberTaskStatus =
                random.chance(doneRate) ? .done : random.chance(0.6) ? .partlyDone : .notDone
            reviews.append(HistoryReview(taskKey: task.key, review: review(of: task, status: status)))
        }
        return reviews
    }

    /// The review's outcome in Vietnamese; a persuasion task also updates the drive's figures.
    private mutating func review(of task: HistoryTask, status: MemberTaskStatus) -> MemberTaskReview {
        let reason = random.pick(HistoryTexts.notDoneReasons)
        let draft = task.draft
        switch draft.kind {
        case .persuasion:
            guard var drive else { break }
            let goal = persuasionGoals[task.key] ?? 1
            let gained = status == .done ? goal : status == .partlyDone ? max(1, goal / 2) : 0
            drive.persuaded = min(drive.householdsTarget, drive.persuaded + gained)
            self.drive = drive
            let progress = drive.progress
            let figures =
                "cả thôn đã có \(progress.householdsPersuaded)/\(progress.householdsTarget) hộ \(drive.crop), "
                + "diện tích \(HistoryTexts.hectares(progress.areaPlantedHectares)) ha"
            let outcome =
                gained > 0
                ? "Vận động được thêm \(gained) hộ; \(figures)" : "Chưa vận động được hộ nào do \(reason); \(figures)"
            return MemberTaskReview(taskID: task.key, status: status, outcome: outcome, persuasion: progress)
        case .poorHouseholds:
            let heads = draft.householdIDs.compactMap { id in households.first { $0.id == id }?.headName }
            switch status {
            case .done:
                return MemberTaskReview(
                    taskID: task.key, status: status, outcome: "Đã giúp đỡ hộ \(HistoryTexts.list(heads)) như phân công"
                )
            case .partlyDone:
                let first = heads.first ?? ""
                return MemberTaskReview(
                    taskID: task.key, status: status,
                    outcome: "Mới giúp được hộ \(first); phần còn lại chuyển sang tháng sau")
            default:
                break
            }
        case .ruralCriterion:
            if status == .done {
                let number = draft.criterionNumber ?? 0
                return MemberTaskReview(
                    taskID: task.key, status: status,
                    outcome: "Hoàn thành; thôn tiến thêm một bước về tiêu chí số \(number)")
            }
        case .other:
            break
        }
        switch status {
        case .done:
            return MemberTaskReview(taskID: task.key, status: status, outcome: "Hoàn thành")
        case .partlyDone:
            return MemberTaskReview(
                taskID: task.key, status: status, outcome: "Thực hiện được một phần do \(reason); tiếp tục tháng sau")
        default:
            return MemberTaskReview(
                taskID: task.key, status: .notDone, outcome: "Chưa thực hiện do \(reason); đảng viên rút kinh nghiệm")
        }
    }

    /// The "review of last month" paragraph: counts by outcome and the drive's figures.
    func reviewSummary(_ reviews: [HistoryReview]) -> String {
        guard !reviews.isEmpty else {
            return "Tháng trước chi bộ không giao nhiệm vụ cụ thể; đảng viên thực hiện nhiệm vụ thường xuyên."
        }
        let done = reviews.filter { $0.review.status == .done }.count
        let partly = reviews.filter { $0.review.status == .partlyDone }.count
        var summary =
            "Kiểm điểm \(reviews.count) nhiệm vụ đã giao: \(done) hoàn thành, \(partly) hoàn thành một phần, "
            + "\(reviews.count - done - partly) chưa hoàn thành."
        if let progress = reviews.last(where: { $0.review.persuasion != nil })?.review.persuasion, let drive {
            summary +=
                " Vận động \(drive.crop): \(progress.householdsPersuaded)/\(progress.householdsTarget) hộ, "
                + "\(HistoryTexts.hectares(progress.areaPlantedHectares)) ha."
        }
        return summary
    }
}

import GanDanCore

/// Tasks for next month assigned at a meeting to named present members (rules.md A6, A7, R10).
extension HistoryCellGenerator {
    /// One to three tasks due next month: few and vague before the placement, more and concrete with the effect.
    mutating func assignTasks(at day: HistoryMeetingDay, attendance: [MeetingAttendance], effect: Double)
        -> [HistoryTask]
    {
        let assignable = attendance.filter {
            $0.status.isPresent && ($0.standing == .full || $0.standing == .probationary)
        }.map(\.memberID)
        guard !assignable.isEmpty else { return [] }
        let positive = max(effect, 0)
        let count = 1 + (random.chance(0.3 + 0.5 * positive) ? 1 : 0) + (random.chance(0.6 * positive) ? 1 : 0)
        let concrete = HistoryCellPlan.toward(plan.concreteChance, 0.95, effect)
        let due = day.month.adding(months: 1)
        var tasks: [HistoryTask] = []
        for number in 1...count {
            let key = "\(cell.id)/\(HistoryTexts.iso(day.month))/\(number)"
            let draft: MemberTaskDraft
            if random.chance(concrete) {
                draft = concreteTask(key: key, month: day.month, due: due, assignable: assignable)
            } else {
                draft = MemberTaskDraft(
                    kind: .other, description: random.pick(HistoryTexts.vagueTasks),
                    assigneeIDs: [random.pick(assignable)], due: due)
            }
            tasks.append(HistoryTask(key: key, draft: draft))
        }
        openTasks += tasks
        return tasks
    }

    /// A task naming what to do: households to help, a criterion, households to persuade, or Party work.
    private mutating func concreteTask(key: String, month: YearMonth, due: YearMonth, assignable: [String])
        -> MemberTaskDraft
    {
        let assignees = random.sample(assignable, count: random.int(1...min(3, assignable.count)))
        let inNeed = householdsInNeed(in: month.year)
        var kinds: [(MemberTaskKind, Int)] = [(.ruralCriterion, 3), (.other, 2)]
        if !inNeed.isEmpty { kinds.append((.poorHouseholds, 3)) }
        if driveIsActive(in: month) { kinds.append((.persuasion, cell.villageName == Self.pearVillage ? 8 : 4)) }
        switch random.weighted(kinds) {
        case .poorHouseholds:
            let helped = random.sample(inNeed, count: min(inNeed.count, assignees.count * random.int(1...2)))
            let description =
                "Giúp đỡ hộ \(HistoryTexts.list(helped.map(\.headName))): \(random.pick(HistoryTexts.supports))"
            return MemberTaskDraft(
                kind: .poorHouseholds, description: description, assigneeIDs: assignees, due: due,
                householdIDs: helped.map(\.id))
        case .persuasion:
            if let drive {
                let goal = min(assignees.count * random.int(2...4), max(1, drive.householdsTarget - drive.persuaded))
                persuasionGoals[key] = goal
                let description =
                    "Vận động thêm \(goal) hộ \(drive.crop) (cả thôn phấn đấu \(drive.householdsTarget) hộ)"
                return MemberTaskDraft(
                    kind: .persuasion, description: description, assigneeIDs: assignees, due: due,
                    persuasion: drive.progress)
            }
            return criterionTask(month: month, due: due, assignees: assignees)
        case .ruralCriterion:
            return criterionTask(month: month, due: due, assignees: assignees)
        case .other:
            return MemberTaskDraft(
                kind: .other, description: random.pick(HistoryTexts.otherTasks), assigneeIDs: assignees, due: due)
        }
    }

    /// Environment first (rules.md A6), now and then another criterion of a 19-criteria set (rules.md R24).
    private mutating func criterionTask(month: YearMonth, due: YearMonth, assignees: [String]) -> MemberTaskDraft {
        let set = Self.criteriaSet(year: month.year)
        let others = HistoryTexts.otherCriterionActions.filter { _ in set.criteria.count == 19 }
        let number: Int
        let action: String
        if others.isEmpty || random.chance(0.8) {
            number = set.environmentNumber
            action = random.pick(HistoryTexts.environmentActions)(random.int(3...8))
        } else {
            (number, action) = random.pick(others)
        }
        let name = set.criterion(number: number)?.name.vi.lowercased() ?? ""
        return MemberTaskDraft(
            kind: .ruralCriterion, description: "\(action) (tiêu chí số \(number) – \(name))", assigneeIDs: assignees,
            due: due, criterionSetID: set.id, criterionNumber: number)
    }
}

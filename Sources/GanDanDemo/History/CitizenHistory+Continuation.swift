import GanDanCore

extension CitizenHistory {
    /// The seed the continuation's citizens draw from, apart from the first window's so that one never moves the other.
    static let continuationSeed: UInt64 = 0x4369_7469_7A65_2025

    /// Citizens' feedback and the supervision of placed leaders after the first window, year by year from `from`
    /// through `last` (issue 19, rules.md A8): a few items a cell each year, heard by a placed leader or the secretary
    /// on the roll that day, forwarded, answered sooner where the placement took, and told back at the cell's next
    /// meeting; each placed leader still on the roll commented on at the year's end and reporting back in January.
    static func continuing(
        cells: [HistoryCell], meetings: MeetingHistory, effects: [String: Double], placementDate: CivilDate,
        from: CivilDate, through last: CivilDate, seed: UInt64 = continuationSeed
    ) -> CitizenHistory {
        var meetingDates: [String: [CivilDate]] = [:]
        for meeting in meetings.meetings { meetingDates[meeting.cellID, default: []].append(meeting.minutes.date) }
        var generator = CitizenHistoryGenerator(
            random: SeededRandom(seed: seed), placementDate: placementDate, start: from, end: last.adding(days: 1))
        for cell in cells {
            let dates = (meetingDates[cell.id] ?? []).sorted()
            let effect = effects[cell.id] ?? 0
            let leaders = cell.members.filter { $0.isKeyLeader && $0.validity.from >= placementDate }
            for year in from.year...max(from.year, last.year) {
                generator.addYearFeedback(cell, year: year, effect: effect, leaders: leaders, meetingDates: dates)
                generator.addYearSupervisions(cell, year: year, effect: effect, leaders: leaders)
            }
        }
        return generator.history
    }
}

extension CitizenHistoryGenerator {
    /// Up to two items in `year`, one or two more with a placed leader, within the generator's `start..<end`.
    mutating func addYearFeedback(
        _ cell: HistoryCell, year: Int, effect: Double, leaders: [HistoryMember], meetingDates: [CivilDate]
    ) {
        let first = max(start, CivilDate.on(year, 1, 1))
        let after = min(end, CivilDate.on(year + 1, 1, 1))
        guard first < after else { return }
        let count = random.int(0...2) + (leaders.isEmpty ? 0 : random.int(1...2))
        for _ in 0..<count {
            let received = random.date(from: first, through: after.adding(days: -1))
            let leader = leaders.first { $0.validity.contains(received) }
            let secretary = cell.members.first { $0.isSecretary && $0.validity.contains(received) }
            let byLeader = leader != nil && random.chance(0.6)
            guard
                let receiver = byLeader
                    ? leader : secretary ?? cell.members.first(where: { $0.validity.contains(received) })
            else { continue }
            let topic = random.weighted(CitizenHistory.topics)
            var item = CitizenFeedback(
                receivedOn: received, receivedBy: receiver.id, topic: topic,
                summary: random.pick(CitizenHistory.summaries[topic] ?? ["Ý kiến của bà con"]))
            if random.chance(0.9) {
                item.forwardedOn = calendar.adding(workingDays: random.int(1...(effect > 0.5 ? 3 : 7)), to: received)
                item.forwardedTo = random.weighted(CitizenHistory.bodies)
            }
            if let forwarded = item.forwardedOn, random.chance(0.55 + 0.4 * max(0, effect)) {
                let answered = calendar.adding(
                    workingDays: effect > 0.5 ? random.int(3...12) : random.int(8...30), to: forwarded)
                item.answeredOn = answered
                item.answer = random.pick(CitizenHistory.answers)
                item.reportedBackOn = meetingDates.first { $0 > answered }
            }
            history.feedback.append(HistoryFeedback(cellID: cell.id, feedback: item))
        }
    }

    /// Each placed leader on the roll on 20 December of `year`, commented on that day, reporting back in January.
    mutating func addYearSupervisions(_ cell: HistoryCell, year: Int, effect: Double, leaders: [HistoryMember]) {
        let commented = CivilDate.on(year, 12, 20)
        guard start <= commented else { return }
        for leader in leaders where leader.validity.contains(commented) {
            var supervision = LeaderSupervision(
                leaderID: leader.id, period: .year(year), commentedOn: commented,
                comment: effect > 0.4
                    ? random.pick(CitizenHistory.goodComments) : random.pick(CitizenHistory.plainComments))
            supervision.reportBack = LeaderReportBack(
                reportedOn: CivilDate.on(year + 1, 1, random.int(6...20)), text: random.pick(CitizenHistory.reports))
            history.supervisions.append(
                HistorySupervision(cellID: cell.id, leaderID: leader.id, supervision: supervision))
        }
    }
}

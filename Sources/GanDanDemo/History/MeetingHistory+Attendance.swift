import GanDanCore

/// Who came to a meeting, and who chaired and recorded it (rules.md R4, R10, R12).
struct HistoryAttendance {
    var lines: [MeetingAttendance]
    var chairID: String
    var recorderID: String
}

extension HistoryCellGenerator {
    static let absenceReasons = [
        "Ốm", "Đi làm ăn xa", "Đi công tác", "Việc gia đình", "Chăm người nhà ốm nằm viện", "Đi học lớp bồi dưỡng",
        "Tuổi cao, sức yếu", "Lên nương xa chưa về kịp",
    ]
    /// The reason an exempt member who did not come is listed with: exempt members are never absent (rules.md R4).
    static let exemptReason = "Miễn sinh hoạt đảng"

    /// Draws attendance at the cell's rate for `effect`, keeping two full members present when the roll has two.
    mutating func attendance(on day: HistoryMeetingDay, effect: Double) -> HistoryAttendance {
        let rate = HistoryCellPlan.toward(plan.attendance, 0.97, effect)
        let unexcused = min(0.3, max(0, plan.unexcusedShare * (1 - (effect >= 0 ? 0.8 : 3) * effect)))
        var lines: [MeetingAttendance] = []
        for entry in day.roll {
            let member = entry.member
            let status: AttendanceStatus
            if entry.standing == .exempt {
                status = random.chance(0.25) ? .present : .absentExcused(reason: Self.exemptReason)
            } else if plannedAbsences[member.id]?.contains(day.month) == true {
                status = .absentUnexcused
            } else {
                var chance = rate + propensity[member.id, default: 0]
                if member.isSecretary { chance = max(chance, 0.95) }
                if member.isKeyLeader { chance = max(chance, 0.9) }
                if random.chance(min(0.99, max(0.2, chance))) {
                    status = .present
                } else if plannedAbsences[member.id] == nil && random.chance(unexcused) {
                    status = .absentUnexcused
                } else {
                    status = .absentExcused(reason: random.pick(Self.absenceReasons))
                }
            }
            lines.append(MeetingAttendance(memberID: member.id, standing: entry.standing, status: status))
        }
        ensureTwoFullPresent(&lines, day: day)
        return chooseChair(lines, day: day)
    }

    /// Calls in full members, secretary first, until two (or the only one) are present to chair and record.
    private func ensureTwoFullPresent(_ lines: inout [MeetingAttendance], day: HistoryMeetingDay) {
        let full = lines.indices.filter { lines[$0].standing == .full }
        let secretaryFirst = full.sorted {
            (day.roll[$0].member.isSecretary ? 0 : 1, $0) < (day.roll[$1].member.isSecretary ? 0 : 1, $1)
        }
        var present = full.filter { lines[$0].status.isPresent }.count
        for index in secretaryFirst where present < min(2, full.count) && !lines[index].status.isPresent {
            guard plannedAbsences[lines[index].memberID]?.contains(day.month) != true else { continue }
            lines[index].status = .present
            present += 1
        }
    }

    /// The secretary chairs when present, else a present full member; another present member records.
    private mutating func chooseChair(_ lines: [MeetingAttendance], day: HistoryMeetingDay) -> HistoryAttendance {
        let presentFull = lines.indices.filter { lines[$0].standing == .full && lines[$0].status.isPresent }
        let secretary = presentFull.first { day.roll[$0].member.isSecretary }
        let chair = secretary ?? (presentFull.isEmpty ? nil : random.pick(presentFull))
        let chairID = chair.map { lines[$0].memberID } ?? ""
        let otherFull = presentFull.filter { $0 != chair }
        let otherPresent = lines.indices.filter { lines[$0].status.isPresent && $0 != chair }
        let recorder =
            otherFull.isEmpty ? (otherPresent.isEmpty ? chair : random.pick(otherPresent)) : random.pick(otherFull)
        return HistoryAttendance(
            lines: lines, chairID: chairID, recorderID: recorder.map { lines[$0].memberID } ?? chairID)
    }
}

import Foundation
import GanDanCore
import GanDanStorage

/// One dated assignment of a committee member to a cell, as the demo made it.
struct DemoAssignment: Sendable {
    var memberID: String
    var from: CivilDate
    var until: CivilDate?

    func holds(on date: CivilDate) -> Bool { from <= date && until.map { date < $0 } != false }
}

/// The grassroots committees' side of the demo, written through the product's writers (rules.md R7, R11):
/// each village cell followed by a member of its commune's committee, with dated assignments, and the committees'
/// and standing bodies' meetings across the demo's window.
struct DemoCommittees: Sendable {
    let db: DatabaseHandle
    let policy: MeetingPolicy
    let actor: Actor

    /// The day the first assignments begin: the start of the year before the placement, ahead of the window.
    static let assignedFrom = CivilDate.on(2018, 1, 2)
    /// The day the committees re-divided their cells after the agency cells were dissolved (rules.md A1).
    static let reassignedFrom = CivilDate.on(2019, 5, 2)
    static let seed: UInt64 = 0x4461_6E67_5579_2019

    /// The commune whose committee the demo leaves short in the second half of 2019: its standing body skipped
    /// October and the committee did not meet in December, so the commune dashboard flags both (rules.md R7).
    static let shortCommuneCode = "02275"
    static let skippedStandingMonth = YearMonth(CivilDate.on(2019, 10, 1))
    static let skippedCommitteeMeeting = CivilDate.on(2019, 12, 20)

    /// Assigns a committee member to every cell from `assignedFrom`, the committee's members sharing the cells out,
    /// and re-divides about 40 % of them from `reassignedFrom`: cell id → its assignments, oldest first. Assignments
    /// beginning after `until` are drawn but not stored, so a history cut at a day keeps the same draws.
    func assignFollowers(cells: [HistoryCell], until: CivilDate? = nil) async throws -> [String: [DemoAssignment]] {
        let assignments = CommitteeAssignments(db: db, scope: .everything)
        var random = SeededRandom(seed: Self.seed)
        var made: [String: [DemoAssignment]] = [:]
        var turn: [[UUID]: Int] = [:]  // the committee's members take the cells in turn
        for cell in cells {
            guard let cellID = UUID(uuidString: cell.id) else { continue }
            let candidates = try await assignments.candidates(for: cellID, on: Self.assignedFrom).map(\.id)
            guard !candidates.isEmpty else { continue }
            let first = candidates[turn[candidates, default: 0] % candidates.count]
            turn[candidates, default: 0] += 1
            try await assignments.assign(cellID: cellID, memberID: first, from: Self.assignedFrom, actor: actor)
            var list = [DemoAssignment(memberID: first.uuidString, from: Self.assignedFrom)]
            let later = try await assignments.candidates(for: cellID, on: Self.reassignedFrom).map(\.id)
                .filter { $0 != first }
            if random.chance(0.4), !later.isEmpty {
                let next = random.pick(later)
                if until.map({ Self.reassignedFrom <= $0 }) ?? true {
                    try await assignments.assign(
                        cellID: cellID, memberID: next, from: Self.reassignedFrom, actor: actor)
                }
                list[0].until = Self.reassignedFrom
                list.append(DemoAssignment(memberID: next.uuidString, from: Self.reassignedFrom))
            }
            made[cell.id] = list
        }
        return made
    }

    /// Records the assigned member present at most meetings: in three cells of four at every one, in the others
    /// missing about one meeting in five (rules.md R11: the dashboard shows those cells).
    static func recordFollowers(_ meetings: inout [HistoryMeeting], assignments: [String: [DemoAssignment]]) {
        var diligence: [String: Double] = [:]
        var random = SeededRandom(seed: seed ^ 0x11)
        for index in meetings.indices {
            let cell = meetings[index].cellID
            let missing = diligence[cell] ?? (random.chance(0.75) ? 0 : 0.2)
            diligence[cell] = missing
            let date = meetings[index].minutes.date
            guard let assigned = assignments[cell]?.first(where: { $0.holds(on: date) }), !random.chance(missing)
            else { continue }
            meetings[index].committeeMemberID = assigned.memberID
        }
    }
}

extension DemoCommittees {
    /// The meetings of every grassroots committee under the district from January 2018 to April 2020: the committee
    /// in June and December, its standing body monthly, each planned with notice and minuted (rules.md R7, R10, R11).
    /// Each committee draws from its own stream, so stopping at `until` leaves the earlier meetings as they were.
    func holdMeetings(districtID: UUID, until: CivilDate? = nil) async throws -> Int {
        let tree = OrganisationTree(db: db, scope: .everything)
        let day = DemoLoader.decisionDate
        let units = try await tree.subtree(of: districtID, on: day)
        let committees = try await tree.organisations(atUnits: units, on: day).filter {
            $0.kind == .grassrootsCommittee
        }
        let meetings = CellMeetings(db: db, scope: .everything, policy: policy)
        var held = 0
        let last = until ?? CivilDate.on(2020, 4, 30)
        for committee in committees.sorted(by: { $0.code < $1.code }) {
            var random = SeededRandom(seed: SeededRandom.seed(Self.seed ^ 0x22, committee.code))
            let short = committee.code == OrganisationDraft.committeeCode(unitCode: Self.shortCommuneCode)
            var month = YearMonth(CivilDate.on(2018, 1, 1))
            while month <= YearMonth(CivilDate.on(2020, 4, 1)) {
                if !(short && month == Self.skippedStandingMonth) {
                    let date = CivilDate.on(month.year, month.month, random.int(3...8))
                    guard date <= last else { break }
                    try await hold(.standingBody, of: committee.id, on: date, meetings: meetings, random: &random)
                    held += 1
                }
                if month.month == 6 || month.month == 12 {
                    let date = CivilDate.on(month.year, month.month, random.int(15...22))
                    guard date <= last else { break }
                    if !(short && month == YearMonth(Self.skippedCommitteeMeeting)) {
                        try await hold(.committee, of: committee.id, on: date, meetings: meetings, random: &random)
                        held += 1
                    }
                }
                month = month.adding(months: 1)
            }
        }
        return held
    }

    /// Plans one meeting with three days' notice, then records its minutes: nearly everyone present, a few excused.
    func hold(
        _ body: MeetingBody, of committeeID: UUID, on date: CivilDate, meetings: CellMeetings,
        random: inout SeededRandom
    ) async throws {
        let hour = body == .committee ? 7 : 14
        guard let start = TimeOfDay(hour: hour, minute: 30), let end = TimeOfDay(hour: hour + 3, minute: 0) else {
            return
        }
        let planned = try await meetings.plan(
            committeeID: committeeID,
            MeetingPlanDraft(
                body: body, kind: .regular, date: date, scheduledStart: start, noticeSentOn: date.adding(days: -3),
                documents: body == .committee ? "Dự thảo báo cáo, nghị quyết" : "Chương trình họp"),
            actor: actor)
        let roll = try await meetings.roll(ofMeeting: planned.id) ?? []
        let reasons = ["Ốm", "Đi công tác", "Việc gia đình", "Đi học"]
        let attendance = roll.map { entry in
            let exempt = entry.member.standing == .exempt
            return exempt || random.chance(0.06)
                ? AttendanceEntry(
                    memberID: entry.member.id, mark: .excused, reason: exempt ? "Miễn sinh hoạt" : random.pick(reasons))
                : AttendanceEntry(memberID: entry.member.id, mark: .present)
        }
        let present = attendance.filter { $0.mark == .present }.map(\.memberID)
        try await meetings.recordMinutes(
            planned.id,
            MinutesEntry(
                startTime: start, endTime: end,
                attendance: attendance, chairID: present.first, recorderID: present.last,
                agenda: body == .committee
                    ? ["Sơ kết, tổng kết nhiệm vụ", "Quyết định phương hướng sáu tháng tới"]
                    : ["Kiểm điểm tháng", "Nhiệm vụ tháng tới"],
                lastMonthReview: "Kiểm điểm việc thực hiện nghị quyết kỳ trước",
                monthEvaluation: "Các chi bộ cơ bản hoàn thành nhiệm vụ",
                nextMonthDirection: "Chỉ đạo các chi bộ thực hiện nhiệm vụ trọng tâm",
                conclusion: "Thống nhất nội dung nghị quyết"),
            actor: actor)
    }
}

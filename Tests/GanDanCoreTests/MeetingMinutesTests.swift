import Testing

@testable import GanDanCore

@Suite("Meeting minutes validation (rules.md R8, R10, R11)")
struct MeetingMinutesTests {
    static let date = CivilDate(year: 2026, month: 3, day: 15)!

    /// A valid 90-minute regular meeting: 3 full, 1 probationary, 1 exempt on the roll.
    static func minutes(
        kind: MeetingKind = .regular, start: String = "19:00", end: String = "20:30",
        notice: CivilDate? = CivilDate(year: 2026, month: 3, day: 13)
    ) -> MeetingMinutes {
        MeetingMinutes(
            date: date, kind: kind, startTime: TimeOfDay(start)!, endTime: TimeOfDay(end)!, noticeSentOn: notice,
            roll: MeetingRoll(full: 3, probationary: 1, exempt: 1),
            attendance: [
                MeetingAttendance(memberID: "a", standing: .full, status: .present),
                MeetingAttendance(memberID: "b", standing: .full, status: .present),
                MeetingAttendance(memberID: "c", standing: .full, status: .absentExcused(reason: "ốm")),
                MeetingAttendance(memberID: "d", standing: .probationary, status: .present),
                MeetingAttendance(memberID: "e", standing: .exempt, status: .absentUnexcused),
            ],
            chairID: "a", recorderID: "b", agenda: ["Mở rộng trồng lê ở Khuổi Phầy"],
            lastMonthReview: "Đã thăm 10 hộ nghèo", monthEvaluation: "Hoàn thành",
            nextMonthDirection: "Vận động hộ trồng lê",
            tasks: [MeetingTask(description: "Vận động 3 hộ", assigneeIDs: ["b"])],
            votes: [MeetingVote(subject: "Nghị quyết tháng 3", inFavour: 2, against: 0)],
            conclusion: "Thống nhất nghị quyết tháng 3")
    }

    static func fields(_ issues: [InputIssue]) -> [String] { issues.compactMap(\.field) }

    @Test("a well-kept 90-minute regular meeting has no issues")
    func valid() {
        #expect(Self.minutes().issues(cellFullMembers: 4).isEmpty)
    }

    @Test("a 89-minute regular meeting is too short, 90 is enough (rules.md R8)")
    func regularDuration() {
        #expect(Self.fields(Self.minutes(end: "20:29").issues(cellFullMembers: 4)) == ["endTime"])
        #expect(Self.minutes(end: "20:30").issues(cellFullMembers: 4).isEmpty)
    }

    @Test("a short meeting is a breach recorded as a warning in plain words, not an error (rules.md R8)")
    func shortIsBreach() {
        let short = Self.minutes(end: "19:45")
        #expect(short.breaches() == [.short(minutes: 45, minimum: 90)])
        #expect(short.issues(cellFullMembers: 4).allSatisfy { $0.isWarning })
        #expect(short.breaches().first?.label.vi == "Họp ngắn: 45 phút, ít hơn 90 phút tối thiểu")
        #expect(Self.minutes(start: "20:00", end: "19:00").breaches().isEmpty)
        let late = Self.minutes(notice: Self.date)
        #expect(late.breaches() == [.lateNotice(daysAhead: 0, required: 1)])
        #expect(late.breaches().first?.label.en.contains("rules.md") == false)
    }

    @Test("a combined meeting needs 120 minutes: 119 fails, 120 passes (rules.md R8)")
    func combinedDuration() {
        #expect(Self.fields(Self.minutes(kind: .combined, end: "20:59").issues(cellFullMembers: 4)) == ["endTime"])
        #expect(Self.minutes(kind: .combined, end: "21:00").issues(cellFullMembers: 4).isEmpty)
        #expect(Self.minutes(kind: .thematic, end: "20:30").issues(cellFullMembers: 4).isEmpty)
    }

    @Test("very small cells may meet for the shorter time the committee set (rules.md R8)")
    func smallCell() {
        let settings = MeetingSettings(smallCellMaximumFullMembers: 5, smallCellMinimumMinutes: 60)
        let short = Self.minutes(end: "20:00")
        #expect(short.issues(settings: settings, cellFullMembers: 4).isEmpty)
        #expect(Self.fields(short.issues(settings: settings, cellFullMembers: 6)) == ["endTime"])
        #expect(Self.fields(short.issues(cellFullMembers: 4)) == ["endTime"])
        #expect(settings.minimumDuration(for: .combined, cellFullMembers: 4) == 60)
        #expect(
            MeetingSettings(smallCellMaximumFullMembers: 5).minimumDuration(for: .regular, cellFullMembers: 3) == 90)
    }

    @Test("an end before or at the start is an error on endTime")
    func endAfterStart() {
        let issues = Self.minutes(start: "20:00", end: "19:00").issues(cellFullMembers: 4)
        #expect(Self.fields(issues) == ["endTime"])
        #expect(issues[0].message.contains("not after"))
    }

    @Test("present + absent must equal full + probationary on the roll (rules.md R10)")
    func rollArithmetic() {
        var minutes = Self.minutes()
        #expect(minutes.presentCount == 3)
        #expect(minutes.absentCount == 1)
        minutes.roll.full = 4
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)) == ["attendance"])
        minutes.roll.full = 3
        minutes.attendance.append(MeetingAttendance(memberID: "a", standing: .full, status: .present))
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)).contains("attendance[5].memberID"))
    }

    @Test("exempt members are never counted absent, even when listed absent (rules.md R4, R10)")
    func exemptNotAbsent() {
        var minutes = Self.minutes()
        minutes.attendance[4].status = .present
        #expect(minutes.absentCount == 1)
        #expect(minutes.issues(cellFullMembers: 4).isEmpty)
        minutes.roll.exempt = 0
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)) == ["roll.exempt"])
    }

    @Test("an excused absence needs its reason (rules.md R10)")
    func excusedReason() {
        var minutes = Self.minutes()
        minutes.attendance[2].status = .absentExcused(reason: "  ")
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)) == ["attendance[2].reason"])
    }

    @Test("chair and recorder must be recorded present")
    func chairAndRecorder() {
        var minutes = Self.minutes()
        minutes.chairID = "c"
        minutes.recorderID = ""
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)) == ["chairID", "recorderID"])
    }

    @Test("votes may not exceed the present full members; probationary members do not vote")
    func voteBounds() {
        var minutes = Self.minutes()
        #expect(minutes.presentVoters == 2)
        minutes.votes = [MeetingVote(subject: "x", inFavour: 2, against: 0, abstaining: 0)]
        #expect(minutes.issues(cellFullMembers: 4).isEmpty)
        minutes.votes = [MeetingVote(subject: "x", inFavour: 2, against: 0, abstaining: 1)]
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)) == ["votes[0]"])
        minutes.votes = [MeetingVote(subject: "x", inFavour: -1, against: 0)]
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)) == ["votes[0]"])
        #expect(MeetingVote(subject: "x", inFavour: 2, against: 1).isAdopted(voters: 3))
        #expect(!MeetingVote(subject: "x", inFavour: 1, against: 1).isAdopted(voters: 2))
    }

    @Test("an empty conclusion and an unassigned task are named issues (rules.md R10)")
    func conclusionAndTasks() {
        var minutes = Self.minutes()
        minutes.conclusion = " \n"
        minutes.tasks.append(MeetingTask(description: "Trồng lê", assigneeIDs: []))
        #expect(Self.fields(minutes.issues(cellFullMembers: 4)) == ["tasks[1].assigneeIDs", "conclusion"])
    }

    @Test("notice one day before is enough; the same day or unrecorded is a warning (rules.md R11)")
    func noticeTiming() {
        #expect(Self.minutes(notice: CivilDate(year: 2026, month: 3, day: 14)).warnings().isEmpty)
        let late = Self.minutes(notice: Self.date).issues(cellFullMembers: 4)
        #expect(Self.fields(late) == ["noticeSentOn"])
        #expect(late[0].isWarning)
        #expect(Self.fields(Self.minutes(notice: nil).warnings()) == ["noticeSentOn"])
        let twoDays = MeetingSettings(minimumNoticeDays: 2)
        #expect(Self.minutes(notice: CivilDate(year: 2026, month: 3, day: 14)).warnings(settings: twoDays).count == 1)
    }

    @Test("times parse as HH:MM and 7h30; impossible times do not")
    func timeOfDay() {
        #expect(TimeOfDay("7h30")?.minutesSinceMidnight == 450)
        #expect(TimeOfDay("19:05")?.description == "19:05")
        #expect(TimeOfDay("8h")?.minutesSinceMidnight == 480)
        #expect(TimeOfDay("24:00") == nil)
        #expect(TimeOfDay("7:5x") == nil)
    }

    @Test("meeting kinds have bilingual labels; a thematic meeting never replaces the monthly one (rules.md R9)")
    func kinds() {
        #expect(MeetingKind.regular.label.vi == "Sinh hoạt thường kỳ")
        #expect(MeetingKind.thematic.label.en == "Thematic meeting")
        #expect(!MeetingKind.thematic.countsAsMonthly)
        #expect(MeetingKind.combined.countsAsMonthly)
    }
}

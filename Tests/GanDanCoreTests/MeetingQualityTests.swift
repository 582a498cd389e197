import Testing

@testable import GanDanCore

@Suite("Meeting quality checklist")
struct MeetingQualityTests {
    static let perfect = MeetingQualityChecklist(
        onTime: true, durationMet: true, attendanceRate: 1, topicsPrepared: true, tasksReviewed: true,
        resolutionAdopted: true)

    @Test("a perfect meeting scores 100 and is good")
    func perfectScore() {
        let result = MeetingQualityScore(Self.perfect)
        #expect(result.score == 100)
        #expect(result.band.label.vi == "Tốt")
    }

    @Test("default bands: 90 good, 70 fairly good, 50 average, below poor")
    func bands() {
        var checklist = Self.perfect
        checklist.onTime = false
        #expect(MeetingQualityScore(checklist).score == 90)
        #expect(MeetingQualityScore(checklist).band.label.en == "Good")
        checklist.durationMet = false
        #expect(MeetingQualityScore(checklist).score == 70)
        #expect(MeetingQualityScore(checklist).band.label.en == "Fairly good")
        checklist.topicsPrepared = false
        #expect(MeetingQualityScore(checklist).band.label.en == "Average")
        checklist.resolutionAdopted = false
        #expect(MeetingQualityScore(checklist).score == 35)
        #expect(MeetingQualityScore(checklist).band.label.vi == "Kém")
    }

    @Test("attendance earns a share below the target and full weight at it")
    func attendanceShare() {
        var checklist = Self.perfect
        checklist.attendanceRate = 0.9
        #expect(MeetingQualityScore(checklist).score == 100)
        checklist.attendanceRate = 0.45
        #expect(MeetingQualityScore(checklist).score == 90)
    }

    @Test("a province may set its own weights and bands")
    func provinceSettings() {
        let settings = MeetingQualitySettings(
            weights: [.onTime: 1, .durationMet: 1],
            bands: [
                MeetingQualityBand(minimumScore: 0, label: BilingualText(vi: "Chưa đạt", en: "Not met")),
                MeetingQualityBand(minimumScore: 100, label: BilingualText(vi: "Đạt", en: "Met")),
            ])
        var checklist = Self.perfect
        #expect(MeetingQualityScore(checklist, settings: settings).band.label.en == "Met")
        checklist.onTime = false
        #expect(MeetingQualityScore(checklist, settings: settings).score == 50)
        #expect(MeetingQualityScore(checklist, settings: settings).band.label.en == "Not met")
    }

    @Test("the checklist reads from minutes")
    func fromMinutes() {
        let minutes = MeetingMinutesTests.minutes()
        let checklist = MeetingQualityChecklist(
            minutes: minutes, scheduledStart: TimeOfDay("19:00")!, cellFullMembers: 4)
        #expect(checklist.onTime && checklist.durationMet && checklist.topicsPrepared)
        #expect(checklist.tasksReviewed && checklist.resolutionAdopted)
        #expect(checklist.attendanceRate == 0.75)
        let late = MeetingQualityChecklist(minutes: minutes, scheduledStart: TimeOfDay("18:45")!, cellFullMembers: 4)
        #expect(!late.onTime)
    }
}

import Testing

@testable import GanDanCore

@Suite("The village cell supervises the leaders placed in it (rules.md A8)")
struct LeaderSupervisionTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    static func comment(
        period: SupervisionPeriod = .year(2019), on date: String = "2019-12-20", text: String = "Bám sát hộ nghèo",
        reportBack: LeaderReportBack? = nil
    ) -> LeaderSupervision {
        LeaderSupervision(leaderID: "hoan", period: period, commentedOn: d(date), comment: text, reportBack: reportBack)
    }

    @Test("a year's comment with the leader's report back is valid")
    func valid() {
        let reply = LeaderReportBack(reportedOn: Self.d("2020-01-15"), text: "Đã tiếp thu, sẽ họp dân tháng 2")
        #expect(Self.comment(reportBack: reply).issues().isEmpty)
        #expect(Self.comment(period: .year(2019), on: "2020-01-10").issues().isEmpty)
        #expect(Self.comment(period: .adHoc(Self.d("2019-08-02")), on: "2019-08-10").issues().isEmpty)
    }

    @Test(
        "empty texts, implausible years and replies before the comment are issues",
        arguments: [
            (SupervisionPeriod.year(2020), "2019-12-20", "ok", "period"), (.year(1995), "2019-12-20", "ok", "period"),
            (.year(2019), "2019-12-20", "  ", "comment"),
            (.adHoc(CivilDate("2019-12-21")!), "2019-12-20", "ok", "period"),
        ])
    func invalid(period: SupervisionPeriod, date: String, text: String, field: String) {
        #expect(Self.comment(period: period, on: date, text: text).issues().map(\.field) == [field])
    }

    @Test("a late comment on an old year warns; a report back before the comment is an issue")
    func lateAndReply() {
        let late = Self.comment(period: .year(2019), on: "2021-03-01").issues()
        #expect(late.map(\.field) == ["period"])
        #expect(late.first?.isWarning == true)
        let early = LeaderReportBack(reportedOn: Self.d("2019-12-01"), text: " ")
        #expect(Self.comment(reportBack: early).issues().map(\.field) == ["reportBack.text", "reportBack.reportedOn"])
    }
}

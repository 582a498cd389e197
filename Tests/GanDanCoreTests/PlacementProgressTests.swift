import Foundation
import Testing

@testable import GanDanCore

@Suite("Placement progress per commune: to move, moved, key leaders, placed (rules.md A1–A3, R13, R26)")
struct PlacementProgressTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }
    static let commune = UUID()
    static let otherCommune = UUID()
    static let village = UUID()
    static let otherVillage = UUID()
    static let member = UUID()

    static func stay(
        _ member: UUID = member, commune: UUID = commune, from: String = "2015-01-01", until: String? = nil
    ) -> PlacementProgress.AgencyStay {
        PlacementProgress.AgencyStay(
            memberID: member, unitID: commune, plannedOn: d("2019-03-15"), from: d(from), until: until.map(d))
    }

    static func progress(
        on day: String, until: String?, cell: UUID?, posts: [PlacementProgress.Post] = [],
        plans: [UUID: [PlacementProgress.Decision]] = [:]
    ) -> PlacementProgress {
        let departures = PlacementProgress.departures([stay(until: until)], on: d(day))
        return PlacementProgress(
            on: d(day), departures: departures, cellOnDay: cell.map { [member: $0] } ?? [:],
            villageCells: [village: commune, otherVillage: otherCommune], posts: [member: posts], plans: plans)
    }

    @Test("a member who left the agency cell before it was planned for dissolution is not one to move (rules.md A1)")
    func leftBeforePlan() {
        let departures = PlacementProgress.departures(
            [Self.stay(until: "2019-03-15"), Self.stay(UUID(), from: "2019-05-01")], on: Self.d("2019-04-01"))
        #expect(departures.isEmpty)
    }

    @Test("a member with two agency stays counts once, in the commune of the stay that ends last")
    func lastStayCounts() {
        let departures = PlacementProgress.departures(
            [
                Self.stay(commune: Self.otherCommune, until: "2019-04-01"),
                Self.stay(commune: Self.commune, until: "2019-04-10"),
                Self.stay(commune: Self.otherCommune, until: "2019-03-20"),
            ],
            on: Self.d("2019-05-01"))
        #expect(departures == [Self.member: .init(unitID: Self.commune, until: Self.d("2019-04-10"))])
        let open = PlacementProgress.departures(
            [Self.stay(commune: Self.otherCommune), Self.stay(until: "2019-04-10")], on: Self.d("2019-05-01"))
        #expect(open[Self.member]?.unitID == Self.otherCommune)
    }

    @Test("a member off the agency roll and on a village cell of the same commune counts as moved (rules.md A2, R13)")
    func moved() {
        let progress = Self.progress(on: "2019-05-01", until: "2019-04-10", cell: Self.village)
        #expect(progress.count(.toMove, in: Self.commune) == 1)
        #expect(progress.count(.moved, in: Self.commune) == 1)
        #expect(progress.cellsReceived[Self.commune] == [Self.village])
    }

    @Test("a member still on the agency roll, or moved to another commune's village, is to move but not moved")
    func notMoved() {
        let staying = Self.progress(on: "2019-05-01", until: nil, cell: nil)
        #expect(staying.count(.toMove, in: Self.commune) == 1)
        #expect(staying.count(.moved, in: Self.commune) == 0)
        let elsewhere = Self.progress(on: "2019-05-01", until: "2019-04-10", cell: Self.otherVillage)
        #expect(elsewhere.count(.moved, in: Self.commune) == 0)
        #expect(elsewhere.cellsReceived.isEmpty)
        let notYet = Self.progress(on: "2019-04-05", until: "2019-04-10", cell: Self.village)
        #expect(notYet.count(.moved, in: Self.commune) == 0)
    }

    @Test("a key leader on their last day in the agency cell counts as a leader moved, with the cell received (A3)")
    func leaderMoved() {
        let chairman = PlacementProgress.Post(
            kind: .peoplesCommitteeChairman, from: Self.d("2016-01-01"), until: Self.d("2019-04-10"))
        let progress = Self.progress(on: "2019-05-01", until: "2019-04-10", cell: Self.village, posts: [chairman])
        #expect(progress.count(.leadersToMove, in: Self.commune) == 1)
        #expect(progress.count(.leadersMoved, in: Self.commune) == 1)
        #expect(progress.cellsWithLeader[Self.commune] == [Self.village])
    }

    @Test("a post that ended before the last day in the agency cell, or is not a key post, makes no key leader")
    func notLeader() {
        let ended = PlacementProgress.Post(
            kind: .partySecretary, from: Self.d("2016-01-01"), until: Self.d("2019-04-09"))
        let cellPost = PlacementProgress.Post(kind: .cellSecretary, from: Self.d("2016-01-01"), until: nil)
        let progress = Self.progress(
            on: "2019-05-01", until: "2019-04-10", cell: Self.village, posts: [ended, cellPost])
        #expect(progress.count(.leadersToMove, in: Self.commune) == 0)
        #expect(progress.cellsWithLeader.isEmpty)
        #expect(PlacementProgress.isKeyLeader([ended], on: Self.d("2019-04-08"), exempt: []))
    }

    @Test("a member of the plan in force counts as placed only when in the cell the plan put them in")
    func placed() {
        let plan = [Self.commune: [PlacementProgress.Decision(memberID: Self.member, toCellID: Self.village)]]
        let there = Self.progress(on: "2019-05-01", until: "2019-04-10", cell: Self.village, plans: plan)
        #expect(there.count(.planned, in: Self.commune) == 1)
        #expect(there.count(.placed, in: Self.commune) == 1)
        let elsewhere = Self.progress(on: "2019-05-01", until: "2019-04-10", cell: Self.otherVillage, plans: plan)
        #expect(elsewhere.count(.planned, in: Self.commune) == 1)
        #expect(elsewhere.count(.placed, in: Self.commune) == 0)
    }

    @Test("the dashboard's key leaders are the plan's: a post exempt from placement makes none (rules.md A3, R16)")
    func keyLeaderIsThePlansDefinition() {
        let secretary = [PlacementProgress.Post(kind: .partySecretary, from: Self.d("2015-01-01"), until: nil)]
        let chairman = [PlacementProgress.Post(kind: .peoplesCommitteeChairman, from: Self.d("2015-01-01"), until: nil)]
        let both =
            secretary + [PlacementProgress.Post(kind: .peoplesCouncilChairman, from: Self.d("2015-01-01"), until: nil)]
        for (posts, expected) in [(secretary, 0), (chairman, 1), (both, 0)] {
            let progress = Self.progress(on: "2019-05-01", until: "2019-04-10", cell: Self.village, posts: posts)
            #expect(progress.count(.leadersToMove, in: Self.commune) == expected)
            let kinds = posts.map(\.kind)
            let planSays = PlacementCosts.seniority(kinds, exempt: PostKind.standardPlacementExempt) > 0
            #expect(planSays == (expected == 1))
        }
        // A plan that exempts no post counts the commune's party secretary as a key leader, on the dashboard too.
        let departures = PlacementProgress.departures([Self.stay(until: "2019-04-10")], on: Self.d("2019-05-01"))
        let unexempted = PlacementProgress(
            on: Self.d("2019-05-01"), departures: departures, cellOnDay: [Self.member: Self.village],
            villageCells: [Self.village: Self.commune], posts: [Self.member: secretary], plans: [:],
            exempt: [Self.commune: []])
        #expect(unexempted.count(.leadersToMove, in: Self.commune) == 1)
    }
}

@Suite("Dissolution progress against a directive's deadline (rules.md A1)")
struct DissolutionProgressTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test("all cells dissolved by the deadline is on time; the last after it is late")
    func finished() {
        let onTime = DissolutionProgress(
            dissolvedOn: [Self.d("2019-04-01"), Self.d("2019-04-20")], deadline: Self.d("2019-04-20"),
            on: Self.d("2019-06-01"))
        #expect(onTime.dissolved == 2)
        #expect(onTime.completedOn == Self.d("2019-04-20"))
        #expect(onTime.status == .onTime)
        let late = DissolutionProgress(
            dissolvedOn: [Self.d("2019-04-21")], deadline: Self.d("2019-04-20"), on: Self.d("2019-06-01"))
        #expect(late.status == .late)
    }

    @Test("a dissolution after the day asked does not count yet, so the directive is open or overdue (rules.md R26)")
    func asOfTheDay() {
        let days: [CivilDate?] = [Self.d("2019-04-01"), Self.d("2019-04-25"), nil]
        let open = DissolutionProgress(dissolvedOn: days, deadline: Self.d("2019-04-20"), on: Self.d("2019-04-10"))
        #expect(open.total == 3)
        #expect(open.dissolved == 1)
        #expect(open.completedOn == nil)
        #expect(open.status == .open)
        let overdue = DissolutionProgress(
            dissolvedOn: days, deadline: Self.d("2019-04-20"), on: Self.d("2019-04-30"))
        #expect(overdue.dissolved == 2)
        #expect(overdue.status == .overdue)
    }

    @Test("no cell planned, or no deadline, is not planned")
    func notPlanned() {
        #expect(
            DissolutionProgress(dissolvedOn: [], deadline: Self.d("2019-04-20"), on: Self.d("2019-04-10")).status
                == .notPlanned)
        #expect(DissolutionProgress(dissolvedOn: [nil], deadline: nil, on: Self.d("2019-04-10")).status == .notPlanned)
    }
}

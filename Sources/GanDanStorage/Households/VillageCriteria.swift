import FluentKit
import Foundation
import GanDanCore

/// One criterion of the set in force, with the village's status that year and the tasks aimed at it.
public struct CriterionStatusView: Codable, Sendable, Hashable {
    public var number: Int
    public var name: BilingualText
    public var isEnvironment: Bool
    /// Nil when not assessed that year.
    public var met: Bool?
    public var note: String?
    public var tasks: Int
}

/// A village's new-rural criteria for one year under the set in force (rules.md R24).
public struct VillageCriteriaReport: Codable, Sendable, Hashable {
    public var villageID: UUID
    public var year: Int
    public var set: RuralCriteriaSet
    public var criteria: [CriterionStatusView]

    public var metCount: Int { criteria.filter { $0.met == true }.count }
}

/// Each village's status per new-rural criterion per year, under versioned criteria sets (rules.md R24).
public struct VillageCriteria: Sendable {
    let db: any Database
    let scope: AccessScope
    /// The criteria sets in use: the built-in ones, or a province's file over them (rules.md R24).
    let sets: [RuralCriteriaSet]

    public init(db: any Database, scope: AccessScope, sets: [RuralCriteriaSet] = RuralCriteriaSet.all) {
        self.db = db
        self.scope = scope
        self.sets = sets
    }

    /// The set in force in the middle of `year`.
    public static func set(for year: Int, in sets: [RuralCriteriaSet] = RuralCriteriaSet.all) -> RuralCriteriaSet? {
        RuralCriteriaSet.inForce(year: year, in: sets)
    }

    /// The village's criteria in `year`, with tasks of its cells that target each one.
    public func report(village unitID: UUID, year: Int) async throws -> VillageCriteriaReport? {
        guard scope.contains(unit: unitID), let set = Self.set(for: year, in: sets) else { return nil }
        let rows = try await VillageCriterionRecord.query(on: db).filter(\.$unitID == unitID).filter(\.$year == year)
            .filter(\.$setID == set.id).all()
        let byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let cells = try await OrganisationRecord.query(on: db).filter(\.$unitID == unitID).all().compactMap(\.id)
        let tasks =
            try await cells.isEmpty
            ? []
            : MemberTaskRecord.query(on: db).filter(\.$organisationID ~~ cells).filter(\.$criterionSet == set.id)
                .filter(\.$dueMonth >= "\(year)-01").filter(\.$dueMonth <= "\(year)-12").all()
        var taskCount: [Int: Int] = [:]
        for task in tasks { if let number = task.criterionNumber { taskCount[number, default: 0] += 1 } }
        return VillageCriteriaReport(
            villageID: unitID, year: year, set: set,
            criteria: set.criteria.map { criterion in
                CriterionStatusView(
                    number: criterion.number, name: criterion.name,
                    isEnvironment: criterion.number == set.environmentNumber,
                    met: byNumber[criterion.number]?.met, note: byNumber[criterion.number]?.note,
                    tasks: taskCount[criterion.number] ?? 0)
            })
    }

    /// Records which criteria the village meets in `year`; numbers not in the set are refused.
    public func record(village unitID: UUID, year: Int, met: [Int: Bool], notes: [Int: String] = [:], actor: Actor)
        async throws
    {
        try CivilDate.requireSupported(year: year, field: "year")
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no village \(unitID)") }
        guard let set = Self.set(for: year, in: sets) else {
            throw InputError.invalid([
                // rules.md R24: the criteria set in force that year.
                InputIssue(
                    field: "year", vi: "Không có bộ tiêu chí nông thôn mới nào áp dụng cho năm \(year).",
                    en: "No new-rural criteria set covers \(year).")
            ])
        }
        let unknown = met.keys.filter { set.criterion(number: $0) == nil }.sorted()
        guard unknown.isEmpty else {
            throw InputError.invalid(
                unknown.map {
                    InputIssue(
                        field: "met.\($0)", vi: "Bộ tiêu chí \(set.id) không có tiêu chí số \($0).",
                        en: "The \(set.id) set has no criterion \($0).")
                })
        }
        try await db.writeTransaction { db in
            for (number, value) in met {
                let existing = try await VillageCriterionRecord.query(on: db).filter(\.$unitID == unitID)
                    .filter(\.$year == year).filter(\.$setID == set.id).filter(\.$number == number).first()
                let record = existing ?? VillageCriterionRecord()
                record.unitID = unitID
                record.year = year
                record.setID = set.id
                record.number = number
                record.met = value
                record.note = notes[number].flatMap { $0.isEmpty ? nil : $0 } ?? record.note
                try await record.save(on: db)
            }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "village_criteria",
                    entityID: "\(unitID.uuidString)#\(year)",
                    after: AuditTrail.json(Dictionary(uniqueKeysWithValues: met.map { (String($0.key), $0.value) })),
                    requestID: actor.requestID, unitID: unitID))
        }
    }
}

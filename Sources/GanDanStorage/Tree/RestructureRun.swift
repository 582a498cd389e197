import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// One restructure inside its transaction: reads the tree as it stood the day before, checks, writes, and reports
/// (rules.md R26). Every write is a new dated row or the end of an open one; nothing before the date changes.
struct RestructureRun {
    let db: any Database
    let list: UnitListFile
    let date: CivilDate
    let eve: CivilDate
    let actor: Actor
    var report: RestructureReport
    var events: [AuditEvent] = []
    /// The new units of the list with the old units they came from (held ones with their ids).
    var conversion: [UnitSuccession] = []
    /// Each village moving, to its new commune.
    var villageMoves: [UUID: UUID] = [:]
    /// Each old commune held, to the new commune it went (whole) or the first it went to (in part).
    var communeSuccessor: [UUID: UUID] = [:]
    /// Organisations that end on the date, and those that move (to a unit and a parent).
    var ending: Set<UUID> = []
    var moves: [UUID: (unit: UUID, parent: UUID?)] = [:]

    init(db: any Database, list: UnitListFile, date: CivilDate, actor: Actor) async throws {
        self.db = db
        self.list = list
        self.date = date
        self.eve = date.adding(days: -1)
        self.actor = actor
        self.report = RestructureReport(date: date)
    }

    mutating func perform() async throws {
        report.units = try await UnitListWriter(db: db, scope: .everything).write(list, actor: actor)
        let codes = Set(list.successions.map(\.code))
        conversion = try await UnitSuccessions(db: db, scope: .everything).conversion(on: date)
            .filter { codes.contains($0.code) }
        let held = Set(conversion.flatMap { $0.predecessors.compactMap(\.unitID) })
        let open = try await UnitRecord.query(on: db).filter(\.$unitID ~~ Array(held)).inForce(on: date).count()
        if !held.isEmpty && open == 0 {
            report.alreadyApplied = true
            return
        }
        let districts = try await endingDistricts()
        try await checkCoverage(districts: districts, held: held)
        try await assignVillages()
        let committees = try await planOrganisations(districts: districts)
        checkOrphans(try await orphans())
        try await checkLaterChanges()
        guard report.conflicts.isEmpty else { return }
        try await writeUnits(districts: districts)
        try await writeOrganisations(committees: committees)
        try await AuditTrail(db: db, scope: .storageInternal).record(events)
    }

    mutating func conflict(vi: String, en: String, field: String? = nil, code: String? = nil) {
        report.conflicts.append(InputIssue(line: code.flatMap { list.lines[$0] }, field: field, vi: vi, en: en))
    }

    mutating func change(vi: String, en: String) {
        report.changes.append(BilingualText(vi: vi, en: en))
    }

    /// The districts in force the day before under the list's provinces: all end.
    func endingDistricts() async throws -> [UnitRecord] {
        let provinceCodes = list.units.filter { $0.kind == .province }.map(\.code)
        let provinces = try await UnitRecord.query(on: db).filter(\.$code ~~ provinceCodes).inForce(on: eve).all()
        return try await UnitRecord.query(on: db).filter(\.$parentUnitID ~~ provinces.map(\.unitID))
            .filter(\.$kind == UnitKind.district.rawValue).inForce(on: eve).sort(\.$nameSort).all()
    }

    /// Every old commune of an ending district must go into a new one.
    mutating func checkCoverage(districts: [UnitRecord], held: Set<UUID>) async throws {
        let communes = try await UnitRecord.query(on: db).filter(\.$parentUnitID ~~ districts.map(\.unitID))
            .inForce(on: eve).sort(\.$nameSort).all()
        let districtName = Dictionary(districts.map { ($0.unitID, $0.name) }, uniquingKeysWith: { a, _ in a })
        for commune in communes where !held.contains(commune.unitID) {
            let district = commune.parentUnitID.flatMap { districtName[$0] } ?? ""
            conflict(
                vi: "\(commune.name) (mã \(commune.code), huyện \(district)) không thuộc xã, phường mới nào trong tệp.",
                en: "\(commune.name) (code \(commune.code), district \(district)) goes into no new commune of the file."
            )
        }
    }
}

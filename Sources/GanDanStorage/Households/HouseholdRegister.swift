import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// A household survey's figures, from which its status under the standard follows (rules.md R25).
public struct HouseholdSurvey: Codable, Sendable, Hashable {
    /// Average income, VND per person per month.
    public var income: Int
    /// Deprivation indicators the household lacks.
    public var deprivations: Int

    public init(income: Int, deprivations: Int) {
        self.income = income
        self.deprivations = deprivations
    }
}

/// A household to add to a village's register, with its status in one year (rules.md R25).
public struct HouseholdDraft: Codable, Sendable, Hashable {
    public var headName: String
    public var size: Int?
    public var year: Int
    public var status: HouseholdPovertyStatus
    /// The survey the status rests on, when given: the status must be the one the standard's lines give it.
    public var survey: HouseholdSurvey?

    public init(
        headName: String, size: Int? = nil, year: Int, status: HouseholdPovertyStatus, survey: HouseholdSurvey? = nil
    ) {
        self.headName = headName
        self.size = size
        self.year = year
        self.status = status
        self.survey = survey
    }
}

/// A household as the register lists it for one year.
public struct HouseholdView: Codable, Sendable, Hashable {
    public var id: UUID
    public var villageID: UUID
    public var headName: String
    public var size: Int?
    public var year: Int
    /// Nil when nothing was recorded for the year.
    public var status: HouseholdPovertyStatus?
    public var standardID: String?
    /// Open tasks that help this household (rules.md A6).
    public var openTasks: Int
}

/// The household register of each village: heads of household and poverty status per year (rules.md R25).
public struct HouseholdRegister: Sendable {
    let db: any Database
    let scope: AccessScope
    /// The poverty standards in use: the built-in ones, or a province's file over them (`Settings`).
    let standards: [PovertyStandard]

    public init(db: any Database, scope: AccessScope, standards: [PovertyStandard] = PovertyStandard.all) {
        self.db = db
        self.scope = scope
        self.standards = standards
    }

    /// The village's households with their status in `year`, in Vietnamese name order.
    public func households(ofVillage unitID: UUID, year: Int) async throws -> [HouseholdView] {
        guard scope.contains(unit: unitID) else { return [] }
        let records = try await HouseholdRecord.query(on: db).filter(\.$unitID == unitID).sort(\.$nameSort)
            .sort(\.$id).all()
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.id)
        let statuses = Dictionary(
            try await HouseholdStatusRecord.query(on: db).filter(\.$householdID ~~ ids).filter(\.$year == year).all()
                .map { ($0.householdID, $0) }, uniquingKeysWith: { first, _ in first })
        let links = try await TaskHouseholdRecord.query(on: db).filter(\.$householdID ~~ ids).all()
        let open = Set(
            try await MemberTaskRecord.query(on: db).filter(\.$id ~~ Array(Set(links.map(\.taskID))))
                .filter(\.$status == MemberTaskStatus.open.rawValue).all().compactMap(\.id))
        var openTasks: [UUID: Int] = [:]
        for link in links where open.contains(link.taskID) { openTasks[link.householdID, default: 0] += 1 }
        return try records.map { record in
            let status = statuses[try record.requireID()]
            return HouseholdView(
                id: try record.requireID(), villageID: record.unitID, headName: record.headName, size: record.size,
                year: year,
                status: try status.map { try $0.decode(\.$status, as: HouseholdPovertyStatus.self) },
                standardID: status?.standardID,
                openTasks: openTasks[try record.requireID()] ?? 0)
        }
    }

    /// Poor, near-poor and escaped households per village in `year`, for the villages asked (rules.md R25).
    public func counts(ofVillages unitIDs: [UUID], year: Int) async throws -> [UUID: PovertyCount] {
        let visible = unitIDs.filter { scope.contains(unit: $0) }
        guard !visible.isEmpty else { return [:] }
        // One grouped query per 500 villages: loading every household and status as records made a district's
        // impact report slower than the GET fuzzer's 10 s in a debug build (issue 21).
        let sql = try db.sqlDatabase()
        var result: [UUID: PovertyCount] = [:]
        for units in visible.chunked(500) {
            let ids: [any Encodable & Sendable] = units
            let query: SQLQueryString = """
                SELECT h.unit_id AS village, s.status AS status, COUNT(*) AS households \
                FROM households h JOIN household_statuses s ON s.household_id = h.id \
                WHERE h.unit_id IN (\(binds: ids)) AND s.year = \(bind: year) GROUP BY h.unit_id, s.status
                """
            for row in try await sql.raw(query).all() {
                let village = try row.decode(column: "village", as: UUID.self)
                let text = try row.decode(column: "status", as: String.self)
                guard let status = HouseholdPovertyStatus(rawValue: text) else {
                    throw StorageError.corrupt(table: HouseholdStatusRecord.schema, column: "status", value: text)
                }
                let count = try row.decode(column: "households", as: Int.self)
                result[village, default: PovertyCount()] =
                    result[village, default: PovertyCount()] + PovertyCount(Array(repeating: status, count: count))
            }
        }
        return result
    }

    /// Adds a household to a village's register with its status for one year, under the standard then in force.
    public func add(_ draft: HouseholdDraft, village unitID: UUID, actor: Actor) async throws -> HouseholdView {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no village \(unitID)") }
        guard let unit = try await UnitRecord.query(on: db).filter(\.$unitID == unitID).first(),
            try unit.decode(\.$kind, as: UnitKind.self) == .village
        else { throw StorageError.notFound("no village \(unitID)") }
        var issues: [InputIssue] = []
        let name = draft.headName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            issues.append(InputIssue(field: "headName", vi: "Chưa ghi tên chủ hộ.", en: "Name the head of household."))
        }
        if name.count > 120 {
            issues.append(
                InputIssue(
                    field: "headName", vi: "Tên chủ hộ dài hơn 120 ký tự.",
                    en: "The name is longer than 120 characters."))
        }
        if let size = draft.size, !(1...50).contains(size) {
            issues.append(
                InputIssue(field: "size", vi: "Một hộ có từ 1 đến 50 người.", en: "A household has 1 to 50 people."))
        }
        let standard = PovertyStandard.inForce(year: draft.year, in: standards)
        if let standard {
            issues += try Self.surveyIssues(draft.survey, status: draft.status, standard: standard, village: unit)
        } else {
            issues.append(
                // rules.md R25: the poverty standard in force that year.
                Self.noStandard(draft.year))
        }
        guard issues.isEmpty, let standard else { throw InputError.invalid(issues) }
        let record = HouseholdRecord()
        record.id = UUID()
        record.unitID = unitID
        record.headName = name
        record.nameSort = VietnameseText.personNameSortKey(name)
        record.nameSearch = VietnameseText.searchKey(name)
        record.size = draft.size
        record.createdAt = Date()
        try await db.writeTransaction { db in
            try await record.create(on: db)
            let status = HouseholdStatusRecord()
            status.householdID = try record.requireID()
            status.year = draft.year
            status.standardID = standard.id
            status.status = draft.status.rawValue
            try await status.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "household", entityID: record.id?.uuidString,
                    after: AuditTrail.json(draft), requestID: actor.requestID, unitID: unitID))
        }
        return HouseholdView(
            id: try record.requireID(), villageID: unitID, headName: name, size: draft.size, year: draft.year,
            status: draft.status,
            standardID: standard.id, openTasks: 0)
    }

    /// Records a household's status for a year under the standard in force that year; with a survey, the status must
    /// be the one the standard's income lines and deprivation rule give (rules.md R25).
    public func setStatus(
        _ householdID: UUID, year: Int, status: HouseholdPovertyStatus, survey: HouseholdSurvey? = nil, actor: Actor
    ) async throws {
        try CivilDate.requireSupported(year: year, field: "year")
        guard let household = try await HouseholdRecord.find(householdID, on: db),
            scope.contains(unit: household.unitID)
        else { throw StorageError.notFound("no household \(householdID)") }
        guard let standard = PovertyStandard.inForce(year: year, in: standards) else {
            throw InputError.invalid([
                Self.noStandard(year)
            ])
        }
        if let survey, let unit = try await UnitRecord.query(on: db).filter(\.$unitID == household.unitID).first() {
            let issues = try Self.surveyIssues(survey, status: status, standard: standard, village: unit)
            guard issues.isEmpty else { throw InputError.invalid(issues) }
        }
        try await db.writeTransaction { db in
            let existing = try await HouseholdStatusRecord.query(on: db).filter(\.$householdID == householdID)
                .filter(\.$year == year).first()
            let record = existing ?? HouseholdStatusRecord()
            let before = existing?.status
            record.householdID = householdID
            record.year = year
            record.standardID = standard.id
            record.status = status.rawValue
            try await record.save(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "household_status",
                    entityID: "\(householdID.uuidString)#\(year)", before: before,
                    after: survey.map { "\(status.rawValue) \(AuditTrail.json($0) ?? "")" } ?? status.rawValue,
                    requestID: actor.requestID, unitID: household.unitID))
        }
    }

    /// The village of a household, when the household lies in the scope.
    public func village(ofHousehold id: UUID) async throws -> UUID? {
        guard let record = try await HouseholdRecord.find(id, on: db), scope.contains(unit: record.unitID) else {
            return nil
        }
        return record.unitID
    }
}

extension HouseholdRegister {
    /// Whether a survey supports the status given: the standard's lines for the village's area (a residential group
    /// is urban, a village rural) and its deprivation rule must give that status; "escaped" needs "not poor"
    /// (rules.md R25).
    static func surveyIssues(
        _ survey: HouseholdSurvey?, status: HouseholdPovertyStatus, standard: PovertyStandard, village: UnitRecord
    ) throws -> [InputIssue] {
        guard let survey else { return [] }
        let kind = try village.decode(\.$kind, as: UnitKind.self)
        let assessment = PovertyAssessment(
            income: survey.income, deprivations: survey.deprivations,
            area: kind == .residentialGroup ? .urban : .rural)
        let issues = standard.issues(assessment, field: "survey")
        guard issues.isEmpty else { return issues }
        let found = standard.classify(assessment)
        guard found != status, !(status == .escaped && found == .notPoor) else { return [] }
        return [
            // rules.md R25: the status follows the standard in force.
            InputIssue(
                field: "status",
                vi: "Thu nhập \(survey.income) đồng/người/tháng và thiếu hụt \(survey.deprivations) chỉ số là "
                    + "\(found.label.vi.lowercased()) theo chuẩn \(standard.id) (\(standard.decision), "
                    + "\(assessment.area == .urban ? "thành thị" : "nông thôn")), không phải \(status.label.vi.lowercased()).",
                en: "An income of \(survey.income) VND a person a month with \(survey.deprivations) deprivation(s) is "
                    + "\(found.label.en.lowercased()) under the \(standard.id) standard (\(standard.decision), "
                    + "\(assessment.area == .urban ? "urban" : "rural")), not \(status.label.en.lowercased()).")
        ]
    }

    /// No poverty standard covers `year`.
    static func noStandard(_ year: Int) -> InputIssue {
        InputIssue(
            field: "year", vi: "Không có chuẩn nghèo nào áp dụng cho năm \(year).",
            en: "No poverty standard covers \(year).")
    }

}

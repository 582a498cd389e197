import FluentKit
import Foundation
import GanDanCore

/// The mountain / ethnic-minority education exception of a candidate: read from the village profile, or set by hand
/// with a reason that is audited (rules.md R21).
extension CandidateRegister {
    /// Sets the exception by hand against the village profile (`override` with its reason), or returns the
    /// candidate to the profile (`nil`); audited with who, when and why (rules.md R21).
    public func setAreaOverride(_ id: UUID, _ draft: AreaOverrideDraft?, actor: Actor) async throws -> CandidateView {
        guard let record = try await CandidateRecord.find(id, on: db),
            scope.contains(organisation: record.organisationID)
        else { throw StorageError.notFound("no candidate \(id)") }
        var stored = try JSONDecoder().decode(StoredCandidate.self, from: Data(record.candidate.utf8))
        let override = draft.map {
            AreaOverride(
                applies: $0.applies, reason: $0.reason.trimmingCharacters(in: .whitespacesAndNewlines),
                recordedBy: actor.name, recordedOn: CivilDate.today())
        }
        if let override {
            let issues = Self.overrideIssues(override, field: "reason")
            guard issues.isEmpty else { throw InputError.invalid(issues) }
        }
        let before = record.candidate
        stored.area = StoredArea(villageID: stored.area?.villageID, override: override)
        stored.candidate.inDifficultArea = override?.applies ?? false
        record.candidate = String(decoding: try CellMeetings.encoder.encode(stored), as: UTF8.self)
        let unit = try await OrganisationRecord.find(record.organisationID, on: db)?.unitID
        try await db.writeTransaction { db in
            try await record.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "candidate_education_exception",
                    entityID: id.uuidString, before: before, after: record.candidate,
                    requestID: actor.requestID, unitID: unit))
        }
        return try await views([record], on: CivilDate.today()).first!
    }

    /// A reason is required, and kept short enough to print (rules.md R21).
    static func overrideIssues(_ override: AreaOverride, field: String) -> [InputIssue] {
        if override.reason.isEmpty {
            return [
                // rules.md R21: an exception to the village profile says why.
                InputIssue(
                    field: field,
                    vi: override.applies
                        ? "Hãy ghi lý do áp dụng ngoại lệ khác với hồ sơ của thôn."
                        : "Hãy ghi lý do không áp dụng ngoại lệ khác với hồ sơ của thôn.",
                    en: "Say why the exception " + (override.applies ? "applies" : "does not apply")
                        + " against the village profile.")
            ]
        }
        if override.reason.count > 500 {
            return [
                InputIssue(
                    field: field, vi: "Lý do dài hơn 500 ký tự.", en: "The reason is longer than 500 characters.")
            ]
        }
        return []
    }

    /// The candidate's village: a village-level unit in the scope.
    func villageIssues(_ id: UUID, field: String) async throws -> [InputIssue] {
        guard scope.contains(unit: id), let unit = try await UnitRecord.query(on: db).filter(\.$unitID == id).first(),
            try unit.decode(\.$kind, as: UnitKind.self).isVillageLevel
        else {
            return [
                InputIssue(
                    field: field, vi: "Thôn được chọn không thuộc đơn vị bạn phụ trách.",
                    en: "The village chosen is not one of your units.")
            ]
        }
        return []
    }

    /// Every dated version of the units, by unit, as snapshots.
    func villageVersions(_ ids: Set<UUID>) async throws -> [UUID: [UnitSnapshot]] {
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: [UnitSnapshot]] = [:]
        for record in try await UnitRecord.query(on: db).filter(\.$unitID ~~ Array(ids)).all() {
            result[record.unitID, default: []].append(try UnitSnapshot(record))
        }
        return result
    }

    /// The exception of a stored candidate with its village as it stood on the consideration date.
    static func exception(
        _ stored: StoredCandidate, record: CandidateRecord, listedOn: CivilDate, village: UnitSnapshot?
    )
        -> EducationException
    {
        let name = village.map {
            BilingualText(vi: "\($0.kind.label.vi.lowercased()) \($0.name)", en: $0.title(in: .en))
        }
        let override: AreaOverride?
        if let area = stored.area {
            override = area.override
        } else if stored.candidate.inDifficultArea {
            // Stored before the profile was read: the area was ticked by hand, and the tick stays as an override.
            override = AreaOverride(
                applies: true,
                reason: "đánh dấu tay khi lập danh sách, trước khi đọc hồ sơ thôn / ticked by hand when listed, before "
                    + "the village profile was read",
                recordedBy: record.createdBy, recordedOn: listedOn)
        } else {
            override = nil
        }
        return EducationException(village: name, profile: village?.profile, override: override)
    }
}

import FluentKit
import Foundation
import GanDanCore

/// A village split on a date as typed on the form (issue 18): the new village's code (rules.md R27), name, the
/// households it takes and, when the village counts poor households, how many of them are in the new village.
public struct VillageSplit: Sendable, Codable, Equatable {
    public var code: String?
    public var name: String?
    public var on: String?
    public var households: String?
    public var poorHouseholds: String?
    public var distanceKm: String?
    public var reason: String?

    public init(
        code: String? = nil, name: String? = nil, on: String? = nil, households: String? = nil,
        poorHouseholds: String? = nil, distanceKm: String? = nil, reason: String? = nil
    ) {
        self.code = code
        self.name = name
        self.on = on
        self.households = households
        self.poorHouseholds = poorHouseholds
        self.distanceKm = distanceKm
        self.reason = reason
    }
}

extension TreeEditor {
    /// Splits a village on a date (rules.md R26): a new village under the same commune begins that day with the
    /// households (and poor households) stated, the old one continues with the rest, and the new village is stored
    /// as a successor in part of the old. Members stay where they are: moving them is a transfer to a new cell.
    public func splitVillage(_ unitID: UUID, _ input: VillageSplit, actor: Actor) async throws -> UUID {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        return try await db.writeTransaction { db in
            let versions = try await UnitRecord.query(on: db).filter(\.$unitID == unitID).sort(\.$validFrom).all()
            guard let first = versions.first, let last = versions.last else {
                throw StorageError.notFound("no unit \(unitID)")
            }
            let old = try UnitSnapshot(last)
            guard old.kind.isVillageLevel, let communeID = old.parentID else {
                throw InputError.invalid(
                    field: "on", vi: "Chỉ tách được thôn, tổ dân phố.", en: "Only villages are split here.")
            }
            // A village whose profile was never recorded has no households to share: `shares` says so on its field.
            let profile = old.profile ?? VillageProfile()
            var form = FormFields()
            let on = Self.required(input.on, field: "on", label: TreeFieldName.on, form: &form)
            if let on {
                let existed = Validity(from: try first.date(\.$validFrom), until: old.validity.until)
                Self.within(on, existed, of: old.name, field: "on", form: &form)
            }
            // The commune's code on the day (its latest when the day is not one it had).
            let communes = try await UnitRecord.query(on: db).filter(\.$unitID == communeID).sort(\.$validFrom).all()
            let commune = communes.last { version in on.map { version.validFrom <= $0.iso } ?? false } ?? communes.last
            let code = try await villageCode(input.code, commune: commune?.code ?? "", form: &form, db: db)
            let name = Self.name(input.name, field: "unitName", form: &form)
            let shares = Self.shares(input, of: profile, village: old.name, form: &form)
            let typed = Self.profile(
                distance: input.distanceKm, households: nil, ethnicMinority: nil, mountain: nil, form: &form)
            let reason = form.reason(input.reason)
            guard form.issues.isEmpty, let on, let code, let name, let shares else {
                throw InputError.invalid(form.issues)
            }
            _ = try await lastVersion(unitID, on: on, field: "on", db: db)
            let counted = shares.poor != nil
            let taken = VillageProfile(
                distanceKm: typed.distanceKm, households: shares.households, poorHouseholds: shares.poor,
                povertyStandard: counted ? profile.povertyStandard : nil,
                povertyYear: counted ? profile.povertyYear : nil,
                ethnicMinority: profile.ethnicMinority, mountain: profile.mountain)
            let newID = try await insertVillage(
                code: code, name: name, kind: old.kind, under: communeID, from: on, profile: taken, reason: reason,
                actor: actor, db: db)
            var rest = profile
            rest.households = profile.households.map { $0 - shares.households }
            rest.poorHouseholds = profile.poorHouseholds.map { $0 - (shares.poor ?? 0) }
            try await UnitWriter(db: db, scope: .storageInternal).change(
                unitID, on: on, .init(profile: rest, reason: reason), actor: actor)
            try await Self.recordPart(of: old, in: newID, code: code, on: on, db: db)
            return newID
        }
    }

    /// Stores the new village as formed from part of the old one on `date` (rules.md R26).
    static func recordPart(of old: UnitSnapshot, in newID: UUID, code: String, on date: CivilDate, db: any Database)
        async throws
    {
        let succession = UnitSuccessionRecord()
        succession.id = UUID()
        succession.successorUnitID = newID
        succession.successorCode = code
        succession.validFrom = date.iso
        succession.predecessorCode = old.code
        succession.predecessorName = old.name
        succession.predecessorKind = old.kind.rawValue
        succession.whole = false
        succession.villages = "[]"
        try await succession.create(on: db)
    }

    /// The households and poor households the new village takes: fewer households than the village has; poor
    /// households asked only when the village counts them, no more than either village can hold.
    static func shares(_ input: VillageSplit, of profile: VillageProfile, village: String, form: inout FormFields)
        -> (households: Int, poor: Int?)?
    {
        guard let total = profile.households else {
            form.refuse(
                "households", vi: "\(village) chưa ghi số hộ: hãy ghi chỉ số của thôn trước khi tách.",
                en: "\(village) has no household count: give the village's profile before splitting it.")
            return nil
        }
        guard let text = FormFields.text(input.households), let households = Int(text), households >= 1 else {
            form.refuse(
                "households", vi: "Cần ghi số hộ của thôn mới (số nguyên từ 1).",
                en: "Please give the new village's households (a whole number from 1).")
            return nil
        }
        guard households < total else {
            form.refuse(
                "households", vi: "\(village) chỉ có \(total) hộ: thôn mới phải có ít hộ hơn.",
                en: "\(village) has only \(total) households: the new village must have fewer.")
            return nil
        }
        let poorText = FormFields.text(input.poorHouseholds)
        guard let oldPoor = profile.poorHouseholds else {
            if poorText == nil { return (households, nil) }
            form.refuse(
                "poorHouseholds", vi: "\(village) chưa ghi số hộ nghèo: hãy để trống ô này.",
                en: "\(village) has no poor-household count: leave this field empty.")
            return nil
        }
        guard let poorText, let poor = Int(poorText), poor >= 0 else {
            form.refuse(
                "poorHouseholds", vi: "\(village) có \(oldPoor) hộ nghèo: cần ghi số hộ nghèo ở thôn mới (số nguyên).",
                en: "\(village) has \(oldPoor) poor households: please give how many are in the new village.")
            return nil
        }
        guard poor <= households, poor <= oldPoor, oldPoor - poor <= total - households else {
            form.refuse(
                "poorHouseholds",
                vi:
                    "\(poor) hộ nghèo không khớp: thôn mới có \(households) hộ, \(village) có \(oldPoor) hộ nghèo trên \(total) hộ.",
                en:
                    "\(poor) poor households do not fit: the new village has \(households) households, \(village) \(oldPoor) poor of \(total)."
            )
            return nil
        }
        return (households, poor)
    }
}

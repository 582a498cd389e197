import Foundation
import GanDanCore

/// An administrative unit as it stood on one day.
public struct UnitSnapshot: Codable, Sendable, Hashable {
    /// The unit's stable identity across its versions.
    public var id: UUID
    public var versionID: UUID
    public var code: String
    public var kind: UnitKind
    public var name: String
    public var parentID: UUID?
    public var validity: Validity
    public var profile: VillageProfile?

    /// "Xã Thanh Tương" / "Commune Thanh Tương". A name the office already writes with its kind ("Bản Lằn" for a
    /// hamlet, "Tổ dân phố 3") is shown as it is, not as "Bản Bản Lằn".
    public func title(in language: Language) -> String {
        let label = kind.label.text(in: language)
        if name.lowercased().hasPrefix(label.lowercased() + " ") { return name }
        return "\(label) \(name)"
    }
}

/// A party organisation with its latest rating.
public struct OrganisationSnapshot: Codable, Sendable, Hashable {
    public var id: UUID
    public var code: String
    public var kind: OrganisationKind
    public var name: String
    /// The stable id of the unit it belongs to.
    public var unitID: UUID
    public var parentID: UUID?
    public var validity: Validity
    public var latestRating: CellRating?
}

extension UnitSnapshot {
    init(_ record: UnitRecord) throws {
        let kind = try record.decode(\.$kind, as: UnitKind.self)
        self.init(
            id: record.unitID, versionID: record.id ?? record.unitID, code: record.code, kind: kind,
            name: record.name, parentID: record.parentUnitID,
            validity: try record.validity,
            profile: kind.isVillageLevel
                ? VillageProfile(
                    distanceKm: record.distanceKm, households: record.households,
                    poorHouseholds: record.poorHouseholds, povertyStandard: record.povertyStandard,
                    povertyYear: record.povertyYear, ethnicMinority: record.ethnicMinority, mountain: record.mountain)
                : nil)
    }
}

extension OrganisationSnapshot {
    init(_ record: OrganisationRecord, latestRating: CellRating?) throws {
        self.init(
            id: try record.requireID(), code: record.code, kind: try record.decode(\.$kind, as: OrganisationKind.self),
            name: record.name, unitID: record.unitID, parentID: record.parentID,
            validity: try record.validity, latestRating: latestRating)
    }
}

extension CellRating {
    init(_ record: CellRatingRecord) throws {
        self.init(
            year: record.year, level: try record.decode(\.$level, as: RatingLevel.self), weak: record.weak,
            weakReason: record.weakReason)
    }
}

extension MemberRecord {
    /// The dates and status that decide standing, decoded strictly: an unknown status or a stored date that is not a
    /// date is corrupt data.
    var partyRecord: PartyRecord {
        get throws(StorageError) {
            PartyRecord(
                admittedOn: try date(\.$admittedOn), officialOn: try date(\.$officialOn),
                status: try decode(\.$status, as: PartyStatus.self), statusSince: try date(\.$statusSince))
        }
    }
}

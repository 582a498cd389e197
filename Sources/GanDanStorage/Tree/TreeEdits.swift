import Foundation
import GanDanCore

/// A new village or residential group as typed on the form (issue 18; rules.md R27: its code is the commune's code,
/// a dot and a local code).
public struct NewVillage: Sendable, Codable, Equatable {
    public var code: String?
    public var name: String?
    /// A village-level `UnitKind` raw value: village, hamlet or residentialGroup.
    public var kind: String?
    public var validFrom: String?
    public var distanceKm: String?
    public var households: String?
    public var ethnicMinority: String?
    public var mountain: String?
    public var reason: String?

    public init(
        code: String? = nil, name: String? = nil, kind: String? = nil, validFrom: String? = nil,
        distanceKm: String? = nil, households: String? = nil, ethnicMinority: String? = nil, mountain: String? = nil,
        reason: String? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.validFrom = validFrom
        self.distanceKm = distanceKm
        self.households = households
        self.ethnicMinority = ethnicMinority
        self.mountain = mountain
        self.reason = reason
    }
}

/// A new name from a date, for a unit or a cell.
public struct DatedRename: Sendable, Codable, Equatable {
    public var name: String?
    public var on: String?
    public var reason: String?

    public init(name: String? = nil, on: String? = nil, reason: String? = nil) {
        self.name = name
        self.on = on
        self.reason = reason
    }
}

/// An end on a date: a village ended, a cell dissolved.
public struct DatedEnd: Sendable, Codable, Equatable {
    public var on: String?
    public var reason: String?

    public init(on: String? = nil, reason: String? = nil) {
        self.on = on
        self.reason = reason
    }
}

/// A village's profile as the optimiser reads it (rules.md A3), from a date.
public struct ProfileChange: Sendable, Codable, Equatable {
    public var from: String?
    public var distanceKm: String?
    public var households: String?
    public var ethnicMinority: String?
    public var mountain: String?
    public var reason: String?

    public init(
        from: String? = nil, distanceKm: String? = nil, households: String? = nil, ethnicMinority: String? = nil,
        mountain: String? = nil, reason: String? = nil
    ) {
        self.from = from
        self.distanceKm = distanceKm
        self.households = households
        self.ethnicMinority = ethnicMinority
        self.mountain = mountain
        self.reason = reason
    }
}

/// A cell founded under a commune's grassroots committee: a village cell for one of its villages, or another cell
/// (school, health station, enterprise, police, military) with its own code.
public struct NewCell: Sendable, Codable, Equatable {
    /// `villageCell` or `otherCell`.
    public var kind: String?
    /// The village's stable id, for a village cell.
    public var village: String?
    /// The code, for another cell.
    public var code: String?
    public var name: String?
    public var foundedOn: String?
    public var reason: String?

    public init(
        kind: String? = nil, village: String? = nil, code: String? = nil, name: String? = nil,
        foundedOn: String? = nil, reason: String? = nil
    ) {
        self.kind = kind
        self.village = village
        self.code = code
        self.name = name
        self.foundedOn = foundedOn
        self.reason = reason
    }
}

/// A cell moved under another grassroots committee from a date.
public struct CellMove: Sendable, Codable, Equatable {
    /// The committee's id.
    public var committee: String?
    public var on: String?
    public var reason: String?

    public init(committee: String? = nil, on: String? = nil, reason: String? = nil) {
        self.committee = committee
        self.on = on
        self.reason = reason
    }
}

/// The names of the tree's fields in messages, in both languages.
enum TreeFieldName {
    static let validFrom = BilingualText(vi: "Ngày bắt đầu", en: "Start date")
    static let on = BilingualText(vi: "Từ ngày", en: "From")
    static let foundedOn = BilingualText(vi: "Ngày thành lập", en: "Founding date")
}

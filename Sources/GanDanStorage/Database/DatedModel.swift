import FluentKit
import GanDanCore

/// A record with a validity (`valid_from` inclusive, `valid_until` exclusive, ISO text).
protocol DatedModel: Model {
    static var validFromKey: KeyPath<Self, FieldProperty<Self, String>> { get }
    static var validUntilKey: KeyPath<Self, OptionalFieldProperty<Self, String>> { get }
}

extension QueryBuilder where Model: DatedModel {
    /// Keeps the rows in force on `date` (rules.md R26: any view can be asked "as of date D").
    func inForce(on date: CivilDate) -> Self {
        filter(Model.validFromKey <= date.iso)
            .group(.or) { group in
                group.filter(Model.validUntilKey == nil).filter(Model.validUntilKey > date.iso)
            }
    }
}

extension UnitRecord: DatedModel {
    static var validFromKey: KeyPath<UnitRecord, FieldProperty<UnitRecord, String>> { \.$validFrom }
    static var validUntilKey: KeyPath<UnitRecord, OptionalFieldProperty<UnitRecord, String>> { \.$validUntil }
}

extension OrganisationRecord: DatedModel {
    static var validFromKey: KeyPath<OrganisationRecord, FieldProperty<OrganisationRecord, String>> { \.$validFrom }
    static var validUntilKey: KeyPath<OrganisationRecord, OptionalFieldProperty<OrganisationRecord, String>> {
        \.$validUntil
    }
}

extension MembershipRecord: DatedModel {
    static var validFromKey: KeyPath<MembershipRecord, FieldProperty<MembershipRecord, String>> { \.$validFrom }
    static var validUntilKey: KeyPath<MembershipRecord, OptionalFieldProperty<MembershipRecord, String>> {
        \.$validUntil
    }
}

extension PostRecord: DatedModel {
    static var validFromKey: KeyPath<PostRecord, FieldProperty<PostRecord, String>> { \.$validFrom }
    static var validUntilKey: KeyPath<PostRecord, OptionalFieldProperty<PostRecord, String>> { \.$validUntil }
}

extension DatedModel {
    /// The stored validity, decoded strictly (a stored date that is not a date is corrupt data).
    var validity: Validity {
        get throws(StorageError) { Validity(from: try date(Self.validFromKey), until: try date(Self.validUntilKey)) }
    }
}

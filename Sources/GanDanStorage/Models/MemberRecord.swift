import FluentKit
import Foundation

/// A party member's personal and party fields (rules.md R28). Cells are in `MembershipRecord`, posts in `PostRecord`.
final class MemberRecord: Model, @unchecked Sendable {
    static let schema = "members"

    @ID(key: .id) var id: UUID?
    @Field(key: "full_name") var fullName: String
    @Field(key: "name_sort") var nameSort: String
    @Field(key: "name_search") var nameSearch: String
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "sex") var sex: String
    @Field(key: "ethnicity") var ethnicity: String
    @OptionalField(key: "citizen_id") var citizenID: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "residence_unit_id") var residenceUnitID: UUID?
    @OptionalField(key: "education") var education: String?
    @OptionalField(key: "card_number") var cardNumber: String?
    @Field(key: "admitted_on") var admittedOn: String
    @OptionalField(key: "official_on") var officialOn: String?
    @Field(key: "status") var status: String
    @OptionalField(key: "status_since") var statusSince: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _fullName, _nameSort, _nameSearch, _birthDate, _sex, _ethnicity, _citizenID, _phone, _residenceUnitID,
            _education, _cardNumber, _admittedOn, _officialOn, _status, _statusSince,
        ]
    }
}

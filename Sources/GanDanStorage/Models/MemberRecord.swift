import FluentKit
import Foundation

/// A party member's personal and party fields (rules.md R28). Cells are in `MembershipRecord`, posts in `PostRecord`.
public final class MemberRecord: Model, @unchecked Sendable {
    public static let schema = "members"

    @ID(key: .id) public var id: UUID?
    @Field(key: "full_name") public var fullName: String
    @Field(key: "name_sort") public var nameSort: String
    @Field(key: "name_search") public var nameSearch: String
    @Field(key: "birth_date") public var birthDate: String
    @Field(key: "sex") public var sex: String
    @Field(key: "ethnicity") public var ethnicity: String
    @OptionalField(key: "citizen_id") public var citizenID: String?
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "residence_unit_id") public var residenceUnitID: UUID?
    @OptionalField(key: "education") public var education: String?
    @OptionalField(key: "card_number") public var cardNumber: String?
    @Field(key: "admitted_on") public var admittedOn: String
    @OptionalField(key: "official_on") public var officialOn: String?
    @Field(key: "status") public var status: String
    @OptionalField(key: "status_since") public var statusSince: String?

    public init() {}
}

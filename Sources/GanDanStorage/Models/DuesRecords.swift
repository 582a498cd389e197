import FluentKit
import Foundation

/// One member's dues for one month in a cell's register: the band, the income it is reckoned on, the amount due, and
/// who collected it on which day (rules.md R12). One row per cell, member and month: recording again replaces it.
final class DuesPaymentRecord: Model, @unchecked Sendable {
    static let schema = "dues_payments"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "member_id") var memberID: UUID
    /// `YYYY-MM`.
    @Field(key: "month") var month: String
    @Field(key: "band") var band: String
    @OptionalField(key: "income") var income: Int?
    @Field(key: "amount_due") var amountDue: Int
    @OptionalField(key: "paid_on") var paidOn: String?
    @OptionalField(key: "collected_by") var collectedBy: UUID?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _organisationID, _memberID, _month, _band, _income, _amountDue, _paidOn, _collectedBy, _recordedBy,
            _recordedAt,
        ]
    }
}

/// A cell's monthly total passed up to the commune: when, by whom, how much (one row per cell and month).
final class DuesHandoverRecord: Model, @unchecked Sendable {
    static let schema = "dues_handovers"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "month") var month: String
    @Field(key: "total") var total: Int
    @Field(key: "passed_on") var passedOn: String
    @Field(key: "passed_by") var passedBy: UUID
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [_id, _organisationID, _month, _total, _passedOn, _passedBy, _recordedBy, _recordedAt]
    }
}

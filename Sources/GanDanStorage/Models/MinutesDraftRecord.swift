import FluentKit
import Foundation

/// One meeting's unfinished minutes.
final class MinutesDraftRecord: Model, @unchecked Sendable {
    static let schema = "meeting_minutes_drafts"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "fields") var fields: String
    @Field(key: "saved_by") var savedBy: String
    @Field(key: "saved_at") var savedAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _meetingID, _fields, _savedBy, _savedAt] }
}

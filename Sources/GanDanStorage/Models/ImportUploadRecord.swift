import FluentKit
import Foundation

/// A file uploaded for import, kept on the server as the table it was parsed into (once, at upload: issue 21)
/// until it expires, so a secretary on a weak connection maps, checks and confirms it without sending it again.
final class ImportUploadRecord: Model, @unchecked Sendable {
    static let schema = "import_uploads"

    @ID(key: .id) var id: UUID?
    /// The account that uploaded it; nobody else sees it.
    @Field(key: "owner_id") var ownerID: UUID
    /// The stable id of the unit the import was started from.
    @Field(key: "unit_id") var unitID: UUID
    /// `ImportKind`: members or households.
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    /// `TableFormat`: csv or xlsx.
    @Field(key: "format") var format: String
    /// The parsed table (`ImportTable.encoded()`); the file itself is not kept.
    @Field(key: "parsed_table") var table: Data
    /// The last mapping chosen (JSON of `ColumnMapping`), nil until the mapping step.
    @OptionalField(key: "mapping") var mapping: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [_id, _ownerID, _unitID, _kind, _fileName, _format, _table, _mapping, _createdAt, _expiresAt]
    }
}

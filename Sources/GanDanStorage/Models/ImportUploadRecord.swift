import FluentKit
import Foundation

/// A file uploaded for import, kept on the server until it expires so a secretary on a weak connection
/// maps, checks and confirms it without sending it again.
public final class ImportUploadRecord: Model, @unchecked Sendable {
    public static let schema = "import_uploads"

    @ID(key: .id) public var id: UUID?
    /// The account that uploaded it; nobody else sees it.
    @Field(key: "owner_id") public var ownerID: UUID
    /// The stable id of the unit the import was started from.
    @Field(key: "unit_id") public var unitID: UUID
    /// `ImportKind`: members or households.
    @Field(key: "kind") public var kind: String
    @Field(key: "file_name") public var fileName: String
    /// `TableFormat`: csv or xlsx.
    @Field(key: "format") public var format: String
    @Field(key: "content") public var content: Data
    /// The last mapping chosen (JSON of `ColumnMapping`), nil until the mapping step.
    @OptionalField(key: "mapping") public var mapping: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
}

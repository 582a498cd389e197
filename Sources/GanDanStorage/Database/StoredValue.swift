import FluentKit

extension Model {
    /// A stored enum value decoded strictly: an unknown value is corrupt data, never a silent default.
    func decode<T: RawRepresentable>(_ field: KeyPath<Self, FieldProperty<Self, String>>, as type: T.Type)
        throws(StorageError) -> T where T.RawValue == String
    {
        let property = self[keyPath: field]
        let value = property.value ?? ""
        guard let decoded = T(rawValue: value) else {
            throw .corrupt(table: Self.schema, column: property.key.description, value: value)
        }
        return decoded
    }
}

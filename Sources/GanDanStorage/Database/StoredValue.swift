import FluentKit
import GanDanCore

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

extension Model {
    /// A stored ISO date decoded strictly: text that is not a date is corrupt data, never a default day.
    func date(_ field: KeyPath<Self, FieldProperty<Self, String>>) throws(StorageError) -> CivilDate {
        let property = self[keyPath: field]
        let value = property.value ?? ""
        guard let date = CivilDate(value) else {
            throw .corrupt(table: Self.schema, column: property.key.description, value: value)
        }
        return date
    }

    /// An optional stored ISO date: nil when absent, corrupt data when present but not a date.
    func date(_ field: KeyPath<Self, OptionalFieldProperty<Self, String>>) throws(StorageError) -> CivilDate? {
        let property = self[keyPath: field]
        guard let value = property.value ?? nil else { return nil }
        guard let date = CivilDate(value) else {
            throw .corrupt(table: Self.schema, column: property.key.description, value: value)
        }
        return date
    }
}

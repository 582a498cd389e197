import Foundation

/// A rule file that lists dated versions of one rule (criteria sets, poverty standards): its entries, and how each
/// entry becomes a version or records its problems.
protocol VersionedRuleFile: Decodable {
    associatedtype Entry
    associatedtype Version
    /// Every key the file may hold.
    static var shape: RuleFile.Shape { get }
    /// The key of the list of versions, e.g. `poverty_standards`.
    static var listKey: String { get }
    /// One version in plain words, e.g. "poverty standard".
    static var what: String { get }
    var entries: [Entry] { get }
    static func version(of entry: Entry, field: String, issues: inout RuleFileIssues) -> Version?
    static func id(of version: Version) -> String
    static func validity(of version: Version) -> Validity
}

extension RuleFile {
    /// The built-in versions with a province's file put over them: a version the file lists replaces the built-in
    /// one with its id, a new id is added, and no two versions may be in force on the same day (rules.md R24, R25).
    static func versions<File: VersionedRuleFile>(
        _ type: File.Type, json data: Data, over base: [File.Version]
    ) throws(InputError) -> [File.Version] {
        let file = try decode(File.self, from: data, shape: File.shape)
        var issues = RuleFileIssues(data: data)
        if file.entries.isEmpty {
            issues.add(File.listKey, literal: nil, "lists no \(File.what); name at least one or leave the file out")
        }
        var listed: [(field: String, version: File.Version)] = []
        for (index, entry) in file.entries.enumerated() {
            let field = "\(File.listKey)[\(index)]"
            if let version = File.version(of: entry, field: field, issues: &issues) { listed.append((field, version)) }
        }
        let versions = issues.merge(
            listed, over: base, id: File.id(of:), validity: File.validity(of:), what: File.what)
        guard issues.issues.isEmpty else { throw .invalid(issues.issues) }
        return versions
    }
}

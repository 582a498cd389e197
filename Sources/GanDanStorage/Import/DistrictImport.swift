import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// Loads a district folder (`DistrictFolder`) into an empty database, all or nothing: every problem of the files and
/// of the dataset is reported with its file, line and field, and the write is one transaction with its audit
/// entries (issue 18). A database that already holds party organisations or members is refused: a folder brings a
/// whole district, it does not merge into one.
public struct DistrictImport: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Checks the folder and, unless `dryRun`, writes it.
    public func run(_ folder: DistrictFolder, dryRun: Bool, actor: Actor) async throws -> DatasetWriteSummary {
        let organisation = try await OrganisationRecord.query(on: db).first()
        let member = try await MemberRecord.query(on: db).first()
        if organisation != nil || member != nil {
            throw StorageError.conflict(
                "the database already holds party organisations or members: a district folder loads only into an "
                    + "empty one")
        }
        do {
            return try await DatasetWriter(db: db, scope: scope).write(
                folder.dataset, memberLines: folder.memberLines, inputIssues: folder.issues, dryRun: dryRun,
                actor: actor)
        } catch InputError.invalid(let issues) {
            // The writer names members by their line: those lines are the members file's.
            let named = issues.map { issue in
                var issue = issue
                if issue.file == nil, issue.line != nil { issue.file = DistrictFile.members.baseName }
                return issue
            }
            throw InputError.invalid(Self.byFile(named))
        }
    }

    /// Issues file by file in the folder's order (the dataset's own first), then by line.
    static func byFile(_ issues: [InputIssue]) -> [InputIssue] {
        let rank = Dictionary(
            DistrictFile.allCases.enumerated().map { ($1.baseName, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        return issues.enumerated().sorted {
            (rank[$0.element.file ?? ""] ?? 0, $0.element.line ?? 0, $0.offset)
                < (rank[$1.element.file ?? ""] ?? 0, $1.element.line ?? 0, $1.offset)
        }.map(\.element)
    }
}

import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

extension SpreadsheetImport {
    /// Posts of stored members in stored organisations of the scope, read by the district folder's parser (rules.md
    /// R5). The rows are checked and written one by one, oldest first, inside one transaction by the checks of the
    /// web's post form (`PostWriter.check`: a member that day, the organisation in force and of the post's kind, one
    /// holder of a one-holder post, R2/R3 for a cell's committee), so a row is checked against the stored posts and
    /// the rows before it. Any issue, or a dry run, rolls the whole transaction back.
    func posts(_ table: ImportTable, mapping: ColumnMapping, dryRun: Bool, actor: Actor) async throws -> ImportReport {
        let (rows, parseIssues) = Self.parse(table, mapping: mapping, DistrictRows.post)
        let ordered = rows.sorted { ($0.value.post.validity.from, $0.line) < ($1.value.post.validity.from, $1.line) }
        var issues = parseIssues
        do {
            try await db.writeTransaction { [scope] db in
                let rowIssues = try await PostRowImport(db: db, scope: scope, actor: actor).write(ordered)
                if dryRun || !rowIssues.isEmpty || !parseIssues.isEmpty { throw PostRollback(issues: rowIssues) }
            }
        } catch let rollback as PostRollback {
            issues += rollback.issues
        }
        let errors = Self.ordered(issues)
        let badLines = Set(errors.compactMap(\.line))
        return ImportReport(
            kind: .posts, rows: table.rows.count, valid: table.rows.filter { !badLines.contains($0.line) }.count,
            errors: errors, duplicates: [], written: !dryRun && errors.isEmpty)
    }
}

/// Ends the posts' transaction without writing: a dry run, or the rows' issues.
struct PostRollback: Error {
    var issues: [InputIssue]
}

/// Writes the rows of a posts file inside the caller's transaction, each after the post form's checks.
struct PostRowImport {
    let db: any Database
    let scope: AccessScope
    let actor: Actor

    /// Writes each row that passes its checks; returns the issues of those that do not, by line.
    func write(_ rows: [(line: Int, value: DistrictPostRow)]) async throws -> [InputIssue] {
        var issues: [InputIssue] = []
        var organisations: [String: OrganisationRecord?] = [:]
        for (line, row) in rows {
            let code = row.post.organisationCode
            if organisations[code] == nil { organisations[code] = try await organisation(code) }
            guard let organisation = organisations[code] ?? nil else {
                issues.append(
                    InputIssue(
                        line: line, field: "organisation_code",
                        vi: "Không có tổ chức đảng mã \(code) trong đơn vị bạn được quản lý.",
                        en: "No party organisation in the units you may manage has the code \(code)."))
                continue
            }
            let member: MemberRecord
            switch try await person(row) {
            case .success(let found): member = found
            case .failure(let error):
                issues += error.issues.map { Self.at(line, $0) }
                continue
            }
            do {
                try await PostWriter(db: db, scope: scope).record(
                    row.post.kind, in: organisation, over: row.post.validity, source: row.post.source,
                    member: member, reason: "import", actor: actor, db: db)
            } catch let error as InputError {
                issues += error.issues.map { Self.at(line, $0) }
            }
        }
        return issues
    }

    /// The issue on `line`, its field named by the posts file's column rather than the post form's.
    static func at(_ line: Int, _ issue: InputIssue) -> InputIssue {
        let columns = ["from": "valid_from", "kind": "post", "organisation": "organisation_code"]
        var placed = issue
        placed.line = line
        placed.field = issue.field.map { columns[$0] ?? $0 }
        return placed
    }

    /// The organisation with `code` in the scope (the open one when a code was reused), or nil.
    func organisation(_ code: String) async throws -> OrganisationRecord? {
        let found = try await OrganisationRecord.query(on: db).filter(\.$code == code).all()
            .sorted { ($0.validUntil == nil ? 0 : 1) < ($1.validUntil == nil ? 0 : 1) }
        return try found.first { scope.contains(organisation: try $0.requireID()) }
    }

    /// The row's person among the members on a roll in the scope the day the post begins: by citizen ID, card
    /// number, or name and birth date; none, or two namesakes born the same day, is an issue.
    func person(_ row: DistrictPostRow) async throws -> Result<MemberRecord, InputError> {
        var query = MemberRecord.query(on: db)
        if let organisations = scope.organisationFilter {
            query = query.filter(MemberDirectory.onRollOf(organisations, on: row.post.validity.from))
        }
        let field: String
        let who: BilingualText
        if let id = row.citizenID {
            query = query.filter(\.$citizenID == id)
            (field, who) = ("citizen_id", BilingualText(vi: "số CCCD \(id)", en: "citizen ID \(id)"))
        } else if let card = row.cardNumber {
            query = query.filter(\.$cardNumber == card)
            (field, who) = ("card_number", BilingualText(vi: "số thẻ \(card)", en: "card number \(card)"))
        } else if let name = row.fullName, let birth = row.birthDate {
            query = query.filter(\.$nameSearch == VietnameseText.searchKey(name)).filter(\.$birthDate == birth.iso)
            (field, who) = (
                "full_name",
                BilingualText(
                    vi: "tên \(name), sinh ngày \(birth.vietnamese)", en: "the name \(name), born \(birth.vietnamese)")
            )
        } else {
            return .failure(
                .invalid(
                    field: "citizen_id", vi: "Chưa ghi người giữ chức vụ.", en: "The holder of the post is not named."))
        }
        let found = try await query.limit(2).all()
        if found.count == 1 { return .success(found[0]) }
        if found.isEmpty {
            return .failure(
                .invalid(
                    field: field, vi: "Không có đảng viên có \(who.vi) trong đơn vị bạn được quản lý.",
                    en: "No party member in the units you may manage has \(who.en)."))
        }
        return .failure(
            .invalid(
                field: field, vi: "Có nhiều đảng viên có \(who.vi): hãy ghi số CCCD.",
                en: "Several members have \(who.en): give the citizen ID."))
    }
}

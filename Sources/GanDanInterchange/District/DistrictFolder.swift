import Foundation
import GanDanCore

/// A district folder read and checked as a whole: the dataset to write, each member's line in the members file, and
/// every problem found, each naming its file, line and field.
public struct DistrictFolder: Sendable {
    public var dataset = OrganisationDataset()
    public var memberLines: [Int] = []
    /// Official transfers waiting to be received on the folder's day (the transfers file).
    public var transfers: [DistrictTransfer] = []
    public var issues: [InputIssue] = []

    public init() {}

    /// Reads the folder's tables (a missing optional file is an empty one) and checks them together: villages under
    /// their communes, ratings of known cells, posts of members in the members file, one holder of a post at a time
    /// (rules.md R2, R3), nothing dated before what it belongs to existed (rules.md R26).
    public init(tables: [DistrictFile: ImportTable], today: CivilDate) {
        for file in DistrictFile.allCases where file.required && tables[file] == nil {
            issues.append(InputIssue(vi: "thiếu tệp này", en: "the file is missing", file: file.baseName))
        }
        let units = Self.rows(tables[.units], .units, DistrictRows.unit, into: &issues)
        let villages = Self.rows(tables[.villages], .villages, DistrictRows.village, into: &issues)
        let organisations = Self.rows(tables[.organisations], .organisations, DistrictRows.organisation, into: &issues)
        let ratings = Self.rows(tables[.cellRatings], .cellRatings, DistrictRows.rating, into: &issues)
        let members = Self.rows(
            tables[.members], .members,
            { row, line in
                MemberCSVFormat.parse(row: row, line: line, today: today)
            }, into: &issues)
        let posts = Self.rows(tables[.posts], .posts, DistrictRows.post, into: &issues)
        dataset.units = units.map(\.value) + villages.map(\.value)
        dataset.organisations = organisations.map(\.value)
        dataset.members = members.map(\.value)
        memberLines = members.map(\.line)
        // An empty joining day becomes the cell's founding when the cell is younger than the admission; a day written
        // before the founding is refused by the writer, which checks every import the same way.
        _ = JoiningDay.settle(&dataset.members, lines: memberLines, founded: dataset.organisations.foundingDays)
        attach(ratings)
        issues += DistrictChecks.unitDates(units + villages)
        attach(posts)
        attach(Self.rows(tables[.transfers], .transfers, DistrictRows.transfer, into: &issues))
    }

    /// Each row of `file` parsed, with its line; the rows that fail add their issues, named by the file.
    static func rows<T>(
        _ table: ImportTable?, _ file: DistrictFile, _ parse: ([String: String], Int) -> Result<T, InputError>,
        into issues: inout [InputIssue]
    ) -> [(line: Int, value: T)] {
        guard let table else { return [] }
        let mapping = ColumnMapping.guess(header: table.header, fields: file.fields)
        let problems = mapping.issues(fields: file.fields, header: table.header, headerLine: table.headerLine)
        guard problems.isEmpty else {
            issues += problems.map { Self.named($0, file) }
            return []
        }
        var parsed: [(line: Int, value: T)] = []
        parsed.reserveCapacity(table.rows.count)
        for row in table.rows {
            switch parse(mapping.values(of: row), row.line) {
            case .success(let value): parsed.append((row.line, value))
            case .failure(let error): issues += error.issues.map { Self.named($0, file) }
            }
        }
        return parsed
    }

    static func named(_ issue: InputIssue, _ file: DistrictFile) -> InputIssue {
        var issue = issue
        issue.file = file.baseName
        return issue
    }

    /// Adds each rating to its organisation; a rating of an organisation not in the folder is an issue.
    private mutating func attach(_ ratings: [(line: Int, value: DistrictRatingRow)]) {
        let index = Dictionary(
            dataset.organisations.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        for (line, row) in ratings {
            guard let position = index[row.organisationCode] else {
                issues.append(
                    InputIssue(
                        line: line, field: "organisation_code",
                        message: "no organisation in the organisations file has code \(row.organisationCode)",
                        file: DistrictFile.cellRatings.baseName))
                continue
            }
            dataset.organisations[position].ratings.append(row.rating)
        }
    }

    /// Gives each post to its member; a post of a person who is not in the members file, of an unknown organisation,
    /// overlapping another holder's, breaking a cell committee's rules (R2, R3), or starting before its organisation
    /// existed is an issue.
    private mutating func attach(_ posts: [(line: Int, value: DistrictPostRow)]) {
        let people = DistrictPeople(dataset.members)
        let organisations = Dictionary(
            dataset.organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var placed: [(line: Int, member: Int, post: PostDraft)] = []
        for (line, row) in posts {
            let member: Int
            switch people.member(for: row) {
            case .member(let index): member = index
            case .problem(let issue):
                issues.append(Self.postIssue(issue, line: line))
                continue
            }
            guard let organisation = organisations[row.post.organisationCode] else {
                issues.append(
                    Self.postIssue(
                        InputIssue(
                            field: "organisation_code",
                            message: "no organisation in the organisations file has code \(row.post.organisationCode)"),
                        line: line))
                continue
            }
            if let issue = DistrictChecks.postDates(row.post, organisation: organisation) {
                issues.append(Self.postIssue(issue, line: line))
                continue
            }
            placed.append((line, member, row.post))
        }
        issues += DistrictChecks.oneHolder(placed, names: dataset.members.map(\.fullName)).map {
            Self.named($0, .posts)
        }
        issues += DistrictChecks.committees(placed, members: dataset.members).map { Self.named($0, .posts) }
        for entry in placed { dataset.members[entry.member].posts.append(entry.post) }
    }

    private static func postIssue(_ issue: InputIssue, line: Int) -> InputIssue {
        var issue = issue
        issue.line = line
        issue.file = DistrictFile.posts.baseName
        return issue
    }
}

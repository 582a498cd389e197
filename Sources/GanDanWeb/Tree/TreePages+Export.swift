import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

/// The member search, a unit's cells and a cell's roll as tables: the same rows the pages show, nothing more.
extension TreePages {
    /// A unit's cells with their counts and ratings; for a unit without cells (a province, a district) its units.
    static func table(_ context: UnitContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        guard !context.cells.isEmpty else {
            return ExportTable(
                title: context.unit.title,
                columns: [word("code"), word("name"), word("distance"), word("households"), word("poorHouseholds")],
                rows: context.children.map {
                    [
                        .text($0.code), .text($0.title), .optional($0.distanceKm), .optional($0.households),
                        .optional($0.poorHouseholds),
                    ]
                })
        }
        return ExportTable(
            title: context.unit.title,
            columns: [
                word("cell"), word("full"), word("exempt"), word("probationary"), word("temporary"),
                word("secretary"), word("deputy"), word("rating"), word("weak"),
            ],
            rows: context.cells.map { cell in
                let rating = cell.rating.map { level in cell.ratingYear.map { "\(level) \($0)" } ?? level }
                return [
                    .text(cell.name), .integer(cell.full), .integer(cell.exempt), .integer(cell.probationary),
                    .integer(cell.temporary), .optional(cell.secretary), .optional(cell.deputy), .optional(rating),
                    .text(cell.weak ? word("yes") : word("no")),
                ]
            })
    }

    /// A cell's roll on the as-of date, numbered as on the page.
    static func table(_ context: CellContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.cell.name,
            columns: ["#", word("name"), word("born"), word("sex"), word("standing"), word("posts")],
            rows: context.roster.enumerated().map { index, member in
                [
                    .integer(index + 1), .text(member.name), .integer(member.born), .text(member.sex),
                    .text([member.standing, member.membership].compactMap { $0 }.joined(separator: " · ")),
                    .optional(member.posts),
                ]
            })
    }
}

extension MemberPages {
    /// Every member the search found (not only one page), with the columns of the list.
    static func table(_ context: ListContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.q.isEmpty ? word("members") : "\(word("members")) \(context.q)",
            columns: [word("name"), word("born"), word("sex"), word("standing"), word("cell"), word("keyLeader")],
            rows: context.members.map {
                [
                    .text($0.name), .integer($0.born), .text($0.sex), .text($0.standing), .optional($0.cellName),
                    .text($0.keyLeader ? word("yes") : word("no")),
                ]
            })
    }
}

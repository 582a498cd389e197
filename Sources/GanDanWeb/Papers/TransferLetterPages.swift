import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

/// The letter for one transfer outside a placement plan (issue 18, rules.md R13): the same "giấy giới thiệu sinh hoạt
/// đảng" as a placement's letters, issued by the committee of the sending cell's commune, for an official transfer
/// (with the receiving deadline) or a temporary one (from–until), as a print page and .docx. Planners and
/// administrators of the member, from the registry page and the lists of transfers waiting.
struct TransferLetterPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let plan = pages.requiring(.plan)
        plan.get("members", ":member", "transfer-letter") { req in try await self.letter(req, docx: false) }
            .reading(.transfer)
        plan.get("members", ":member", "transfer-letter.docx") { req in try await self.letter(req, docx: true) }
            .reading(.transfer)
    }

    func letter(_ req: Request, docx: Bool) async throws -> Response {
        let member = try req.resolved.member.summary
        guard let asked = try req.queryID(.transfer) else {
            throw QueryValueError(.transfer, "", problem: BilingualText(vi: "cần được chỉ rõ", en: "must be given"))
        }
        let transfers = MemberTransfers(db: req.store, scope: try await req.scope(.plan))
        guard
            let transfer = try await transfers.of(member.id, today: CivilDate.today()).first(where: { $0.id == asked }),
            transfer.kind == .official || transfer.kind == .temporary, transfer.cancelledOn == nil
        else {
            throw Abort(.notFound, reason: "this member has no official or temporary transfer with this id in force")
        }
        try await req.auditRead("transfer_letter", id: transfer.id.uuidString)
        let papers = try await Self.papers(req, transfer, member: member)
        let term: PlacementPapers.LetterTerm =
            transfer.kind == .official
            ? .official(workingDays: TransferRules.receivingWorkingDays, receiveBy: transfer.deadline)
            : .temporary(until: transfer.until)
        let paper = Paper(
            title: "Giấy giới thiệu sinh hoạt đảng - \(member.fullName)",
            pages: [papers.letter(papers.members[0], term: term)])
        if docx { return try req.docxResponse(paper, date: transfer.sentOn) }
        return try await req.renderPaper(
            paper, back: "/members/\(member.id)/registry", backLabel: Labels.text("registryRecord", req),
            docx: "/members/\(member.id)/transfer-letter.docx?transfer=\(transfer.id)")
    }

    /// The sending commune's papers for this one member: standing and posts as on the sending cell's roll the day
    /// the transfer was sent, the receiving cell named with its commune.
    static func papers(_ req: Request, _ transfer: MemberTransfer, member: MemberSummary) async throws
        -> PlacementPapers
    {
        let day = transfer.sentOn
        let read = try await req.scope(.read)
        let tree = OrganisationTree(db: req.store, scope: read)
        func commune(of cell: UUID) async throws -> UnitSnapshot? {
            guard let unit = try await tree.organisation(cell)?.unitID else { return nil }
            return try await tree.path(to: unit, on: day).last { $0.kind.level == 3 }
        }
        let sending = try await commune(of: transfer.fromCellID)
        let receiving = try await commune(of: transfer.toCellID)
        var above: UnitSnapshot?
        if let sending { above = try await tree.parent(of: sending.id, on: day) }
        let entry = try await CellDirectory(db: req.store, scope: read).roster(
            of: transfer.fromCellID, on: day
        ).first { $0.member.id == member.id }
        let toCell =
            receiving.map { transfer.toCellName.contains($0.name) ? "" : ", \(PaperWords.unitTitle($0))" } ?? ""
        let moved = MovedMember(
            name: member.fullName, birthYear: "\(member.birthDate.year)",
            standing: (entry?.member.standing ?? member.standing)?.label.vi ?? "",
            posts: (entry?.posts ?? []).map(\.label.vi).joined(separator: ", "), fromCell: transfer.fromCellName,
            toCell: transfer.toCellName + toCell)
        return PlacementPapers(
            communeTitle: sending.map(PaperWords.unitTitle) ?? "", communeName: sending?.name ?? "",
            communeKind: sending?.kind ?? .commune, upper: above.map(PaperWords.partyBody) ?? "",
            upperCommittee: above.map { PaperWords.committee(kind: $0.kind, name: $0.name).body } ?? "",
            date: day, members: [moved], receiveBy: transfer.deadline)
    }
}

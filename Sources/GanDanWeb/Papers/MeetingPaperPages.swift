import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

/// A meeting's papers to print on A4 or to download as .docx: the notice, the minutes with the attendance sheet,
/// the month's resolution. Read access to the meeting (a secretary: her cell's; 404 outside, rules.md R30).
struct MeetingPaperPages: RouteCollection {
    enum Kind: String, CaseIterable {
        case notice, minutes, resolution
    }

    func boot(routes: any RoutesBuilder) throws {
        let read = routes.requiring(.read)
        for kind in Kind.allCases {
            read.get("meetings", ":meeting", "papers", "\(kind.rawValue)") { req in
                try await self.paper(req, kind, docx: false)
            }
            read.get("meetings", ":meeting", "papers", "\(kind.rawValue).docx") { req in
                try await self.paper(req, kind, docx: true)
            }
        }
    }

    func paper(_ req: Request, _ kind: Kind, docx: Bool) async throws -> Response {
        let id = try req.resolved.meetingID
        guard let detail = try await req.meetings().detail(id, version: nil) else {
            throw Abort(.notFound, reason: "no meeting is at this address")
        }
        let holder = try req.resolved.meetingHolder
        try await req.auditRead("meeting_\(kind.rawValue)_paper", id: id.uuidString, unit: holder.unitID)
        let papers = MeetingPapers(
            detail: detail, issuer: try await PaperIssuer.of(holder, on: detail.meeting.date, req))
        let paper: Paper
        switch kind {
        case .notice: paper = papers.notice
        case .minutes: paper = papers.minutesPaper
        case .resolution: paper = papers.resolution
        }
        if docx { return try req.docxResponse(paper, date: detail.meeting.date) }
        return try await req.renderPaper(
            paper, back: "/meetings/\(id)", backLabel: Labels.text("meeting", req),
            docx: "/meetings/\(id)/papers/\(kind.rawValue).docx")
    }
}

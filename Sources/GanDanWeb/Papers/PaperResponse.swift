import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

/// A paper as its print page (A4, no navigation when printed) or as its .docx download.
struct PaperContext: Encodable {
    var page: PageContext
    var paper: Paper
    /// Where the paper lives (the meeting, the plan), and the same paper as .docx.
    var back: String
    var backLabel: String
    var docx: String
}

extension Request {
    /// The print page of `paper`, linking back to `back` and to its .docx at `docx`.
    func renderPaper(_ paper: Paper, back: String, backLabel: String, docx: String) async throws -> Response {
        let context = PaperContext(
            page: PageContext(self, title: paper.title), paper: paper, back: back, backLabel: backLabel, docx: docx)
        return try await view.render("paper", context).encodeResponse(for: self)
    }

    /// `paper` as a .docx download named after its title and date.
    func docxResponse(_ paper: Paper, date: CivilDate) throws -> Response {
        let body = try DocxWriter.data(paper)
        let name = ExportFileName.make(paper.title, date: date, fileExtension: "docx")
        return Response.download(
            body, name: name,
            type: HTTPMediaType(
                type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document"))
    }
}

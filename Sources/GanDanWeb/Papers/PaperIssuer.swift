import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Who issues a cell's or a committee's papers: the body above it, its own name, the place written before the date.
struct PaperIssuer {
    /// "Đảng bộ xã Thượng Lâm" above "Chi bộ thôn Nà Khá"; "Đảng bộ huyện Na Hang" above "Đảng ủy xã Thượng Lâm".
    var upper: String
    var body: String
    /// The commune's name, before "ngày … tháng … năm …".
    var place: String
    /// "T/M CHI BỘ" or "T/M ĐẢNG ỦY", above "BÍ THƯ".
    var onBehalf: String
    /// "Chi bộ" or "Đảng ủy", as the papers' sentences name the body.
    var word: String

    /// The issuer of a meeting's papers on `date`. The commune is looked up above the holder's unit whether or
    /// not it is in the reader's scope: a village secretary's papers still name her commune's party organisation.
    static func of(_ holder: OrganisationSnapshot, on date: CivilDate, _ req: Request) async throws -> PaperIssuer {
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        let unit = try await tree.unit(holder.unitID, on: date)
        var commune = unit
        if let found = unit, found.kind.level == 4 { commune = try await tree.parent(of: found.id, on: date) }
        let place = commune?.name ?? holder.name
        if holder.kind.isCell {
            return PaperIssuer(
                upper: commune.map { PaperWords.partyBody(of: $0) } ?? "",
                body: holder.name, place: place, onBehalf: "T/M CHI BỘ", word: "Chi bộ")
        }
        var above: UnitSnapshot?
        if let commune { above = try await tree.parent(of: commune.id, on: date) }
        let committee = commune.map { PaperWords.committee(kind: $0.kind, name: $0.name).body } ?? holder.name
        return PaperIssuer(
            upper: above.map { PaperWords.partyBody(of: $0) } ?? "",
            body: committee, place: place, onBehalf: "T/M ĐẢNG ỦY", word: "Đảng ủy")
    }
}

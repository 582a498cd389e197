import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Transfers between cells outside a plan on the member's registry page (issue 18, rules.md R13, R14): "Chuyển sinh
/// hoạt" sends one, a pending one is cancelled here, and the receiving cell's page receives it.
extension MemberRegistryPages {
    @Sendable func sendTransfer(req: Request) async throws -> Response {
        let id = try req.resolved.member.summary.id
        let form = try req.content.decode(TransferForm.self)
        do {
            try await TransferWriter(db: req.store, scope: try await req.scope(.plan), calendar: req.workingCalendar)
                .send(id, form, today: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm(
                "member-registry", try await context(req, transfer: form), issues: error.issues)
        }
        return req.redirect(to: "/members/\(id)/registry")
    }

    struct TransferAction: Content {
        var transfer: String?
        var reason: String?
        var receivedOn: String?
    }

    @Sendable func cancelTransfer(req: Request) async throws -> Response {
        let id = try req.resolved.member.summary.id
        let action = try req.content.decode(TransferAction.self)
        do {
            try await TransferWriter(db: req.store, scope: try await req.scope(.plan)).cancel(
                action.transfer, of: id, reason: action.reason, today: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("member-registry", try await context(req), issues: error.issues)
        }
        return req.redirect(to: "/members/\(id)/registry")
    }

    /// The receiving cell's "Nhận" button.
    @Sendable func receiveTransfer(req: Request) async throws -> Response {
        let cell = try req.resolved.cell.id
        let action = try req.content.decode(TransferAction.self)
        do {
            try await TransferWriter(db: req.store, scope: try await req.scope(.plan)).receive(
                action.transfer, into: cell, on: action.receivedOn, today: CivilDate.today(),
                actor: try await req.actor())
        } catch let error as InputError {
            let (context, _) = try await TreePages().cellContext(req, audit: false)
            return try await req.renderForm("cell", context, issues: error.issues)
        }
        return req.redirect(to: "/cells/\(cell)")
    }
}

/// A transfer as a line of a page.
struct TransferRow: Encodable {
    var id: UUID
    var memberID: UUID
    var member: String
    var from: String
    var to: String
    var toCellID: UUID
    var kind: String
    var sentOn: String
    var deadline: String?
    /// "còn 12 ngày làm việc" / "quá hạn 3 ngày làm việc".
    var standing: String?
    var overdue: Bool
    var pending: Bool
    var until: String?
    var receivedOn: String?
    var cancelledOn: String?
    /// Whether a letter is printed for it: official and temporary transfers.
    var hasLetter: Bool

    init(_ transfer: MemberTransfer, on date: CivilDate, calendar: WorkingCalendar, language: Language) {
        id = transfer.id
        memberID = transfer.memberID
        member = transfer.memberName
        from = transfer.fromCellName
        to = transfer.toCellName
        toCellID = transfer.toCellID
        kind = TransferRow.label(transfer.kind).text(in: language)
        sentOn = transfer.sentOn.vietnamese
        deadline = transfer.deadline?.vietnamese
        let standing = transfer.standing(on: date, calendar: calendar)
        self.standing = standing?.text.text(in: language)
        overdue = standing?.isOverdue ?? false
        pending = transfer.isPending
        until = transfer.until?.vietnamese
        receivedOn = transfer.receivedOn?.vietnamese
        cancelledOn = transfer.cancelledOn?.vietnamese
        hasLetter = (transfer.kind == .official || transfer.kind == .temporary) && transfer.cancelledOn == nil
    }

    /// Transfers waiting to be received as lines of a list, the letter offered where the user keeps the sending cell
    /// (the letter's page is the sending side's).
    static func waiting(_ transfers: [MemberTransfer], _ req: Request) async throws -> [TransferRow] {
        let today = CivilDate.today()
        let plan = try await req.scope(.plan)
        return transfers.map { transfer in
            var row = TransferRow(transfer, on: today, calendar: req.workingCalendar, language: req.language)
            row.hasLetter = row.hasLetter && plan.contains(organisation: transfer.fromCellID)
            return row
        }
    }

    static func label(_ kind: TransferKind) -> BilingualText {
        switch kind {
        case .official: return BilingualText(vi: "Chuyển sinh hoạt chính thức", en: "Official transfer")
        case .temporary: return BilingualText(vi: "Chuyển sinh hoạt tạm thời", en: "Temporary transfer")
        case .internal: return BilingualText(vi: "Chuyển sinh hoạt nội bộ", en: "Internal transfer")
        case .initial: return BilingualText(vi: "Vào chi bộ", en: "Joined the cell")
        }
    }
}

extension MemberRegistryPages.Context {
    /// The member's transfers and the choices of the "Chuyển sinh hoạt" form.
    func withTransfers(_ req: Request, member: UUID) async throws -> Self {
        var context = self
        let scope = try await req.scope(.plan)
        let today = CivilDate.today()
        let language = req.language
        let calendar = req.workingCalendar
        let transfers = MemberTransfers(db: req.store, scope: scope)
        context.transfers = try await transfers.of(member, today: today).map {
            TransferRow($0, on: today, calendar: calendar, language: language)
        }
        let chosen = transfer
        // A new form starts on today: most transfers are recorded the day the letter is handed over.
        if (chosen.on ?? "").isEmpty { context.transfer.on = today.iso }
        context.transferKinds = [TransferKind.official, .temporary, .internal].map {
            Choice(
                value: $0.rawValue, label: TransferRow.label($0).text(in: language),
                selected: chosen.kind == $0.rawValue)
        }
        context.receivingCells =
            [Choice(value: "", label: "—", selected: chosen.toCell == nil)]
            + (try await transfers.receivingCells(for: member, today: today)).map {
                Choice(value: $0.id.uuidString, label: $0.name, selected: chosen.toCell == $0.id.uuidString)
            }
        return context
    }
}

import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension DuesPages {
    struct Choice: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One member's line as the page shows it.
    struct LineRow: Encodable {
        var memberID: UUID
        var name: String
        var bands: [Choice]
        var income: String
        var amount: String
        var paid: Bool
        var paidOn: String?
        var collectedBy: String?
        var flagged: Bool
        /// Values for exports.
        var bandLabel: String
        var amountDue: Int?
        var incomeValue: Int?
        var paidDay: CivilDate?
    }

    struct HandoverRow: Encodable {
        var passedOn: String
        var passedBy: String
        var total: String
    }

    struct FlagRow: Encodable {
        var memberID: UUID
        var name: String
        var months: String
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var cellID: UUID
        var cellName: String
        var month: String
        var monthText: String
        var previousMonth: String
        var nextMonth: String
        var rates: String
        var decision: String
        var lines: [LineRow]
        var collectors: [Choice]
        var today: String
        var collected: String
        var paidCount: Int
        var lineCount: Int
        var handover: HandoverRow?
        var mayWrite: Bool
        var flags: [FlagRow]
        var problems: [String]
        var error: String?
    }

    /// The register's view model; `typed` (a form sent back with problems) shows what was typed over what is stored.
    func cellContext(_ req: Request, _ register: DuesRegister, typed: RegisterForm?, problems: [String])
        async throws -> Context
    {
        let language = req.language
        func word(_ key: String) -> String { Labels.text(key, req) }
        let flags = try await dues(req).unpaidFlags(of: register.cellID, year: register.month.year)
        let flagged = Set(flags.map(\.member.id))
        let rates = register.rates
        let ratesText = [
            "\(word("duesBandSalaried")): \(DuesLabels.percent(rates.salariedPercent, language)) \(word("duesRateSalaried"))",
            "\(word("duesBandPensioner")): \(DuesLabels.percent(rates.pensionerPercent, language)) \(word("duesRatePension"))",
            "\(word("duesBandOther")): \(DuesLabels.money(rates.otherMonthly)) \(word("duesRateOther"))",
        ].joined(separator: "; ")
        let lastCollector = register.lines.compactMap(\.collectedBy?.id).last
        let today = CivilDate.today()
        let lastDay = register.month.adding(months: 1).firstDay.adding(days: -1)
        return Context(
            page: PageContext(
                req, title: "\(word("duesRegister")) · \(register.cellName) · \(register.month.vietnamese)",
                exportable: true),
            csrf: req.csrfToken, cellID: register.cellID, cellName: register.cellName, month: register.month.iso,
            monthText: register.month.vietnamese, previousMonth: register.month.adding(months: -1).iso,
            nextMonth: register.month.adding(months: 1).iso, rates: ratesText, decision: rates.decision,
            lines: register.lines.map { lineRow($0, typed: typed, flagged: flagged.contains($0.member.id), req) },
            collectors: register.collectors.map {
                Choice(value: $0.id.uuidString, label: $0.name, selected: $0.id == lastCollector)
            },
            today: (today < lastDay ? today : lastDay).iso, collected: DuesLabels.money(register.collected),
            paidCount: register.paidCount, lineCount: register.lines.count,
            handover: register.handover.map {
                HandoverRow(
                    passedOn: $0.passedOn.vietnamese, passedBy: $0.passedBy.name, total: DuesLabels.money($0.total))
            },
            mayWrite: try await req.allows(.write),
            flags: flags.map {
                FlagRow(
                    memberID: $0.member.id, name: $0.member.name,
                    months: $0.months.map(\.vietnamese).joined(separator: ", "))
            }, problems: problems, error: problems.isEmpty ? nil : problems.joined(separator: " "))
    }

    func lineRow(_ line: DuesLine, typed: RegisterForm?, flagged: Bool, _ req: Request) -> LineRow {
        let id = line.member.id.uuidString
        let band = typed?.band?[id].flatMap(DuesBand.init(rawValue:)) ?? line.band
        let income = typed?.income?[id] ?? line.income.map(DuesLabels.money) ?? ""
        return LineRow(
            memberID: line.member.id, name: line.member.name,
            bands: DuesBand.allCases.map {
                Choice(value: $0.rawValue, label: Labels.text(DuesLabels.word($0), req), selected: $0 == band)
            },
            income: income,
            amount: line.amountDue.map(DuesLabels.money) ?? Labels.text("duesNoIncome", req), paid: line.paid,
            paidOn: line.paidOn?.vietnamese, collectedBy: line.collectedBy?.name, flagged: flagged,
            bandLabel: Labels.text(DuesLabels.word(line.band), req), amountDue: line.amountDue,
            incomeValue: line.income, paidDay: line.paidOn)
    }

    struct CommuneRow: Encodable {
        var cellID: UUID
        var cellName: String
        var recorded: Int
        var paid: Int
        var collected: String
        var collectedValue: Int
        var passedOn: String?
        var passedDay: CivilDate?
        var passedBy: String?
        var passedTotal: String?
        var passedTotalValue: Int?

        init(_ total: CellDuesTotal, month: YearMonth) {
            cellID = total.cell.id
            cellName = total.cell.name
            recorded = total.recorded
            paid = total.paid
            collected = DuesLabels.money(total.collected)
            collectedValue = total.collected
            passedOn = total.handover?.passedOn.vietnamese
            passedDay = total.handover?.passedOn
            passedBy = total.handover?.passedBy.name
            passedTotal = total.handover.map { DuesLabels.money($0.total) }
            passedTotalValue = total.handover?.total
        }
    }

    struct CommuneContext: Encodable {
        var page: PageContext
        var unitID: UUID
        var unitName: String
        var month: String
        var monthText: String
        var previousMonth: String
        var nextMonth: String
        var rows: [CommuneRow]
        var collected: String
        var passedUp: String
    }
}

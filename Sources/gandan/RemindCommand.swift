import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb

/// `gandan remind --smtp URL`: the daily to-do digest by e-mail (issue 20), run once a day by a timer
/// (deploy/gandan-remind.timer). A second run the same day sends nothing twice.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Mail each user with an e-mail address and something to do their to-do list of the day.")

    @ArgumentParser.Option(help: ArgumentHelp("The mail relay, smtp://host[:port].", valueName: "url")) var smtp: String
    @ArgumentParser.Option(help: ArgumentHelp("The sender address.", valueName: "address")) var from =
        "gandan@localhost"
    @ArgumentParser.Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The site's address for the links, e.g. https://gandan.example.vn (default: GANDAN_BASE_URL).",
            valueName: "url"))
    var baseURL: String?
    @ArgumentParser.Option(help: ArgumentHelp("The day (YYYY-MM-DD; default: today in Vietnam).", valueName: "date"))
    var date: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard SMTPClient(url: smtp) != nil else {
            throw CommandValues.refusal(
                vi: "--smtp \(smtp): ghi smtp://máy[:cổng] (máy chuyển thư trong mạng của máy chủ)",
                en: "--smtp \(smtp): give smtp://host[:port] (a relay on the server's network)")
        }
        if let date { _ = try CommandValues.date(date, option: "--date") }
        guard let base = resolvedBaseURL, let url = URL(string: base), ["http", "https"].contains(url.scheme ?? "")
        else {
            throw CommandValues.refusal(
                vi: "--base-url: ghi địa chỉ của trang, ví dụ https://gandan.example.vn",
                en: "--base-url: give the site's address, e.g. https://gandan.example.vn")
        }
    }

    var resolvedBaseURL: String? { baseURL ?? ProcessInfo.processInfo.environment["GANDAN_BASE_URL"] }

    func run() async throws {
        guard let client = SMTPClient(url: smtp), let base = resolvedBaseURL else { return }
        let day = try date.map { try CommandValues.date($0, option: "--date") } ?? CivilDate.today()
        let from = from
        let settings = try await database.settings()
        let run = try await database.withStorage { db in
            try await DigestMail.run(db: db, settings: settings, client: client, from: from, baseURL: base, date: day)
        }
        print(
            "Digest of \(day.iso): \(run.sent.count) sent, \(run.alreadySent.count) already sent today, "
                + "\(run.nothingToDo.count) with nothing to do, \(run.failed.count) failed.")
        for failure in run.failed { print("  not sent: \(failure)") }
        if !run.failed.isEmpty { throw ExitCode(1) }
    }
}

import Foundation

extension PublicHolidays {
    /// The built-in table with the years of a holidays file put over it (rules.md R23; issue 24): each year the file
    /// lists replaces that year's built-in list whole (the Government announces a year's Tết break and swaps
    /// together); other years keep the table's. The form is `docs/holidays.example.json`; every problem names its
    /// field, and its line when the file shows it once.
    public static func read(json data: Data, over base: PublicHolidays = .vietnam) throws(InputError) -> PublicHolidays
    {
        let file = try RuleFile.decode(HolidayFile.self, from: data)
        let reader = HolidayFileReader(text: String(decoding: data, as: UTF8.self))
        let years = reader.years(file)
        guard reader.issues.isEmpty else { throw .invalid(reader.issues) }
        let listed = Set(years.map(\.year))
        return PublicHolidays(
            years: base.years.filter { !listed.contains($0.year) } + years, fixedHolidays: base.fixedHolidays)
    }
}

/// The file as written: snake_case keys, dates as text, days off grouped by kind.
struct HolidayFile: Decodable {
    var years: [Year]

    struct Year: Decodable {
        var year: Int
        var source: String?
        var provisional: Bool?
        var daysOff: [String: [String]]
        var makeUpWorkingDays: [String]?

        enum CodingKeys: String, CodingKey {
            case year, source, provisional
            case daysOff = "days_off"
            case makeUpWorkingDays = "make_up_working_days"
        }
    }
}

/// Checks a decoded file year by year, collecting every problem with its field (and line when it can tell).
final class HolidayFileReader {
    let lines: [Substring]
    /// Problems in the order found.
    private(set) var issues: [InputIssue] = []

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The kinds a file may name, snake_case as in the example: `lunar_new_year` for `HolidayKind.lunarNewYear`.
    static let kinds: [String: HolidayKind] = Dictionary(
        uniqueKeysWithValues: HolidayKind.allCases.map { (snakeCase($0.rawValue), $0) })

    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { text, character in
            text += character.isUppercase ? "_" + character.lowercased() : String(character)
        }
    }

    func years(_ file: HolidayFile) -> [HolidayYear] {
        if file.years.isEmpty { add("years", literal: nil, "lists no year; name at least one or leave the file out") }
        var seen: Set<Int> = []
        var result: [HolidayYear] = []
        for (index, entry) in file.years.enumerated() {
            let field = "years[\(index)]"
            guard CivilDate.supportedYears.contains(entry.year) else {
                add("\(field).year", literal: "\(entry.year)", "\(entry.year) is not a year from 1900 to 2100")
                continue
            }
            guard seen.insert(entry.year).inserted else {
                add("\(field).year", literal: nil, "\(entry.year) is listed twice; give each year once")
                continue
            }
            if let year = year(entry, field: field) { result.append(year) }
        }
        return result
    }

    private func year(_ entry: HolidayFile.Year, field: String) -> HolidayYear? {
        let before = issues.count
        var daysOff: [Holiday] = []
        var dated: [CivilDate: String] = [:]
        if entry.daysOff.isEmpty {
            add("\(field).days_off", literal: nil, "lists no day off for \(entry.year); at least New Year's Day is one")
        }
        for (name, texts) in entry.daysOff.sorted(by: { $0.key < $1.key }) {
            guard let kind = Self.kinds[name] else {
                let known = Self.kinds.keys.sorted().joined(separator: ", ")
                add(
                    "\(field).days_off.\(name)", literal: name,
                    "\"\(name)\" is not a kind of day off; use one of \(known)")
                continue
            }
            for (index, text) in texts.enumerated() {
                let place = "\(field).days_off.\(name)[\(index)]"
                guard let date = date(text, year: entry.year, field: place) else { continue }
                if let other = dated[date] {
                    add(place, literal: text, "\(text) is already listed as \(other); give each day once")
                    continue
                }
                dated[date] = "days_off.\(name)"
                daysOff.append(Holiday(date: date, kind: kind))
            }
        }
        var makeUp: [CivilDate] = []
        for (index, text) in (entry.makeUpWorkingDays ?? []).enumerated() {
            let place = "\(field).make_up_working_days[\(index)]"
            guard let date = date(text, year: entry.year, field: place) else { continue }
            if let other = dated[date] {
                add(place, literal: text, "\(text) is listed as a day off (\(other)) and as a working day")
            } else if !date.isWeekend {
                add(
                    place, literal: text,
                    "\(text) is a weekday, a working day anyway: a make-up working day is a Saturday or Sunday worked")
            } else {
                dated[date] = "make_up_working_days"
                makeUp.append(date)
            }
        }
        guard issues.count == before else { return nil }
        return HolidayYear(
            year: entry.year, daysOff: daysOff, makeUpWorkingDays: makeUp, isProvisional: entry.provisional ?? false,
            source: entry.source ?? "holidays file")
    }

    /// `text` as a date of `year`, or nil with the problem recorded.
    private func date(_ text: String, year: Int, field: String) -> CivilDate? {
        guard text.count == 10, let date = CivilDate(text) else {
            add(field, literal: text, "\"\(text)\" is not a date written YYYY-MM-DD")
            return nil
        }
        guard date.year == year else {
            add(field, literal: text, "\(text) is not in \(year); list it under its own year")
            return nil
        }
        return date
    }

    /// Records a problem; `literal` (a value as written) gives the line when it occurs on exactly one line.
    private func add(_ field: String, literal: String?, _ message: String) {
        issues.append(InputIssue(line: literal.flatMap(line(of:)), field: field, message: message))
    }

    private func line(of literal: String) -> Int? {
        let matches = lines.indices.filter {
            lines[$0].contains("\"\(literal)\"") || lines[$0].contains(": \(literal)")
        }
        return matches.count == 1 ? matches[0] + 1 : nil
    }
}

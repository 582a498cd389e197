import Foundation

/// Reading a rule data file a province keeps beside the release (holidays, criteria sets, poverty standards): JSON
/// that does not parse is named by line and column, a missing or mistyped field by its path.
enum RuleFile {
    /// `data` decoded as `T`, or the problem as an `InputError.malformed` naming its line or field.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, shape: Shape? = nil) throws(InputError) -> T {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformed(syntax(error, in: data))
        }
        if let shape {
            let unknown = unknownKeys(in: data, shape: shape)
            guard unknown.isEmpty else { throw .invalid(unknown) }
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw .malformed(describe(error))
        } catch {
            throw .malformed("\(error)")
        }
    }

    /// The fields a file may hold: an object's keys, each with the shape of its value; an array's items; a value.
    indirect enum Shape: Sendable {
        case object([String: Shape])
        case array(Shape)
        case value
    }

    /// Keys the shape does not name, as issues with their path and line: a misspelt key would otherwise be ignored and
    /// its setting fall back to nothing without a word.
    static func unknownKeys(in data: Data, shape: Shape) -> [InputIssue] {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return [] }
        let issues = RuleFileIssues(data: data)
        var found: [InputIssue] = []
        func walk(_ value: Any, _ shape: Shape, _ path: String) {
            switch shape {
            case .object(let fields):
                guard let object = value as? [String: Any] else { return }
                for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                    let place = path.isEmpty ? key : "\(path).\(key)"
                    guard let inner = fields[key] else {
                        let known = fields.keys.sorted().joined(separator: ", ")
                        found.append(
                            InputIssue(
                                line: issues.line(of: key), field: place,
                                message: "\"\(key)\" is not a field here; use \(known)"))
                        continue
                    }
                    walk(item, inner, place)
                }
            case .array(let items):
                guard let array = value as? [Any] else { return }
                for (index, item) in array.enumerated() { walk(item, items, "\(path)[\(index)]") }
            case .value:
                return
            }
        }
        walk(json, shape, "")
        return found
    }

    /// A decoding error as the field (and line, for JSON that does not parse) it is about, in plain words.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return names.hasPrefix(".") ? String(names.dropFirst()) : names
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\(parent.isEmpty ? "" : parent + ".")\(key.stringValue): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(type == String.self ? "text" : "\(type)".lowercased()) here"
        case .valueNotFound(_, let context):
            return "\(path(context)): missing"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// Where JSON that does not parse goes wrong: the parser names a line (Darwin) or a byte offset (Linux), which
    /// is turned into a line and column.
    static func syntax(_ error: any Error, in data: Data) -> String {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        if let match = detail.firstMatch(of: #/line (\d+)(, column (\d+))?/#) {
            return "not JSON: line \(match.output.1)" + (match.output.3.map { ", column \($0)" } ?? "") + ": \(detail)"
        }
        guard let match = detail.firstMatch(of: #/character (\d+)/#), let offset = Int(match.output.1) else {
            return "not JSON: \(detail)"
        }
        let before = data.prefix(offset)
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return "not JSON: line \(line), column \(column): \(detail)"
    }
}

/// The problems found in a rule file, each with its field, and its line when the value shows on exactly one line.
struct RuleFileIssues {
    let lines: [Substring]
    private(set) var issues: [InputIssue] = []

    init(data: Data) {
        lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Records a problem; `literal` (a value as written: text without its quotes, or a number) gives the line.
    mutating func add(_ field: String, literal: String?, _ message: String) {
        issues.append(InputIssue(line: literal.flatMap(line(of:)), field: field, message: message))
    }

    func line(of literal: String) -> Int? {
        let matches = lines.indices.filter {
            lines[$0].contains("\"\(literal)\"") || lines[$0].contains(": \(literal)")
        }
        return matches.count == 1 ? matches[0] + 1 : nil
    }

    /// A `YYYY-MM-DD` date, or nil with the problem recorded.
    mutating func date(_ text: String, field: String) -> CivilDate? {
        guard text.count == 10, let date = CivilDate(text) else {
            add(field, literal: text, "\"\(text)\" is not a date written YYYY-MM-DD")
            return nil
        }
        return date
    }

    /// `from` and `until` (exclusive; nil: open) as a validity, or nil with the problem recorded.
    mutating func validity(from: String, until: String?, field: String) -> Validity? {
        let start = date(from, field: "\(field).valid_from")
        let end = until.flatMap { date($0, field: "\(field).valid_until") }
        guard let start, until == nil || end != nil else { return nil }
        if let end, end <= start {
            add("\(field).valid_until", literal: until, "\(end.iso) is not after valid_from \(start.iso)")
            return nil
        }
        return Validity(from: start, until: end)
    }

    /// The file's versions put over `base`: a version replaces the built-in one with its id and a new id is added;
    /// two versions in force on the same day are a problem named at the file's version (rules.md R24, R25).
    mutating func merge<Version>(
        _ listed: [(field: String, version: Version)], over base: [Version], id: (Version) -> String,
        validity: (Version) -> Validity, what: String
    ) -> [Version] {
        var seen: [String: String] = [:]
        for (field, version) in listed {
            if let first = seen[id(version)] {
                add("\(field).id", literal: nil, "\"\(id(version))\" is listed twice (also \(first)); give each once")
            }
            seen[id(version)] = seen[id(version)] ?? field
        }
        let replaced = Set(listed.map { id($0.version) })
        let kept = base.filter { !replaced.contains(id($0)) }
        var result = kept
        for (field, version) in listed {
            let span = validity(version)
            for other in result where id(other) != id(version) && validity(other).overlaps(span) {
                let built = kept.contains { id($0) == id(other) } ? "the built-in " : ""
                add(
                    "\(field).valid_from", literal: span.from.iso,
                    "\(id(version)) (\(Self.text(span))) overlaps \(built)\(what) \(id(other)) (\(Self.text(validity(other)))): "
                        + "one \(what) is in force on a day; change the dates or list \(id(other)) too")
            }
            result.append(version)
        }
        return result.sorted { validity($0).from < validity($1).from }
    }

    static func text(_ validity: Validity) -> String {
        "\(validity.from.iso) – " + (validity.until.map { "before \($0.iso)" } ?? "open")
    }
}

import Foundation

/// The API's JSON keys: snake_case both ways, with `ID`/`IDs` kept as words (`member_id` ↔ `memberID`,
/// `assignee_ids` ↔ `assigneeIDs`), so Swift names and JSON names round-trip; instants are ISO 8601 (UTC).
enum APICoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in SnakeKey(snake(path.last!.stringValue)) }
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in SnakeKey(camel(path.last!.stringValue)) }
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// `assigneeIDs` → `assignee_ids`, `cellID` → `cell_id`, `durationMinutes` → `duration_minutes`.
    static func snake(_ key: String) -> String {
        guard key.contains(where: \.isUppercase), key.first?.isLowercase == true,
            key.allSatisfy({ $0.isLetter || $0.isNumber })
        else { return key }
        var words: [String] = []
        var current = ""
        let characters = Array(
            key.replacingOccurrences(of: "IDs", with: "Ids").replacingOccurrences(of: "ID", with: "Id"))
        for (index, character) in characters.enumerated() {
            let startsWord =
                character.isUppercase
                && (index > 0
                    && (characters[index - 1].isLowercase || characters[index - 1].isNumber
                        || (index + 1 < characters.count && characters[index + 1].isLowercase)))
            if startsWord && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        words.append(current)
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    /// `assignee_ids` → `assigneeIDs`, `member_id` → `memberID`, `start_time` → `startTime`.
    static func camel(_ key: String) -> String {
        let words = key.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
        guard words.count > 1 else { return key }
        return words[0]
            + words.dropFirst().map { word in
                switch word {
                case "id": return "ID"
                case "ids": return "IDs"
                default: return word.prefix(1).uppercased() + word.dropFirst()
                }
            }.joined()
    }
}

private struct SnakeKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

import CSV
import Foundation
import GanDanCore

/// The "download errors" file of an import: one row per error or possible duplicate, by line, in the reader's
/// language, so a secretary can open it beside her own file.
public enum ImportIssuesCSV {
    /// The header row in each language.
    public static func columns(in language: Language) -> [String] {
        language == .vi ? ["Dòng", "Cột", "Loại", "Nội dung"] : ["line", "field", "severity", "message"]
    }

    /// The file for `report`; `column` names an issue's column (the file's own header, or the field's label).
    public static func csv(
        _ report: ImportReport, language: Language, column: (InputIssue) -> String = { $0.field ?? "" }
    ) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: columns(in: language))
        for (severity, issue) in report.allIssues {
            let kind =
                severity == "error"
                ? (language == .vi ? "lỗi" : "error") : (language == .vi ? "có thể trùng" : "duplicate")
            try writer.write(
                row: [issue.line.map(String.init) ?? "", column(issue), kind, issue.message(in: language)].map(
                    CSVField.neutralised))
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}

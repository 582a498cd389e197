import CSV
import Foundation
import GanDanCore

/// The "download errors" file of an import: one row per error or possible duplicate, by line.
public enum ImportIssuesCSV {
    public static let columns = ["line", "field", "severity", "message"]

    public static func csv(_ report: ImportReport) throws -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: columns)
        for (severity, issue) in report.allIssues {
            try writer.write(
                row: [issue.line.map(String.init) ?? "", issue.field ?? "", severity, issue.message].map(
                    CSVField.neutralised))
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}

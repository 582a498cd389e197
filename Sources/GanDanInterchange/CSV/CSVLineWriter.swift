/// Appends CSV rows as UTF-8 bytes: a field holding a comma, a double quote, a carriage return or a line feed is
/// quoted with its quotes doubled (RFC 4180), as CSV.swift's `CSVWriter` writes it. Hand-written for the member
/// export: CSV.swift searches each field for each special character through Foundation and writes scalar by scalar,
/// a third of a national export's time (bench/README.md); this looks at each byte once.
struct CSVLineWriter {
    private(set) var bytes: [UInt8] = []

    /// One row, then a line feed.
    mutating func append(row fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(field: field)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(field: String) {
        let utf8 = field.utf8
        let quoted = utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0D || $0 == 0x0A }
        guard quoted else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The rows written, as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

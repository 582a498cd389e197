import GanDanCore

/// Splits CSV text (RFC 4180, comma-separated) into records of fields, reading UTF-8 bytes.
///
/// Hand-written because CSV.swift's reader, which walks the text one `Unicode.Scalar` at a time through an
/// `AnyIterator` and trims through Foundation, took about 1 s of a 60,000-row import (bench/scale); CSV.swift
/// still writes every export. Fields are trimmed of whitespace outside quotes and kept exactly inside them;
/// `""` inside quotes is one quote; CR, LF and CRLF end a record; a line break inside quotes belongs to the field.
public enum CSVRecords {
    /// One record and its number (1 for the first), which is the line a person sees unless a quoted field
    /// spans lines.
    public typealias Record = (line: Int, cells: [String])

    /// The records of `text`; a quote that is never closed is an error naming the record it opens in.
    public static func parse(_ text: String) throws(InputError) -> [Record] {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(InputError) in try parse(bytes) } }
        return try result.get()
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputError) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var index = 0
        let count = bytes.count
        var line = 1
        var quoted: [UInt8] = []
        while index < count {
            // One field: leading blanks, then a quoted or a plain value, then a comma or the end of the record.
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            var endOfRecord = false
            if index < count, bytes[index] == quote {
                cells.append(try quotedField(bytes, at: &index, buffer: &quoted, line: line))
            } else {
                let start = index
                while index < count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf { index += 1 }
                cells.append(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                        .trimmingWhitespace())
            }
            if index >= count {
                endOfRecord = true
            } else if bytes[index] == comma {
                index += 1
                if index >= count { cells.append("") }
            } else {
                // CR, LF or CRLF.
                if bytes[index] == cr, index + 1 < count, bytes[index + 1] == lf { index += 1 }
                index += 1
                endOfRecord = true
            }
            if endOfRecord {
                records.append((line, cells))
                cells = []
                line += 1
            }
        }
        if !cells.isEmpty { records.append((line, cells)) }
        return records
    }

    /// The quoted field opening at `index` (on its quote), up to the comma or line break after it; `buffer` is reused
    /// from field to field. A quote that is never closed is an error naming the record it opens in.
    @inline(__always)
    private static func quotedField(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, buffer quoted: inout [UInt8], line: Int
    ) throws(InputError) -> String {
        let count = bytes.count
        let opened = index
        index += 1
        quoted.removeAll(keepingCapacity: true)
        var closed = false
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte != quote {
                quoted.append(byte)
            } else if index < count, bytes[index] == quote {
                quoted.append(quote)
                index += 1
            } else {
                closed = true
                break
            }
        }
        guard closed else {
            throw .invalid([
                InputIssue(line: line, message: "a quoted field (byte \(opened + 1)) is never closed")
            ])
        }
        // Text after the closing quote is kept after the quoted text, as a spreadsheet would show it.
        let rest = index
        while index < count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf { index += 1 }
        var end = index
        while end > rest, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<end]))
        return String(decoding: quoted, as: UTF8.self)
    }
}

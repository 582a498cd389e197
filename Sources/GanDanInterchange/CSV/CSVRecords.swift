import GanDanCore

/// Splits CSV text (RFC 4180, comma-separated) into records of fields, reading UTF-8 bytes.
///
/// Hand-written because CSV.swift's reader, which walks the text one `Unicode.Scalar` at a time through an
/// `AnyIterator` and trims through Foundation, took about 1 s of a 60,000-row import (bench/scale); CSV.swift
/// still writes the table exports (the member export has `CSVLineWriter`). Fields are trimmed of whitespace outside quotes and kept exactly inside them;
/// `""` inside quotes is one quote; CR, LF and CRLF end a record; a line break inside quotes belongs to the field.
public enum CSVRecords {
    /// One record and its number (1 for the first), which is the line a person sees unless a quoted field
    /// spans lines.
    public typealias Record = (line: Int, cells: [String])

    /// The records of `text` that are not blank (a blank record's number is skipped, so lines stay as the person sees
    /// them); a quote that is never closed is an error naming the record it opens in. A record wider than
    /// `limits.columns`, a cell longer than `limits.cellLength`, or more rows or cells than the limits allow is
    /// refused as soon as it is met (issue 21), before the rest of the text is split.
    public static func parse(_ text: String, limits: ImportLimits = .commandLine) throws(InputError) -> [Record] {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(InputError) in try parse(bytes, limits: limits) } }
        return try result.get()
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: ImportLimits) throws(InputError)
        -> [Record]
    {
        var records: [Record] = []
        var cells: [String] = []
        var index = 0
        let count = bytes.count
        var line = 1
        var quoted: [UInt8] = []
        var totals = (cells: 0, text: 0)
        while index < count {
            // One field: leading blanks, then a quoted or a plain value, then a comma or the end of the record.
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            var endOfRecord = false
            if cells.count == limits.columns {
                throw limits.tooManyColumns(cells.count + fields(bytes, from: index), line: line)
            }
            let start = index
            if index < count, bytes[index] == quote {
                cells.append(try quotedField(bytes, at: &index, buffer: &quoted, line: line))
            } else {
                while index < count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf { index += 1 }
                cells.append(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                        .trimmingWhitespace())
            }
            if index - start > limits.cellLength, let last = cells.last, last.unicodeScalars.count > limits.cellLength {
                throw limits.cellTooLong(length: last.unicodeScalars.count, line: line, column: cells.count - 1)
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
                try keep(&cells, line: line, in: &records, totals: &totals, limits: limits)
                line += 1
            }
        }
        if !cells.isEmpty { try keep(&cells, line: line, in: &records, totals: &totals, limits: limits) }
        return records
    }

    /// Ends a record: kept unless blank, within the limits on rows, cells and text.
    @inline(__always)
    private static func keep(
        _ cells: inout [String], line: Int, in records: inout [Record], totals: inout (cells: Int, text: Int),
        limits: ImportLimits
    ) throws(InputError) {
        defer { cells = [] }
        guard cells.contains(where: { !$0.isEmpty }) else { return }
        guard records.count < limits.rows else { throw limits.tooManyRows }
        totals.cells += cells.count
        guard totals.cells <= limits.cells else { throw limits.tooManyCells }
        totals.text += cells.reduce(0) { $0 + $1.utf8.count }
        guard totals.text <= limits.textBytes else { throw limits.tooMuchText }
        records.append((line, cells))
    }

    /// How many fields the record goes on with from `index` (at the start of a field), counted without keeping
    /// them: commas outside quotes up to the record's end. Only to name a refused record's width.
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var fields = 1
        var inQuotes = false
        for byte in bytes[index...] {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == comma { fields += 1 } else if byte == cr || byte == lf { break }
            }
        }
        return fields
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
                InputIssue(
                    line: line, vi: "Một ô mở dấu ngoặc kép (byte \(opened + 1)) mà không đóng lại.",
                    en: "A quoted field (byte \(opened + 1)) is never closed.")
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

extension String {
    /// The text without leading and trailing whitespace: the same characters as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (Unicode Zs, tab and U+200B), without its bridging, which an import
    /// pays on every cell (bench/scale).
    public func trimmingWhitespace() -> String {
        trimming(newlines: false)
    }

    /// The text without leading and trailing whitespace and line breaks, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (Unicode Z*, tab, U+200B, U+000A–U+000D and U+0085).
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming(newlines: true)
    }

    private func trimming(newlines: Bool) -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        // Most cells start and end with a visible ASCII character: nothing to trim.
        if (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isTrimmable(newlines: newlines) }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isTrimmable(newlines: newlines) })!
        return String(scalars[start...end])
    }
}

extension Unicode.Scalar {
    /// Whether Foundation's `.whitespaces` (or, with `newlines`, `.whitespacesAndNewlines`) holds the scalar.
    fileprivate func isTrimmable(newlines: Bool) -> Bool {
        switch value {
        case 0x09, 0x20: return true
        case 0x0A...0x0D, 0x85: return newlines
        case 0x00...0x7F: return false
        // Foundation's sets also hold the zero-width space, though Unicode files it under Cf.
        case 0x200B: return true
        default:
            switch properties.generalCategory {
            case .spaceSeparator: return true
            case .lineSeparator, .paragraphSeparator: return newlines
            default: return false
            }
        }
    }
}

/// Hides secrets in text that is printed or logged (issue 24): the one redaction every message, log line and
/// `gandan config` uses, so a database password never reaches a terminal, a log file or a support ticket.
public enum SecretRedaction {
    /// What a hidden secret is shown as.
    public static let mask = "***"

    /// `text` with the password of every URL in it (`scheme://user:PASSWORD@host`) and every `password=` value
    /// (libpq's query parameter and keyword form) replaced by `***`; text without secrets is returned unchanged.
    public static func redact(_ text: String) -> String {
        guard text.contains("@") || text.lowercased().contains("password") else { return text }
        var result = text.replacing(userInfoPassword) { match in "\(match.output.1)\(mask)@" }
        result = result.replacing(passwordParameter) { match in "\(match.output.1)\(mask)" }
        return result
    }

    /// `scheme://user:` then the password up to the last `@` before the host (greedy: a password with an unescaped
    /// `@` is hidden whole).
    nonisolated(unsafe) private static let userInfoPassword = #/([A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)[^\s/]*@/#
    /// `password=…` up to `&` or a space, or a quoted `password='…'`.
    nonisolated(unsafe) private static let passwordParameter = #/(?i)(password\s*=\s*)('[^']*'|"[^"]*"|[^&\s'"]+)/#
}

import GanDanCore
import GanDanStorage

extension StorageError {
    /// The sentence a page shows for this failure in `language`: its own when it was told in both languages, else the
    /// plain sentence of its status (never the English description, which is for logs and the API).
    func sentence(in language: Language) -> String {
        if case .refused(let text) = self { return text.text(in: language) }
        return Failure.sentence(for: Failure(self).status).text(in: language)
    }

    /// The failure as an input issue for a form shown again.
    var issue: InputIssue { InputIssue(vi: sentence(in: .vi), en: sentence(in: .en)) }
}

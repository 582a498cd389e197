import LeafKit

/// `#fieldProblem("birthDate")`: the sentence about that field, shown right under it, when the form came back with
/// one (issue 20: every message beside its field as well as summed up at the top). Reads `fieldProblems`, which
/// `FormWithIssues` adds to a form sent back; renders nothing otherwise. On a page with several forms the second
/// parameter is the end of the form's address (`"/posts/end"`): the sentence shows only in the form that was sent.
/// The sentence is escaped here, since the tag writes markup.
struct FieldProblemTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard (1...2).contains(ctx.parameters.count) else {
            throw LeafError(
                .unknownError("#fieldProblem takes a field's name and, on a page of several forms, its address"))
        }
        guard let field = ctx.parameters[0].string,
            let text = ctx.data["fieldProblems"]?.dictionary?[field]?.string, !text.isEmpty
        else { return .string("") }
        if ctx.parameters.count == 2 {
            guard let form = ctx.parameters[1].string, ctx.data["postedTo"]?.string?.hasSuffix(form) == true else {
                return .string("")
            }
        }
        return .string("<p class=\"field-error\" role=\"alert\">\(text.htmlEscaped())</p>")
    }
}

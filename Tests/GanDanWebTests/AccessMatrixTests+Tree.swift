extension AccessMatrixTests {
    /// The tree kept on the web (issue 18): planners and administrators only, a village's pages on the village, the
    /// new village and new cell forms on the commune; an empty form is refused (422).
    static let treeEntries: [String: Entry] = [
        // The restructure (issue 19): administrators of the whole tree only; an empty form is refused (422).
        "GET /restructure": Entry(
            path: { _ in "/restructure" }, expect: { who, _ in wholeTree(who, ok: 200, get: true) }),
        "POST /restructure/check": Entry(
            path: { _ in "/restructure/check" }, body: { _ in "file=" }, expect: { who, _ in wholeTree(who, ok: 422) }),
        "POST /restructure/apply": Entry(
            path: { _ in "/restructure/apply" }, body: { _ in "content=" },
            expect: { who, _ in wholeTree(who, ok: 422) }),
        "GET /units/:unit/edit": Entry(
            path: { objects in "/units/\(objects.unit)/edit" },
            expect: { who, inside in who == .anonymous ? 303 : assigner(who, inside, ok: 200) }),
        "POST /units/:unit/rename": Entry(
            path: { objects in "/units/\(objects.unit)/rename" }, body: { _ in "name=&on=&reason=" },
            expect: { assigner($0, $1, ok: 422) }),
        "POST /units/:unit/profile": Entry(
            path: { objects in "/units/\(objects.unit)/profile" }, body: { _ in "from=&reason=" },
            expect: { assigner($0, $1, ok: 422) }),
        "POST /units/:unit/end": Entry(
            path: { objects in "/units/\(objects.unit)/end" }, body: { _ in "on=&reason=" },
            expect: { assigner($0, $1, ok: 422) }),
        "POST /units/:unit/split": Entry(
            path: { objects in "/units/\(objects.unit)/split" }, body: { _ in "code=&name=&on=&reason=" },
            expect: { assigner($0, $1, ok: 422) }),
        "GET /units/:unit/villages/new": Entry(
            path: { objects in "/units/\(objects.commune)/villages/new" },
            expect: { who, inside in who == .anonymous ? 303 : commune(who, inside, ok: 200, page: true, write: true) }),
        "POST /units/:unit/villages": Entry(
            path: { objects in "/units/\(objects.commune)/villages" }, body: { _ in "code=&name=&reason=" },
            expect: { commune($0, $1, ok: 422, page: true, write: true) }),
        "GET /units/:unit/cells/new": Entry(
            path: { objects in "/units/\(objects.commune)/cells/new" },
            expect: { who, inside in who == .anonymous ? 303 : commune(who, inside, ok: 200, page: true, write: true) }),
        "POST /units/:unit/cells": Entry(
            path: { objects in "/units/\(objects.commune)/cells" }, body: { _ in "kind=&name=&reason=" },
            expect: { commune($0, $1, ok: 422, page: true, write: true) }),
        "GET /cells/:cell/edit": Entry(
            path: { objects in "/cells/\(objects.cell)/edit" },
            expect: { who, inside in who == .anonymous ? 303 : assigner(who, inside, ok: 200) }),
        "POST /cells/:cell/rename": Entry(
            path: { objects in "/cells/\(objects.cell)/rename" }, body: { _ in "name=&on=&reason=" },
            expect: { assigner($0, $1, ok: 422) }),
        "POST /cells/:cell/move": Entry(
            path: { objects in "/cells/\(objects.cell)/move" }, body: { _ in "committee=&on=&reason=" },
            expect: { assigner($0, $1, ok: 422) }),
        "POST /cells/:cell/dissolve": Entry(
            path: { objects in "/cells/\(objects.cell)/dissolve" }, body: { _ in "on=&reason=" },
            expect: { assigner($0, $1, ok: 422) }),
    ]

    /// A route for administrators of the whole tree: anonymous is sent to sign in (a page) or refused (a form).
    static func wholeTree(_ who: Who, ok: UInt, get: Bool = false) -> UInt {
        switch who {
        case .anonymous: return get ? 303 : 401
        case .admin: return ok
        default: return 403
        }
    }
}

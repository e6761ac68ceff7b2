/// The default comment themes (SPEC §9.1): the eight wastes of lean, with English keyword
/// lists (docs/METHOD.md says why each word is there). The repo's pipeline.json spells out the
/// same list, `init` writes it into a draft, and the default instrument carries it.
public enum DefaultCommentThemes {
    public static let eightWastes: [CommentTheme] = [
        CommentTheme(name: "defects", label: "Defects", keywords: [
            "defect*", "error*", "mistake*", "rework*", "redo*", "re do", "wrong", "bug*", "scrap*", "faulty",
            "broken", "same issue", "right the first time", "first time right", "complain*",
        ]),
        CommentTheme(name: "overproduction", label: "Overproduction", keywords: [
            "overproduc*", "too many reports", "fewer reports", "status report*", "nobody reads", "nobody uses",
            "never used", "just in case", "more than we need", "more than needed", "ahead of demand",
        ]),
        CommentTheme(name: "waiting", label: "Waiting", keywords: [
            "wait*", "delay*", "queue*", "bottleneck*", "on hold", "approval*", "sign off", "call back",
            "call you back", "slow", "stall*", "idle",
        ]),
        CommentTheme(name: "talent", label: "Non-utilized talent", keywords: [
            "idea", "ideas", "skill*", "talent*", "not listened", "nobody listens", "listens", "nobody asks",
            "never asked", "ignored", "hired for", "underused", "under used", "training", "empower*",
        ]),
        CommentTheme(name: "transport", label: "Transport", keywords: [
            "handoff*", "hand off*", "handover*", "hand over*", "transport*", "moving material", "back and forth",
            "between buildings", "between sites", "ship*", "deliver*",
        ]),
        CommentTheme(name: "inventory", label: "Inventory", keywords: [
            "inventory", "stock*", "overstock*", "backlog*", "work in progress", "wip", "pile*", "warehouse*",
            "spare parts", "on the shelf", "on shelves",
        ]),
        CommentTheme(name: "motion", label: "Motion", keywords: [
            "walk*", "search*", "looking for", "find the tools", "find tools", "layout", "moving around",
            "extra steps", "bend*", "ergonom*",
        ]),
        CommentTheme(name: "processing", label: "Extra processing", keywords: [
            "same data", "re enter*", "enter the same", "three systems", "twice", "paperwork", "bureaucra*",
            "too many steps", "signature*", "meetings", "explain my problem", "double entry", "redundant*",
            "over engineer*", "overprocess*", "over process*", "red tape",
        ]),
    ]
}

/// One survey question: its column key, the question text shown to readers,
/// its scale, and whether a high answer is bad (the waste items).
public struct Item: Sendable, Hashable {
    public var key: String
    public var text: String
    public var scale: Scale
    public var reversed: Bool
    /// What to do when this item is a top driver, in a manager's words ("Cut waiting").
    public var action: String?

    public init(key: String, text: String, scale: Scale, reversed: Bool = false, action: String? = nil) {
        self.key = key
        self.text = text
        self.scale = scale
        self.reversed = reversed
        self.action = action
    }

    /// The action when one is configured, else the question text.
    public var actionText: String { action ?? text }
}

/// A scale score built from several items of one survey (SPEC §4).
public struct Construct: Sendable, Hashable {
    public var name: String
    public var label: String
    public var survey: SurveyKind
    /// Item keys, in the order they are reported.
    public var items: [String]

    public init(name: String, label: String, survey: SurveyKind, items: [String]) {
        self.name = name
        self.label = label
        self.survey = survey
        self.items = items
    }
}

/// Everything one survey kind asks: its id column, its items (construct items
/// first, then the 0–10 item), and the optional text columns.
public struct SurveyForm: Sendable, Hashable {
    public var kind: SurveyKind
    /// Nil for a form without ids (`"id_column": null`): each row is its own respondent.
    public var idColumn: String?
    /// All scored items of this survey, in column-report order. The 0–10 item is last.
    public var items: [Item]
    /// Key of the 0–10 recommend item (`enps` / `nps`); nil for a form without one (`"recommend_item": null`:
    /// its eNPS / NPS figures are null).
    public var recommendItem: String?
    /// Optional breakdown columns (`role`, `segment`, `channel`).
    public var breakdowns: [String]

    public init(kind: SurveyKind, idColumn: String?, items: [Item], recommendItem: String?, breakdowns: [String]) {
        self.kind = kind
        self.idColumn = idColumn
        self.items = items
        self.recommendItem = recommendItem
        self.breakdowns = breakdowns
    }

    public func itemIndex(_ key: String) -> Int? { items.firstIndex { $0.key == key } }
}

/// The questionnaire: both survey forms, the constructs over their items and the themes
/// comments are sorted into.
public struct Instrument: Sendable, Hashable {
    public var employee: SurveyForm
    public var customer: SurveyForm
    public var constructs: [Construct]
    /// `instrument.comment_themes` in config order (SPEC §9.1); empty when the config names none.
    public var commentThemes: [CommentTheme]

    public init(employee: SurveyForm, customer: SurveyForm, constructs: [Construct], commentThemes: [CommentTheme] = []) {
        self.employee = employee
        self.customer = customer
        self.constructs = constructs
        self.commentThemes = commentThemes
    }

    public func form(_ kind: SurveyKind) -> SurveyForm { kind == .employee ? employee : customer }

    public func constructs(of kind: SurveyKind) -> [Construct] { constructs.filter { $0.survey == kind } }

    public func item(_ key: String) -> Item? {
        employee.items.first { $0.key == key } ?? customer.items.first { $0.key == key }
    }
}

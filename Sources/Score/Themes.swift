import SurveyModel

/// One row of the JSON `themes` (SPEC §8.1, §9.1): an area's (or All areas') survey and one
/// theme, `other` included. `comments` and `share` are nil when the group is hidden
/// (`suppressed`) or has no respondents; `share` (0–100 of the group's comments) is nil too
/// when the group has no comments.
public struct ThemeCount: Sendable, Equatable {
    public var area: String
    public var survey: SurveyKind
    public var theme: String
    public var comments: Int?
    public var share: Double?
    public var suppressed: Bool
    /// The group's comments (the share's denominator), nil like `comments`; not in the JSON.
    public var groupComments: Int?

    public init(area: String, survey: SurveyKind, theme: String, comments: Int?, share: Double?, suppressed: Bool,
                groupComments: Int? = nil) {
        self.area = area
        self.survey = survey
        self.theme = theme
        self.comments = comments
        self.share = share
        self.suppressed = suppressed
        self.groupComments = groupComments
    }
}

/// The example comments of one shown group (an area or All areas, a survey) for one theme:
/// at most `output.comment_examples`, smallest digest first (SPEC §9.1).
public struct ThemeExamples: Sendable, Equatable {
    public var area: String
    public var survey: SurveyKind
    public var theme: String
    public var comments: [String]

    public init(area: String, survey: SurveyKind, theme: String, comments: [String]) {
        self.area = area
        self.survey = survey
        self.theme = theme
        self.comments = comments
    }
}

/// What the report says about comment themes: the themes in config order then `other`
/// (names and labels), the counts of every group and the examples of the shown ones.
public struct ThemeSummary: Sendable {
    public var names: [String]
    public var labels: [String]
    /// Per survey (employee, then customer; a survey without report-wave respondents is left
    /// out), per area in config order then All areas, per theme in `names` order.
    public var counts: [ThemeCount]
    /// In the order of `counts`, only groups shown and themes with at least one comment.
    public var examples: [ThemeExamples]

    public init(names: [String] = [], labels: [String] = [], counts: [ThemeCount] = [],
                examples: [ThemeExamples] = []) {
        self.names = names
        self.labels = labels
        self.counts = counts
        self.examples = examples
    }

    /// The theme names of a comment's theme bits, joined as the comments file writes them.
    public func names(of themes: UInt64) -> String {
        guard themes != 0 else { return ConfigLoader.otherTheme }
        return names.indices.dropLast().filter { themes & (1 << UInt64($0)) != 0 }.map { names[$0] }
            .joined(separator: "; ")
    }
}

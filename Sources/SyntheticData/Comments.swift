/// How the generator fills the comment column (`survey-pipeline generate --comments`).
public enum CommentModel: String, Sendable, Hashable, CaseIterable {
    /// The default: about a third of rows carry a comment of 5–40 words, composed
    /// sentence by sentence from `CommentVocabulary` (waiting, rework, handoffs,
    /// tools, ideas, leaders, workload; customers: waiting, repeat contacts,
    /// errors, the online form, staff), like the verbatims of a real survey.
    case realistic
    /// The model of the first releases, kept so that `scripts/make-samples`
    /// reproduces the tracked samples/ byte for byte: 30 % of rows, each one of
    /// the short fixed answers of `Comments`.
    case phrases
}

/// The fixed free-text answers of the `phrases` comment model: what better processes
/// would change. Some hold commas, double quotes, a line break or non-ASCII text, so
/// the files exercise RFC 4180 quoting and UTF-8.
enum Comments {
    /// Answers to "What difference would better processes make in your life?".
    static let employee: [String] = [
        "Less time chasing approvals, more time with customers.",
        "I would stop re-entering the same data in three systems.",
        "Fewer handoffs between shifts would cut our rework in half.",
        "Honestly? I'd get home on time.",
        "We fix the same defects every week; fixing the root cause would change everything.",
        "My manager says \"just get it done\" but nobody fixes the process.",
        "Clear standard work, so new people are not guessing.",
        "Less waiting for parts, less waiting for sign-off, less waiting, full stop.",
        "Réduire les attentes — ça changerait tout",
        "The improvements last a month, then we slip back.\nWe need someone to own them.",
        "Weniger Doppelarbeit, mehr Zeit für die Kunden.",
        "Tools that work the first time.",
        "If leaders walked the floor, they would see the waiting we see.",
        "We have plans for everything but nobody is inspired to follow them.",
        "Being asked for ideas, and seeing them used.",
        "Less overtime at quarter end.",
        "Fewer meetings about the \"transformation\", more actual changes.",
        "Stop moving material back and forth between buildings.",
        "I'd spend my day on the work I was hired for.",
        "Less firefighting, more improving.",
        "Our customers would stop calling twice for the same issue.",
        "Budgets get approved, then the project stalls; faster decisions, please.",
        "Mejores procesos = menos estrés y más tiempo con mi familia.",
        "Nothing will change until management listens.",
        "A 5-minute daily huddle already made my work easier. More of that.",
    ]

    /// What customers write about the service they got.
    static let customer: [String] = [
        "Got it right the first time, finally.",
        "I waited 40 minutes on the phone, again.",
        "The new online form is much easier.",
        "They said \"we'll call you back\" and never did.",
        "Delivery was faster than last year.",
        "Service rapide et efficace, merci !",
        "Had to explain my problem to three different people.\nPlease share your notes.",
        "Same issue, third time this year.",
        "Easy, quick, friendly.",
        "The invoice was wrong and fixing it took two weeks.",
        "Much better since the store reorganized the pickup desk.",
        "Ich musste nicht warten — super.",
        "Whatever you changed in the returns process, keep it.",
        "Staff were helpful but the process is slow.",
    ]

    /// Share of rows that carry a comment in the `phrases` model.
    static let rate = 0.3
}

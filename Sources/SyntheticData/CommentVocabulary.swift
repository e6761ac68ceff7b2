/// The sentence patterns of the `realistic` comment model and the composer that
/// strings them into a comment of 5–40 words.
///
/// A pattern is a list of slots, each a list of alternatives; a sentence takes one
/// alternative per slot, joined by a space (an alternative that starts with a
/// comma joins without one). The patterns talk about what employee and customer
/// verbatims really talk about, in words a theme keyword list can find: waiting,
/// rework, handoffs, tools and systems, ideas, leaders, workload, standard work;
/// customers: waiting, calling back, explaining twice, errors, the online form,
/// staff. A few whole sentences are in French, German or Spanish, some hold
/// double quotes, and sentences are now and then separated by a line break, so
/// the files keep exercising RFC 4180 quoting and UTF-8.
struct CommentVocabulary {
    typealias Pattern = [[String]]

    /// Fewest and most words of one comment.
    static let minimumWords = 5
    static let maximumWords = 40
    /// Share of rows that carry a comment.
    static let rate = 1.0 / 3.0
    /// Share of sentences taken from the non-English list, and of sentence joins that are a line break.
    private static let foreignRate = 0.04
    private static let lineBreakRate = 0.03

    let patterns: [Pattern]
    let foreign: [String]

    /// The vocabulary of one survey kind's comments.
    static func employee() -> CommentVocabulary {
        CommentVocabulary(patterns: [
            [["We spend", "I spend", "Our team spends"],
             ["too much time", "hours every week", "half of every shift", "most mornings"],
             ["waiting for approvals.", "waiting for parts.", "waiting for sign-off.", "waiting on IT tickets.",
              "waiting for the previous shift to finish."]],
            [["Too much rework", "A lot of rework", "Constant rework"],
             ["because the specs change late.", "because nobody checks the first piece.",
              "because orders arrive incomplete.", "after every handoff.", "on the same defects every week."]],
            [["Handoffs between", "The handoff between", "Every handoff between"],
             ["shifts", "teams", "departments", "sites"],
             ["loses information.", "is where the mistakes happen.", "needs a clear checklist.",
              "takes far too long."]],
            [["The tools", "Our systems", "The scanners", "The new software", "Our laptops"],
             ["are slow.", "crash at least once a week.", "do not talk to each other.",
              "make us enter the same data twice.", "work fine when they work."]],
            [["I have ideas", "People here have good ideas", "We had an idea"],
             ["to cut the waiting", "to reduce rework", "to simplify the handoffs", "to fix the root cause",
              "for a better layout"],
             ["but nobody asks.", "but they never get used.", "and our manager listened.", "and nothing happened."]],
            [["Leaders should", "Management should", "I wish our leaders would"],
             ["walk the floor more often.", "explain why we are changing.", "listen before deciding.",
              "follow through on the plans.", "decide faster on small budgets."]],
            [["Less firefighting", "Fewer meetings", "Less overtime at quarter end", "Fewer status reports"],
             [", more time to improve the process.", "and more time with customers.", ", more real changes.",
              "would make my week easier."]],
            [["Clear standard work", "Better training", "A short daily huddle"],
             ["would help new people.", "has already made my work easier.", "is what we need most.",
              "would stop the guessing."]],
            [["The improvements last", "Changes here last", "Every initiative lasts"],
             ["a month", "a few weeks", "until the next reorganization"],
             [", then we slip back.", "and then everyone forgets.", ", then the old habits return."]],
            [["I would", "We would"],
             ["get home on time", "spend the day on real work", "stop chasing approvals",
              "stop re-entering data in three systems"],
             ["with better processes.", "if the handoffs worked.", "if the tools worked the first time."]],
            [["My manager says", "We keep hearing"],
             ["\"just get it done\"", "\"we will look into it\"", "\"this is the last change\""],
             ["but nobody fixes the process.", "and nothing changes.", "every single week."]],
            [["Moving material back and forth", "Searching for tools", "Walking between buildings"],
             ["wastes an hour a day.", "is pure waste.", "is the first thing I would fix."]],
        ], foreign: [
            "Réduire les attentes changerait tout pour nous.",
            "Weniger Doppelarbeit, mehr Zeit für die Kunden.",
            "Mejores procesos, menos estrés y más tiempo con mi familia.",
        ])
    }

    /// What customers write about the service they got.
    static func customer() -> CommentVocabulary {
        CommentVocabulary(patterns: [
            [["I waited", "We waited", "I had to wait"],
             ["40 minutes on the phone", "two weeks for a reply", "three days for the delivery",
              "an hour at the desk"],
             [", again.", "and nobody apologized.", "for a simple answer.", "before anyone helped."]],
            [["Had to explain my problem", "I explained the issue", "I repeated my order details"],
             ["to three different people.", "twice on the same call.", "every time I called."]],
            [["The invoice was wrong", "The order was incomplete", "The delivery came damaged"],
             ["and fixing it took two weeks.", "and I had to call back.", "so the whole thing was done twice."]],
            [["Got it right the first time", "Everything was right the first time", "It was done right first time"],
             [", finally.", ", thank you.", "and it was quick."]],
            [["The new online form", "The app", "The pickup desk", "The returns process"],
             ["is much easier than before.", "is confusing to use.", "saves me a lot of time.",
              "still needs work."]],
            [["Staff were", "The team was", "Your agent was"],
             ["helpful", "friendly and quick", "polite"],
             ["but the process is slow.", "and solved it on the spot.",
              "but could not change anything in the system."]],
            [["They said", "I was told"],
             ["\"we'll call you back\"", "\"it is in the system\"", "\"someone will be in touch\""],
             ["and never did.", "but nothing happened.", "three times."]],
            [["Whatever you changed", "The change you made"],
             ["in the returns process", "at the service desk", "in the billing"],
             [", keep it.", "really made a difference.", "has not helped me at all."]],
            [["Same issue", "Same question", "Same wrong delivery"],
             [", third time this year.", ", second call this month.", "and still no fix."]],
        ], foreign: [
            "Service rapide et efficace, merci beaucoup !",
            "Ich musste nicht warten, super Service.",
            "Muy buena atención y sin esperas esta vez.",
        ])
    }

    /// One comment's text: sentences until a drawn length (skewed to short, as real
    /// verbatims are) is reached, never more than `maximumWords`, each pattern at most once.
    func compose(rng: inout Xoshiro256) -> String {
        let u = rng.unit()
        let target = Self.minimumWords + Int(Double(Self.maximumWords - Self.minimumWords) * u * u)
        var text = ""
        var words = 0
        var used = Set<Int>()
        while words < target, used.count < patterns.count {
            let sentence: String
            if rng.chance(Self.foreignRate) {
                sentence = foreign[rng.below(foreign.count)]
            } else {
                let index = rng.below(patterns.count)
                if used.contains(index) { continue }
                used.insert(index)
                sentence = Self.sentence(patterns[index], rng: &rng)
            }
            let count = Self.wordCount(sentence)
            if words + count > Self.maximumWords { break }
            if !text.isEmpty { text += rng.chance(Self.lineBreakRate) ? "\n" : " " }
            text += sentence
            words += count
        }
        return text
    }

    private static func sentence(_ pattern: Pattern, rng: inout Xoshiro256) -> String {
        var text = ""
        for slot in pattern {
            let part = slot[rng.below(slot.count)]
            if !text.isEmpty, !part.hasPrefix(",") { text += " " }
            text += part
        }
        return text
    }

    static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
}

import Score
import SurveyModel

/// The Method sheet's explanations, in words a manager understands, filled in
/// with the thresholds and weights of this run's configuration.
struct MethodText {
    let config: PipelineConfig

    /// (topic, explanation) pairs in reading order.
    var topics: [(String, String)] {
        let scoring = config.scoring
        let privacy = config.privacy
        let threshold = number(scoring.quadrantThreshold)
        let wording = ScaleWording(instrument: config.instrument)
        return [
            ("Scores (0–100)",
             wording.normalization
                + "A person's construct score (such as Leadership) is the average of its questions, if they answered "
                + "at least \(number(scoring.minAnsweredFraction * 100))% of them; an area's score is the average "
                + "over its people."),
            ("Leadership vs management (LMI)",
             "LMI = Leadership − Management. Above zero: the change is led more than it is managed. Below zero: it is "
                + "managed (planned, controlled, budgeted) more than it is led (vision, belief, empowerment)."),
            ("Quadrant",
             "Leadership and Management each compared with \(threshold): both at or above it "
                + "\"\(Quadrant.ledAndManaged.rawValue)\"; only Leadership \"\(Quadrant.ledLooselyManaged.rawValue)\"; "
                + "only Management \"\(Quadrant.managedNotLed.rawValue)\"; neither \"\(Quadrant.stalled.rawValue)\"."),
            ("Readiness",
             "A weighted average of the components that are shown: \(weights()). If a component is missing or hidden, "
                + "the others are re-weighted; readiness needs at least one employee component. The Summary lists "
                + "what was left out."),
            ("Bands", bands()),
            ("Difference gap",
             "Employee life − Customer life. Above zero: employees feel the improvements more than customers do; "
                + "below zero: customers feel them more."),
            ("Response rate", "Employees who answered, divided by the configured headcount of the area."),
            ("eNPS and NPS",
             "% who answer 9 or 10 to \"How likely are you to recommend…\" minus % who answer 0 to 6, from −100 to "
                + "+100. Low and high give the 95% interval: the true score very likely lies between them; a wide "
                + "interval means few answers."),
            ("Mean, CI and alpha (Areas sheet)",
             "CI low and high: the 95% interval of the mean (Student's t); it needs at least 2 answers. Alpha "
                + "(Cronbach's): whether the questions of a construct measure the same thing; 0.7 or more is "
                + "acceptable."),
            ("Drivers and the three things to do differently",
             "For each leadership, management and waste question: impact = the correlation between the question and "
                + "Employee life among people who answered both; priority = impact (when positive) × (100 − the "
                + "question's mean), so a strong link with plenty of room to improve ranks first. The three highest "
                + "priorities are the three things to do differently. An area needs at least \(scoring.minDriverN) "
                + "answers to every question to have drivers."),
            ("Faded wins",
             "A win faded when, in the report wave, readiness, employee life or customer life is at least "
                + "\(number(scoring.evaporationDrop)) points below the area's best earlier wave (the peak; \"since\" "
                + "names it). Highlighted on the Trends sheet."),
            ("\"\(WorkbookFormats.hiddenMarker)\" cells",
             "hidden: fewer than \(privacy.minGroupSize) respondents, or hidden so a small group cannot be worked out "
                + "by subtraction (when one area is hidden, the next smallest is hidden too). Figures built from a "
                + "hidden figure (readiness, LMI, difference gap, trends) leave it out. Head counts are always shown."),
            ("Comments",
             "Shown only for groups of at least \(privacy.minCommentGroupSize) respondents, and not in the order "
                + "they were given, so no comment can be traced to a person. Respondent ids never appear. A comment "
                + "names a theme when it holds one of the theme's keywords (whole words, any case; wait* also "
                + "finds waiting); it can name several, or none (Other). The Comments sheet shows a few examples "
                + "per theme; every comment is in the comments file."),
            ("Empty cell", "The figure does not exist: nobody answered, or too few answers to compute it."),
            ("Percentages",
             "Shares (% favorable, promoters, response rate…) are whole percents of 0–100. % favorable: "
                + wording.favorable + "."),
        ]
    }

    private func weights() -> String {
        let weights = config.scoring.weights
        let total = weights.values.reduce(0, +)
        let ordered = config.instrument.constructs.filter { weights[$0.name] != nil }.map { ($0.label, $0.name) }
            + weights.keys.sorted().filter { name in !config.instrument.constructs.contains { $0.name == name } }
                .map { ($0, $0) }
        return ordered.map { label, name in
            let share = total > 0 ? (weights[name] ?? 0) / total * 100 : 0
            return "\(label) \(number(share))%"
        }.joined(separator: ", ")
    }

    private func bands() -> String {
        let parts = config.scoring.bands.map { "\(number($0.min)) or more \"\($0.label)\"" }
        return "Readiness " + (parts + ["below that \"\(config.scoring.lowestBand)\""]).joined(separator: "; ")
            + ". The Summary colours readiness green, amber and red by band; every heat map (scores and % "
            + "favorable) breaks at the same thresholds, so a cell has the colour of its band."
    }

    /// A number with at most one decimal, no trailing ".0".
    func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = "\(sign)\(abs(tenths) / 10)"
        return abs(tenths) % 10 == 0 ? whole : "\(whole).\(abs(tenths) % 10)"
    }
}

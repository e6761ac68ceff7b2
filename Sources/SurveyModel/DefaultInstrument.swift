/// The instrument of SPEC §3.2–§3.3 and §4, used when pipeline.json has no
/// `instrument` section. The repo's pipeline.json spells out the same thing.
public enum DefaultInstrument {
    /// What to do when an item is a top driver (the "three things to do differently").
    public static let actions: [String: String] = [
        "lead_vision": "Paint a clear picture of the future this change will bring",
        "lead_mobilize": "Give people the resources to make that picture real",
        "lead_momentum": "Move change forward faster and smarter",
        "lead_inspire": "Help people believe in the change",
        "lead_empower": "Let people push the change forward themselves",
        "lead_urgency": "Act quickly on good but unproven ideas",
        "mgmt_buyin": "Ask stakeholders to buy in before a change starts",
        "mgmt_control": "Keep the change process under control",
        "mgmt_budget": "Keep improvement projects on budget",
        "mgmt_planned": "Plan changes deliberately",
        "waste_defects": "Cut defects",
        "waste_overproduction": "Stop overproduction",
        "waste_waiting": "Cut waiting",
        "waste_talent": "Use people's talent",
        "waste_transport": "Cut unneeded transport",
        "waste_inventory": "Cut excess inventory",
        "waste_motion": "Cut unneeded motion",
        "waste_processing": "Stop over-processing",
    ]

    public static let value: Instrument = {
        func likert(_ key: String, _ text: String) -> Item {
            Item(key: key, text: text, scale: .likert, action: actions[key])
        }
        func waste(_ key: String, _ text: String) -> Item {
            Item(key: key, text: text, scale: .frequency, reversed: true, action: actions[key])
        }
        let employeeItems = [
            likert("lead_vision", "Our leaders paint a clear picture of the future this change will bring"),
            likert("lead_mobilize", "We are given the resources needed to make that picture real"),
            likert("lead_momentum", "Change here moves forward faster and smarter than it used to"),
            likert("lead_inspire", "I believe in the change we are making"),
            likert("lead_empower", "I am empowered to push the change forward myself"),
            likert("lead_urgency", "We act quickly on good but unproven ideas"),
            likert("mgmt_buyin", "Stakeholders were asked to buy in before the change started"),
            likert("mgmt_control", "The change process is kept under control"),
            likert("mgmt_budget", "Improvement projects stay on budget"),
            likert("mgmt_planned", "Changes here are planned and deliberate"),
            likert("life_easier", "Process improvement has made my work easier"),
            likert("life_time", "I spend less time on wasted effort than six months ago"),
            likert("life_lasting", "Improvements made here last; they do not slip back"),
            waste("waste_defects", "How often I see defects"),
            waste("waste_overproduction", "How often I see overproduction"),
            waste("waste_waiting", "How often I see waiting"),
            waste("waste_talent", "How often I see unused talent"),
            waste("waste_transport", "How often I see unneeded transport"),
            waste("waste_inventory", "How often I see excess inventory"),
            waste("waste_motion", "How often I see unneeded motion"),
            waste("waste_processing", "How often I see over-processing"),
            Item(key: "enps", text: "How likely are you to recommend working here?", scale: .zeroToTen),
        ]
        let customerItems = [
            likert("cx_easy", "It was easy to get what I needed"),
            likert("cx_right_first_time", "It was done right the first time"),
            likert("cx_no_wait", "I did not have to wait"),
            likert("cx_difference", "Recent improvements made a real difference for me"),
            Item(key: "nps", text: "How likely are you to recommend us?", scale: .zeroToTen),
        ]
        let keys = employeeItems.map(\.key)
        return Instrument(
            employee: SurveyForm(kind: .employee, idColumn: "respondent_id", items: employeeItems,
                                 recommendItem: "enps", breakdowns: ["role"]),
            customer: SurveyForm(kind: .customer, idColumn: "response_id", items: customerItems,
                                 recommendItem: "nps", breakdowns: ["segment", "channel"]),
            constructs: [
                Construct(name: "leadership", label: "Leadership", survey: .employee,
                          items: keys.filter { $0.hasPrefix("lead_") }),
                Construct(name: "management", label: "Management", survey: .employee,
                          items: keys.filter { $0.hasPrefix("mgmt_") }),
                Construct(name: "employee_life", label: "Employee life", survey: .employee,
                          items: keys.filter { $0.hasPrefix("life_") }),
                Construct(name: "low_waste", label: "Low waste", survey: .employee,
                          items: keys.filter { $0.hasPrefix("waste_") }),
                Construct(name: "cx", label: "Customer experience", survey: .customer,
                          items: ["cx_easy", "cx_right_first_time", "cx_no_wait"]),
                Construct(name: "customer_life", label: "Customer life", survey: .customer,
                          items: ["cx_difference"]),
            ],
            commentThemes: DefaultCommentThemes.eightWastes
        )
    }()
}

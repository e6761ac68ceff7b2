import SurveyModel

/// The slots of the latent vector every respondent carries. Employees fill
/// leadership … lowWaste, customers cx and customerLife; both fill general.
enum Latent {
    static let leadership = 0
    static let management = 1
    static let employeeLife = 2
    static let lowWaste = 3
    static let cx = 4
    static let customerLife = 5
    /// Engagement in general: drives items of constructs the model does not know.
    static let general = 6
    static let count = 7

    /// The slot that drives the items of a construct, by its name.
    static func slot(forConstruct name: String) -> Int {
        switch name {
        case "leadership": return leadership
        case "management": return management
        case "employee_life": return employeeLife
        case "low_waste": return lowWaste
        case "cx": return cx
        case "customer_life": return customerLife
        default: return general
        }
    }
}

/// One respondent's latent traits, on the 1–5 answer scale: the area-and-wave
/// mean of each slot plus the respondent's own deviation from it.
///
/// Deviations share a common engagement factor, and employee_life leans on
/// leadership, management and low waste, so the constructs correlate and the
/// leadership/management/waste items drive employee_life (SPEC §5.1).
struct LatentModel {
    /// SD of a respondent's deviation from the area mean, on 1–5.
    static let personSD = 0.8
    /// SD of an item's own noise around its latent, on 1–5 (gives alpha ≈ 0.75–0.9).
    static let itemSD = 0.75

    var means = [Double](repeating: 3, count: Latent.count)
    var devs = [Double](repeating: 0, count: Latent.count)
    private let recommendWeights: [Double]
    private let kind: SurveyKind

    init(kind: SurveyKind) {
        self.kind = kind
        recommendWeights = kind == .employee ? [0.3, 0.15, 0.4, 0.15, 0, 0, 0] : [0, 0, 0, 0, 0.6, 0.4, 0]
    }

    /// Draws a new respondent around `areaMeans` (1–5 per slot), shifted by the
    /// effects of the respondent's breakdown groups.
    mutating func draw(areaMeans: [Double], effects: [[Double]], rng: inout Xoshiro256) {
        setMeans(areaMeans, effects: effects)
        let sd = Self.personSD
        let common = rng.normal()
        if kind == .employee {
            let lead = 0.6 * common + 0.8 * rng.normal()
            let manage = 0.5 * common + 0.866 * rng.normal()
            let lean = 0.5 * common + 0.866 * rng.normal()
            let life = 0.45 * lead + 0.15 * manage + 0.3 * lean + 0.735 * rng.normal()
            devs[Latent.leadership] = sd * lead
            devs[Latent.management] = sd * manage
            devs[Latent.lowWaste] = sd * lean
            devs[Latent.employeeLife] = sd * life
        } else {
            let difference = 0.6 * common + 0.8 * rng.normal()
            devs[Latent.cx] = sd * common
            devs[Latent.customerLife] = sd * difference
        }
        devs[Latent.general] = sd * common
    }

    /// Draws a new respondent around `areaMeans` whose deviations mirror `partner`'s
    /// (antithetic pairs): each respondent is distributed as by `draw`, but an
    /// area's pairs cancel out, so small areas still show their designed trends.
    mutating func drawMirror(of partner: [Double], areaMeans: [Double], effects: [[Double]]) {
        setMeans(areaMeans, effects: effects)
        for slot in 0..<Latent.count { devs[slot] = -partner[slot] }
    }

    private mutating func setMeans(_ areaMeans: [Double], effects: [[Double]]) {
        for slot in 0..<Latent.count { means[slot] = areaMeans[slot] }
        for effect in effects {
            for slot in 0..<Latent.count { means[slot] += effect[slot] }
        }
    }

    /// The respondent's answer to an item: 1–5 for Likert and frequency items
    /// (reversed items answered as frequencies of something bad), 0–10 for the recommend item.
    func answer(_ plan: ItemPlan, fading: Bool, rng: inout Xoshiro256) -> Int {
        if plan.scale == .zeroToTen {
            var overall = 0.0
            for slot in 0..<Latent.count where recommendWeights[slot] != 0 {
                overall += recommendWeights[slot] * (means[slot] + devs[slot])
            }
            let score = 2.6 * (overall - 1) + 0.7 + 1.5 * rng.normal()
            return min(max(Int(score.rounded()), 0), 10)
        }
        var level = means[plan.slot] + plan.loading * devs[plan.slot] + plan.offset
            + Self.itemSD * rng.normal()
        if fading { level += plan.fadeOffset }
        if plan.reversed { level = 6 - level }
        return min(max(Int(level.rounded()), 1), 5)
    }
}

/// How one column of a survey form is generated from the latents.
struct ItemPlan {
    var scale: Scale
    var slot: Int
    /// How strongly the item follows the respondent's deviation (1 = fully).
    var loading: Double
    /// Item difficulty on 1–5, in the "good" direction (before reversing).
    var offset: Double
    /// Extra offset in the fading area.
    var fadeOffset: Double
    var reversed: Bool

    /// One plan per item of `form`, in column order.
    static func plans(for form: SurveyForm, constructs: [Construct]) -> [ItemPlan] {
        form.items.map { item in
            let construct = constructs.first { $0.survey == form.kind && $0.items.contains(item.key) }
            let slot = construct.map { Latent.slot(forConstruct: $0.name) } ?? Latent.general
            let tuning = itemTuning[item.key] ?? (1.0, 0.0)
            return ItemPlan(scale: item.scale, slot: slot, loading: tuning.loading, offset: tuning.offset,
                            fadeOffset: item.key == "life_lasting" ? -0.3 : 0, reversed: item.reversed)
        }
    }

    /// Loading and offset of the default items; any other item gets (1, 0).
    private static let itemTuning: [String: (loading: Double, offset: Double)] = [
        "lead_vision": (1.0, 0.1), "lead_mobilize": (0.9, -0.15), "lead_momentum": (1.0, -0.05),
        "lead_inspire": (1.05, 0.2), "lead_empower": (0.9, -0.1), "lead_urgency": (0.6, -0.35),
        "mgmt_buyin": (0.85, -0.1), "mgmt_control": (1.0, 0.1), "mgmt_budget": (0.8, -0.15),
        "mgmt_planned": (1.0, 0.15),
        "life_easier": (1.05, 0.05), "life_time": (1.0, 0.0), "life_lasting": (0.9, -0.2),
        "waste_defects": (1.0, 0.0), "waste_overproduction": (0.8, 0.2), "waste_waiting": (1.0, -0.35),
        "waste_talent": (0.9, -0.25), "waste_transport": (0.6, 0.15), "waste_inventory": (0.8, 0.05),
        "waste_motion": (0.9, -0.05), "waste_processing": (1.0, -0.15),
        "cx_easy": (1.0, 0.1), "cx_right_first_time": (1.0, 0.0), "cx_no_wait": (0.9, -0.3),
        "cx_difference": (1.0, 0.0),
    ]
}

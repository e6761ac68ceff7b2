/// How one area behaves in the synthetic data: its names, its share of the
/// respondents, its response rate, and where its latent means start and go.
struct AreaProfile: Sendable {
    /// The story the area's numbers tell in the report (SPEC §5 quadrants and sustainment).
    enum Story: Sendable {
        case ledAndManaged
        case managedNotLed
        case ledLooselyManaged
        case stalled
        /// Starts just below the quadrant threshold and climbs into "Led and managed".
        case improving
        /// employee_life and customer_life peak in an early wave, then fade (SPEC §5 evaporation).
        case fading
    }

    var name: String
    var aliases: [String]
    var story: Story
    var employeeWeight: Double
    var customerWeight: Double
    /// Employee respondents per wave ÷ headcount.
    var responseRate: Double
    /// Wave-0 means on 0–100, indexed by `Latent` slot (leadership … customer_life).
    var start: [Double]
    /// Change per wave on 0–100, same order.
    var drift: [Double]

    /// Points employee_life and customer_life gain per wave up to the peak of a fading area.
    static let fadeRise = 6.0
    /// Points they lose from the peak to the last wave.
    static let fadeDrop = 28.0

    /// The wave where a fading area peaks: the second wave when there are three or more.
    static func peakWave(waves: Int) -> Int { waves >= 3 ? 1 : 0 }

    /// The area's mean of latent `slot` in `wave`, on 0–100.
    func mean(_ slot: Int, wave: Int, waves: Int) -> Double {
        let value: Double
        if story == .fading, slot == Latent.employeeLife || slot == Latent.customerLife {
            let peakWave = Self.peakWave(waves: waves)
            let peak = start[slot] + Self.fadeRise * Double(peakWave)
            if wave <= peakWave || waves - 1 == peakWave {
                value = start[slot] + Self.fadeRise * Double(wave)
            } else {
                value = peak - Self.fadeDrop * Double(wave - peakWave) / Double(waves - 1 - peakWave)
            }
        } else {
            value = start[slot] + drift[slot] * Double(wave)
        }
        return min(max(value, 10), 88)
    }

    /// The profiles of the first `count` areas; the second (the first when there is one) fades.
    static func catalog(count: Int) -> [AreaProfile] {
        let fading = count >= 2 ? 1 : 0
        return (0..<max(count, 0)).map { index in
            var profile = index < named.count ? named[index] : numbered(index)
            if index == fading { profile.story = .fading }
            return profile
        }
    }

    private static func numbered(_ index: Int) -> AreaProfile {
        let templates = [0, 2, 3, 4, 6, 7]
        var profile = named[templates[index % templates.count]]
        let jitter = Double((index * 5) % 7) - 3
        profile.name = "Area \(index + 1)"
        profile.aliases = ["A\(index + 1)"]
        profile.start = profile.start.map { $0 + jitter }
        profile.employeeWeight = 0.6 + Double(index % 5) * 0.2
        profile.customerWeight = 0.7 + Double(index % 4) * 0.2
        profile.responseRate = 0.56 + Double(index % 6) * 0.05
        return profile
    }

    private static func profile(
        _ name: String, _ aliases: [String], _ story: Story, employees: Double, customers: Double, rate: Double,
        start: [Double], leadDrift: Double, lifeDrift: Double
    ) -> AreaProfile {
        let drift = [leadDrift, leadDrift, lifeDrift, lifeDrift, lifeDrift, lifeDrift]
        return AreaProfile(name: name, aliases: aliases, story: story, employeeWeight: employees,
                           customerWeight: customers, responseRate: rate, start: start, drift: drift)
    }

    /// start: leadership, management, employee_life, low_waste, cx, customer_life.
    private static let named: [AreaProfile] = [
        profile("Operations", ["Ops", "Operations Dept"], .ledAndManaged, employees: 1.6, customers: 1.1,
                rate: 0.78, start: [75, 76, 73, 69, 74, 73], leadDrift: 2.5, lifeDrift: 2.5),
        profile("Customer Service", ["Customer Care", "CS"], .fading, employees: 1.2, customers: 1.8,
                rate: 0.72, start: [63, 65, 66, 57, 64, 66], leadDrift: -2.0, lifeDrift: -1.5),
        profile("Finance", ["Finance & Accounting", "FIN"], .managedNotLed, employees: 1.0, customers: 0.8,
                rate: 0.84, start: [44, 72, 50, 52, 60, 50], leadDrift: 1.0, lifeDrift: 2.0),
        profile("Logistics", ["Supply Chain", "Warehouse & Logistics"], .stalled, employees: 0.8, customers: 1.0,
                rate: 0.58, start: [43, 47, 44, 40, 52, 44], leadDrift: 0.5, lifeDrift: 2.0),
        profile("Sales", ["Commercial", "Sales & Marketing"], .ledLooselyManaged, employees: 1.1, customers: 1.3,
                rate: 0.66, start: [71, 48, 62, 54, 68, 63], leadDrift: 2.5, lifeDrift: 2.5),
        profile("Manufacturing", ["Production", "Plant"], .improving, employees: 0.25, customers: 0.8,
                rate: 0.62, start: [55, 60, 54, 48, 58, 52], leadDrift: 4.0, lifeDrift: 4.0),
        profile("Procurement", ["Purchasing"], .managedNotLed, employees: 0.7, customers: 0.6,
                rate: 0.75, start: [47, 68, 49, 50, 57, 49], leadDrift: 1.5, lifeDrift: 2.0),
        profile("IT", ["Information Technology", "I.T."], .ledAndManaged, employees: 0.9, customers: 0.7,
                rate: 0.81, start: [69, 66, 64, 60, 65, 61], leadDrift: 2.0, lifeDrift: 2.0),
        profile("HR", ["Human Resources", "People"], .stalled, employees: 0.5, customers: 0.5,
                rate: 0.69, start: [45, 44, 47, 46, 54, 46], leadDrift: 0.5, lifeDrift: 2.0),
        profile("Quality", ["QA", "Quality Assurance"], .ledAndManaged, employees: 0.6, customers: 0.6,
                rate: 0.86, start: [74, 75, 70, 66, 72, 68], leadDrift: 1.5, lifeDrift: 2.0),
        profile("Maintenance", ["Facilities"], .managedNotLed, employees: 0.7, customers: 0.5,
                rate: 0.6, start: [42, 70, 46, 44, 55, 45], leadDrift: 1.0, lifeDrift: 2.0),
        profile("Legal", ["Legal & Compliance"], .ledLooselyManaged, employees: 0.4, customers: 0.4,
                rate: 0.8, start: [64, 46, 58, 55, 62, 57], leadDrift: 1.5, lifeDrift: 2.0),
    ]
}

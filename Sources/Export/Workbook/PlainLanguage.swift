import Foundation
import Score
import SurveyModel

/// Short sentences an executive can read without the Method sheet: the wins
/// that faded and the "three things to do differently".
enum PlainLanguage {
    /// What the Summary adds beyond quadrant and band: "Wins fading for employees since 2026-Q1";
    /// nil when no win of the area faded.
    static func fading(_ area: String, evaporation: [Evaporation]) -> String? {
        fadingList(area, evaporation: evaporation).map { "Wins fading " + $0 }
    }

    private static func fadingList(_ area: String, evaporation: [Evaporation]) -> String? {
        let fading = evaporation.filter { $0.area == area }
            .sorted { metricOrder($0.metric) < metricOrder($1.metric) }
            .map { "\(audience($0.metric)) since \($0.peakWave)" }
        return fading.isEmpty ? nil : fading.joined(separator: ", ")
    }

    /// "for employees", "for customers", "overall".
    static func audience(_ metric: String) -> String {
        switch metric {
        case "employee_life": return "for employees"
        case "customer_life": return "for customers"
        case "readiness": return "overall"
        default: return "in \(metric.replacingOccurrences(of: "_", with: " "))"
        }
    }

    /// The readable name of a trend metric.
    static func metricLabel(_ metric: String) -> String {
        switch metric {
        case "employee_life": return "Employee life"
        case "customer_life": return "Customer life"
        case "readiness": return "Readiness"
        case "lmi": return "LMI"
        default: return metric
        }
    }

    private static func metricOrder(_ metric: String) -> Int {
        ["readiness", "employee_life", "customer_life"].firstIndex(of: metric) ?? 3
    }

    /// The actions of the area's top drivers ("Cut waiting"), joined with "; "; a short reason
    /// when the area has employee answers but too few to rank; nil without employee answers.
    static func threeThings(_ area: AreaResult, instrument: Instrument) -> String? {
        guard let drivers = area.drivers, !drivers.isEmpty else {
            return area.employeeN > 0 ? "Not ranked: too few answers or employee life hidden" : nil
        }
        return drivers.map { instrument.item($0.item)?.actionText ?? $0.item }.joined(separator: "; ")
    }

    /// The readable labels of readiness components that were left out.
    static func missing(_ area: AreaResult, instrument: Instrument) -> String? {
        guard !area.missingComponents.isEmpty else { return nil }
        return area.missingComponents.map { name in
            instrument.constructs.first { $0.name == name }?.label ?? name
        }.joined(separator: ", ")
    }
}

import Normalize
import Score
import SurveyModel

/// The first and last submission day (UTC) among the accepted rows up to the report wave.
enum DataWindow {
    static func of(_ surveys: NormalizedSurveys, through wave: String,
                   period: WavePeriod) -> (first: String, last: String)? {
        var first = Int64.max, last = Int64.min
        var included: [Int32: Bool] = [:]
        for table in [surveys.employee, surveys.customer] {
            for row in 0..<table.count {
                let key = table.wave[row]
                let inside = included[key] ?? {
                    let inside = WaveLabel.label(key: key, period: period) <= wave
                    included[key] = inside
                    return inside
                }()
                guard inside else { continue }
                first = min(first, table.submitted[row])
                last = max(last, table.submitted[row])
            }
        }
        guard first <= last else { return nil }
        return (day(first), day(last))
    }

    /// `YYYY-MM-DD` of a UTC instant (civil-from-days, Howard Hinnant).
    static func day(_ seconds: Int64) -> String {
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

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
        return (CivilCalendar.day(fromSeconds: first), CivilCalendar.day(fromSeconds: last))
    }
}

/// The two surveys the pipeline reads. Every row, item and construct belongs to one.
public enum SurveyKind: String, Sendable, Hashable, CaseIterable, Codable {
    case employee
    case customer
}

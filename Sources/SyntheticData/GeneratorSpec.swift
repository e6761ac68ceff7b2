/// What to generate: how many rows of each survey, over how many quarterly
/// waves and areas, from which seed. The same spec always gives byte-identical files.
public struct GeneratorSpec: Sendable, Hashable {
    /// Employee survey rows in total, over all waves.
    public var employees: Int
    /// Customer survey rows in total, over all waves.
    public var customers: Int
    /// Number of consecutive quarterly waves (at least 1).
    public var waves: Int
    /// Number of areas (at least 1); see `SurveyGenerator.areas(count:employeesPerWave:)`.
    public var areas: Int
    /// Seed of the random stream; the employee and customer files use independent streams derived from it.
    public var seed: UInt64
    /// The first wave is Q1 of this year and wave i the i-th quarter after it:
    /// with the default 2025, four waves run 2025-Q1…2025-Q4 and eight end at 2026-Q4.
    public var startYear: Int = 2025
    /// How the comment column is filled: `realistic` (about a third of rows, 5–40 words) unless
    /// `phrases` is asked for, the first releases' model that samples/ was made with.
    public var comments: CommentModel = .realistic

    /// A spec; the defaults are the demo sample (2,000 employees and 1,500 customers over 4 waves × 6 areas).
    public init(employees: Int = 2_000, customers: Int = 1_500, waves: Int = 4, areas: Int = 6,
                seed: UInt64 = 2_025, startYear: Int = 2025, comments: CommentModel = .realistic) {
        self.employees = employees
        self.customers = customers
        self.waves = waves
        self.areas = areas
        self.seed = seed
        self.startYear = startYear
        self.comments = comments
    }

    /// Employee rows in each wave (the first `employees % waves` waves get one more):
    /// pass this to `SurveyGenerator.areas(count:employeesPerWave:)` to get the areas the files use.
    public var employeesPerWave: Int { employees / max(waves, 1) }

    func validate() throws {
        guard employees >= 0, customers >= 0 else {
            throw SyntheticDataError.invalidSpec("employees and customers must not be negative")
        }
        guard waves >= 1 else { throw SyntheticDataError.invalidSpec("waves must be at least 1, got \(waves)") }
        guard areas >= 1 else { throw SyntheticDataError.invalidSpec("areas must be at least 1, got \(areas)") }
        guard startYear >= 1000, startYear + (waves - 1) / 4 <= 9999 else {
            throw SyntheticDataError.invalidSpec("waves must fall within years 1000–9999, start year \(startYear)")
        }
    }

    /// Rows of a survey with `total` rows that fall in wave `wave`.
    func rows(total: Int, wave: Int) -> Int {
        total / waves + (wave < total % waves ? 1 : 0)
    }

    /// Calendar year and quarter (0–3) of wave `wave`.
    func quarter(of wave: Int) -> (year: Int, quarter: Int) {
        (startYear + wave / 4, wave % 4)
    }
}

/// Splits `total` over `weights` by largest remainder (ties: lower index), so the parts add up exactly.
func apportion(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard total > 0, sum > 0 else { return weights.map { _ in 0 } }
    let quotas = weights.map { Double(total) * $0 / sum }
    var parts = quotas.map { Int($0.rounded(.down)) }
    let order = quotas.indices.sorted { lhs, rhs in
        let left = quotas[lhs] - Double(parts[lhs])
        let right = quotas[rhs] - Double(parts[rhs])
        return left != right ? left > right : lhs < rhs
    }
    var left = total - parts.reduce(0, +)
    for index in order where left > 0 {
        parts[index] += 1
        left -= 1
    }
    return parts
}

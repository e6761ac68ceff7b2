import SurveyModel

/// Both surveys after duplicate resolution: the rows the scores are computed from.
public struct NormalizedSurveys: Sendable {
    public var employee: ResponseTable
    public var customer: ResponseTable
    /// Losing copies, in input order; they count as rejected `duplicate`.
    public var duplicates: [DuplicateRow]

    /// Concatenates each kind's tables in input order and resolves duplicates per kind,
    /// both kinds at once when `jobs` allows.
    public init(employeeTables: [ResponseTable], customerTables: [ResponseTable], instrument: Instrument,
                jobs: Int = 1) {
        /// One file's table is used as is (no copy); more are appended to the first.
        @Sendable func merged(_ tables: [ResponseTable], _ form: SurveyForm) -> ResponseTable {
            guard var table = tables.first else {
                return ResponseTable(kind: form.kind, itemCount: form.items.count, breakdownCount: form.breakdowns.count)
            }
            for part in tables.dropFirst() { table.append(contentsOf: part) }
            return table
        }
        let (employees, customers) = Parallel.pair(jobs: jobs,
            { Deduplicator.resolve(merged(employeeTables, instrument.employee)) },
            { Deduplicator.resolve(merged(customerTables, instrument.customer)) })
        employee = employees.kept
        customer = customers.kept
        duplicates = employees.duplicates + customers.duplicates
    }

    public func table(_ kind: SurveyKind) -> ResponseTable { kind == .employee ? employee : customer }
}

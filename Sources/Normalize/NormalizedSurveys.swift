import Jobs
import RowStorage
import SurveyModel

/// Both surveys after duplicate resolution: the rows the scores are computed from.
public struct NormalizedSurveys: Sendable {
    public var employee: SurveyRows
    public var customer: SurveyRows
    /// Losing copies, in input order per kind; they count as rejected `duplicate`.
    public var duplicates: [DuplicateRow]

    /// Resolves duplicates per kind across that kind's files (given in input order),
    /// both kinds at once when `jobs` allows.
    /// - Throws: `PipelineError.other` when a spill file cannot be read back.
    public init(employee: [RowStore], customer: [RowStore], jobs: Int = 1) throws(PipelineError) {
        let (employees, customers) = Parallel.pair(jobs: jobs,
            { Result { () throws(PipelineError) in try Deduplicator.resolve(employee, kind: .employee) } },
            { Result { () throws(PipelineError) in try Deduplicator.resolve(customer, kind: .customer) } })
        let e = try employees.get(), c = try customers.get()
        self.employee = e.rows
        self.customer = c.rows
        duplicates = e.duplicates + c.duplicates
    }

    /// Rows already in memory, one table per file.
    public init(employeeTables: [ResponseTable], customerTables: [ResponseTable], jobs: Int = 1) throws(PipelineError) {
        try self.init(employee: employeeTables.map(RowStore.init(table:)),
                      customer: customerTables.map(RowStore.init(table:)), jobs: jobs)
    }

    public func rows(_ kind: SurveyKind) -> SurveyRows { kind == .employee ? employee : customer }

    /// The kept rows of one kind in one table (tests and small inputs).
    public func table(_ kind: SurveyKind) throws(PipelineError) -> ResponseTable { try rows(kind).keptRows() }
}

import SurveyModel

/// The quality gate of SPEC §8, computed once for `run` (which holds the workbook back) and
/// `validate` (which predicts that): rejected rows ÷ rows read over every input of the run.
struct QualityGate: Sendable, Equatable {
    var rejected: Int
    var read: Int
    var limit: Double

    /// Both counts leave out `not_a_response` rows: a platform's previews are not bad data (SPEC §8).
    init(_ inputs: [InputSummary], limit: Double) {
        let previews = inputs.reduce(0) { $0 + ($1.rejectedByReason[.notAResponse] ?? 0) }
        rejected = inputs.reduce(0) { $0 + $1.rejected } - previews
        read = inputs.reduce(0) { $0 + $1.rowsRead } - previews
        self.limit = limit
    }

    var share: Double { read == 0 ? 0 : Double(rejected) / Double(read) }
    var holds: Bool { share <= limit }
    /// What the run fails with when the gate does not hold.
    var failure: PipelineError { .qualityGate(rejected: rejected, read: read, limit: limit) }
}

import Ingest
import RowStorage
import SurveyModel

extension IngestedFile {
    /// Every accepted row of every piece in one table, for assertions.
    var table: ResponseTable {
        get throws { try SurveyRows(kind: kind, parts: parts, excluded: parts.map { _ in nil }).keptRows() }
    }
}

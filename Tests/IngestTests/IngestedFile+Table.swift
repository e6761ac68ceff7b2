import Ingest
import SurveyModel

extension IngestedFile {
    /// Every accepted row in one table, for assertions.
    var table: ResponseTable {
        get throws { try rows.allRows() }
    }
}

import SurveyModel

/// A submission time as written: its calendar date and the instant in UTC.
public struct SubmissionTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Seconds since 1970-01-01T00:00:00Z; a time without offset is read as UTC.
    public var utcSeconds: Int64
}

/// Parses the three date forms of SPEC §3.4 from raw bytes and checks the calendar:
/// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` with optional `Z` or `±HH:MM`, `YYYY-MM-DD HH:MM:SS`.
/// The wave follows the date as written (the respondent's own calendar day).
public enum DateParser {
    public static func parse<Cell: ValueParser.Bytes>(_ cell: Cell) -> SubmissionTime? {
        let trimmed = ValueParser.trimmed(cell)
        let text = Text(bytes: trimmed)
        guard text.count >= 10, let year = text.digits(0, 4), text[4] == 45, let month = text.digits(5, 2),
              text[7] == 45, let day = text.digits(8, 2),
              (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year) else { return nil }
        var seconds = CivilCalendar.daysFromEpoch(year: year, month: month, day: day) * 86_400
        if text.count == 10 { return SubmissionTime(year: year, month: month, day: day, utcSeconds: seconds) }
        let separator = text[10]
        guard text.count >= 19, separator == 84 || separator == 32, let hour = text.digits(11, 2), text[13] == 58,
              let minute = text.digits(14, 2), text[16] == 58, let second = text.digits(17, 2),
              hour < 24, minute < 60, second < 60 else { return nil }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        let zone = text.count - 19
        if zone == 0 { return SubmissionTime(year: year, month: month, day: day, utcSeconds: seconds) }
        guard separator == 84 else { return nil }
        if zone == 1, text[19] == 90 { return SubmissionTime(year: year, month: month, day: day, utcSeconds: seconds) }
        guard zone == 6, text[19] == 43 || text[19] == 45, let offsetHour = text.digits(20, 2), text[22] == 58,
              let offsetMinute = text.digits(23, 2), offsetHour <= 18, offsetMinute < 60 else { return nil }
        let offset = Int64(offsetHour * 3600 + offsetMinute * 60)
        seconds += text[19] == 43 ? -offset : offset
        return SubmissionTime(year: year, month: month, day: day, utcSeconds: seconds)
    }

    /// The trimmed cell, indexed from 0.
    private struct Text<Slice: RandomAccessCollection<UInt8>> {
        let bytes: Slice
        var count: Int { bytes.count }
        subscript(_ offset: Int) -> UInt8 { bytes[bytes.index(bytes.startIndex, offsetBy: offset)] }

        func digits(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= count else { return nil }
            var value = 0
            for offset in start..<(start + length) {
                let byte = self[offset]
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
    }
}

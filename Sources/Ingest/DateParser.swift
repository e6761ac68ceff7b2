import SurveyModel

/// A submission time as written: its calendar date and the instant in UTC.
public struct SubmissionTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Whole seconds since 1970-01-01T00:00:00Z (a fraction is truncated, not rounded);
    /// a time without offset is read as UTC.
    public var utcSeconds: Int64
    /// The fraction of the second as written (`.5` is 500 000 000), 0 without one. Duplicates are
    /// ordered by `utcSeconds` alone: two copies in the same second tie (SPEC §4: the later line wins).
    public var nanoseconds: Int32 = 0
}

/// Parses submission times from raw bytes (SPEC §3.4), without allocating: first the
/// built-in forms, then the configured `inputs.date_formats` patterns in order.
///
/// Built in: `YYYY-MM-DD`; `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD HH:MM:SS`, each with an
/// optional fraction (`.` and 1–9 digits) and an optional `Z`, `±HH:MM` or `±HHMM`;
/// `YYYY-MM-DD HH:MM`; and each of these with `/` in place of both `-`. The calendar is
/// checked (Feb 29 only in leap years). The wave follows the date as written (the
/// respondent's own calendar day); the offset only moves `utcSeconds`.
public enum DateParser {
    public static func parse<Cell: ValueParser.Bytes>(_ cell: Cell, patterns: DatePatterns = .none) -> SubmissionTime? {
        let text = DateText(bytes: ValueParser.trimmed(cell))
        if let time = builtIn(text) { return time }
        for pattern in patterns.patterns {
            if let time = DatePatternMatcher.match(pattern.tokens, text) { return time }
        }
        return nil
    }

    private static func builtIn<Cell>(_ text: DateText<Cell>) -> SubmissionTime? {
        let count = text.count
        guard count >= 10, let year = text.digits(0, 4), case let dash = text[4], dash == 45 || dash == 47,
              let month = text.digits(5, 2), text[7] == dash, let day = text.digits(8, 2) else { return nil }
        if count == 10 { return time(year: year, month: month, day: day) }
        let separator = text[10]
        guard count >= 16, separator == 84 || separator == 32, let hour = text.digits(11, 2), text[13] == 58,
              let minute = text.digits(14, 2) else { return nil }
        if count == 16 {
            guard separator == 32 else { return nil }
            return time(year: year, month: month, day: day, hour: hour, minute: minute)
        }
        guard count >= 19, text[16] == 58, let second = text.digits(17, 2) else { return nil }
        var position = 19, nanoseconds = 0
        if position < count, text[position] == 46 {
            position += 1
            guard let fraction = text.fraction(&position) else { return nil }
            nanoseconds = fraction
        }
        var offset = 0
        switch count - position {
        case 0: break
        case 1:
            guard text[position] == 90 else { return nil }
        case 5, 6:
            let sign = text[position], colon = count - position == 6
            guard sign == 43 || sign == 45, let offsetHour = text.digits(position + 1, 2),
                  !colon || text[position + 3] == 58, let offsetMinute = text.digits(position + (colon ? 4 : 3), 2),
                  let value = zoneOffset(hour: offsetHour, minute: offsetMinute, negative: sign == 45) else { return nil }
            offset = value
        default: return nil
        }
        return time(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                    nanoseconds: nanoseconds, offset: offset)
    }

    /// The time of the parts as written, nil when the calendar or the clock has no such time.
    /// - Parameter offset: seconds east of UTC, subtracted to reach UTC.
    static func time(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                     nanoseconds: Int = 0, offset: Int = 0) -> SubmissionTime? {
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = CivilCalendar.daysFromEpoch(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second - offset)
        return SubmissionTime(year: year, month: month, day: day, utcSeconds: seconds,
                              nanoseconds: Int32(truncatingIfNeeded: nanoseconds))
    }

    /// Seconds east of UTC of `±hour:minute`, nil beyond ±18:59 or at minute 60 and above.
    static func zoneOffset(hour: Int, minute: Int, negative: Bool) -> Int? {
        guard hour <= 18, minute < 60 else { return nil }
        return (negative ? -1 : 1) * (hour * 3600 + minute * 60)
    }
}

/// A trimmed cell, indexed from 0, with the digit readers both date parsers share.
struct DateText<Cell: RandomAccessCollection<UInt8>> {
    let bytes: Cell
    var count: Int { bytes.count }
    @inline(__always)
    subscript(_ offset: Int) -> UInt8 { bytes[bytes.index(bytes.startIndex, offsetBy: offset)] }

    @inline(__always)
    func isDigit(_ offset: Int) -> Bool { offset < count && self[offset] &- 48 < 10 }

    /// Exactly `length` digits at `start`.
    @inline(__always)
    func digits(_ start: Int, _ length: Int) -> Int? {
        guard start + length <= count else { return nil }
        var value = 0
        for offset in start..<(start + length) {
            let digit = self[offset] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// 1 to `most` digits at `position`, as many as there are; moves `position` past them.
    func number(_ position: inout Int, most: Int) -> Int? {
        var value = 0, length = 0
        while length < most, isDigit(position + length) {
            value = value * 10 + Int(self[position + length] - 48)
            length += 1
        }
        guard length > 0 else { return nil }
        position += length
        return value
    }

    /// The 1–9 digits of a fraction at `position` as nanoseconds; nil for none or a tenth digit.
    func fraction(_ position: inout Int) -> Int? {
        let start = position
        guard var value = number(&position, most: 9), !isDigit(position) else { return nil }
        for _ in (position - start)..<9 { value *= 10 }
        return value
    }
}

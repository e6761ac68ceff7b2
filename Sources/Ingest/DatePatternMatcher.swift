import SurveyModel

/// Matches a trimmed cell against one compiled `inputs.date_formats` pattern (SPEC §3.4),
/// byte by byte and without allocating. Each token takes what it can at once (`%m` takes
/// two digits when there are two) and nothing backtracks; the whole cell must be used.
/// A 12-hour clock reads 12 AM as 00 and 12 PM as 12.
enum DatePatternMatcher {
    static func match<Cell>(_ tokens: [DatePattern.Token], _ text: DateText<Cell>) -> SubmissionTime? {
        var position = 0
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, nanoseconds = 0, offset = 0
        var twelveHour = false, afternoon = false
        for token in tokens {
            switch token {
            case .year:
                guard let value = text.digits(position, 4) else { return nil }
                year = value
                position += 4
            case .month:
                guard let value = text.number(&position, most: 2) else { return nil }
                month = value
            case .day:
                guard let value = text.number(&position, most: 2) else { return nil }
                day = value
            case .hour24:
                guard let value = text.number(&position, most: 2) else { return nil }
                hour = value
            case .hour12:
                guard let value = text.number(&position, most: 2), (1...12).contains(value) else { return nil }
                hour = value
                twelveHour = true
            case .minute:
                guard let value = text.digits(position, 2) else { return nil }
                minute = value
                position += 2
            case .second:
                guard let value = text.digits(position, 2) else { return nil }
                second = value
                position += 2
            case .meridiem:
                guard let isPM = meridiem(text, at: position) else { return nil }
                afternoon = isPM
                position += 2
            case .fraction:
                guard let value = text.fraction(&position) else { return nil }
                nanoseconds = value
            case .zone:
                guard let value = zone(text, at: &position) else { return nil }
                offset = value
            case .spaces:
                guard position < text.count, text[position] == 32 else { return nil }
                while position < text.count, text[position] == 32 { position += 1 }
            case .literal(let byte):
                guard position < text.count, text[position] == byte else { return nil }
                position += 1
            }
        }
        guard position == text.count else { return nil }
        if twelveHour { hour = hour % 12 + (afternoon ? 12 : 0) }
        return DateParser.time(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                               nanoseconds: nanoseconds, offset: offset)
    }

    /// `AM` (false) or `PM` (true), any case.
    private static func meridiem<Cell>(_ text: DateText<Cell>, at position: Int) -> Bool? {
        guard position + 2 <= text.count, text[position + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
        switch text[position] | 0x20 {
        case UInt8(ascii: "a"): return false
        case UInt8(ascii: "p"): return true
        default: return nil
        }
    }

    /// Seconds east of UTC of `Z`, `±HH:MM`, `±H:MM`, `±HHMM`, `±HH` or `±H`, each optionally after
    /// `GMT` or `UTC` (any case); a bare `GMT` or `UTC` is offset 0. Moves `position` past it.
    private static func zone<Cell>(_ text: DateText<Cell>, at position: inout Int) -> Int? {
        guard position < text.count else { return nil }
        if text[position] == UInt8(ascii: "Z") {
            position += 1
            return 0
        }
        let named = isWord(text, at: position, "gmt") || isWord(text, at: position, "utc")
        if named { position += 3 }
        guard position < text.count, case let sign = text[position], sign == 43 || sign == 45 else {
            return named ? 0 : nil
        }
        var cursor = position + 1
        guard let hour = text.number(&cursor, most: 2) else { return nil }
        var minute = 0
        if cursor < text.count, text[cursor] == 58 {
            guard let value = text.digits(cursor + 1, 2) else { return nil }
            minute = value
            cursor += 3
        } else if cursor - position == 3, let value = text.digits(cursor, 2) {
            minute = value
            cursor += 2
        }
        guard let offset = DateParser.zoneOffset(hour: hour, minute: minute, negative: sign == 45) else { return nil }
        position = cursor
        return offset
    }

    /// The three lower-case ASCII letters of `word` at `position`, any case.
    private static func isWord<Cell>(_ text: DateText<Cell>, at position: Int, _ word: StaticString) -> Bool {
        guard position + 3 <= text.count else { return false }
        return (0..<3).allSatisfy { text[position + $0] | 0x20 == word.utf8Start[$0] }
    }
}

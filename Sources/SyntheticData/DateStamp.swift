/// Writes `submitted_at` cells by hand (no calendar or locale APIs): a random
/// moment of a wave's quarter in one of the SPEC §3.4 forms.
///
/// Times fall between 08:00 and 18:59 and offsets stay within ±05:30, so the
/// UTC date is always the written date and the quarter never shifts.
enum DateStamp {
    private static let offsets: [[UInt8]] = ["+01:00", "+02:00", "-05:00", "+05:30"].map { Array($0.utf8) }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Appends one date cell of `quarter` (0–3) of `year`.
    static func write(into writer: inout CSVLineWriter, rng: inout Xoshiro256, year: Int, quarter: Int) {
        let month = quarter * 3 + 1 + rng.below(3)
        let day = 1 + rng.below(days(inMonth: month, year: year))
        writer.appendPadded(year, width: 4)
        writer.append(byte: UInt8(ascii: "-"))
        writer.appendPadded(month, width: 2)
        writer.append(byte: UInt8(ascii: "-"))
        writer.appendPadded(day, width: 2)
        let form = rng.below(100)
        guard form >= 38 else { return }
        writer.append(byte: form < 75 ? UInt8(ascii: "T") : UInt8(ascii: " "))
        writer.appendPadded(8 + rng.below(11), width: 2)
        writer.append(byte: UInt8(ascii: ":"))
        writer.appendPadded(rng.below(60), width: 2)
        writer.append(byte: UInt8(ascii: ":"))
        writer.appendPadded(rng.below(60), width: 2)
        if form < 58 {
            writer.append(byte: UInt8(ascii: "Z"))
        } else if form < 70 {
            writer.append(offsets[rng.below(offsets.count)])
        }
    }
}

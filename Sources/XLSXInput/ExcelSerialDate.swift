import SurveyModel

/// Which day an Excel serial number counts from (the workbook's `workbookPr date1904`).
public enum ExcelDateSystem: Sendable, Equatable {
    /// Windows Excel's default: serial 1 is 1900-01-01, and 60 is the 1900-02-29 that
    /// never was (Lotus 1-2-3's leap-year bug, kept by Excel), so from 61 on serial n is
    /// n days after 1899-12-30.
    case excel1900
    /// Old Mac Excel's: serial 0 is 1904-01-01.
    case excel1904
}

/// Turns an Excel serial date-time (days, with the time of day as the fraction) into
/// the text `YYYY-MM-DD HH:MM:SS`, a SPEC §3.4 form the date parser reads, rounded to
/// the nearest second. This is where a number cell becomes a date: the caller decides
/// which column holds dates (Ingest: the `submitted_at` column) and converts only its
/// cells whose kind `isNumber`; text cells there are §3.4 text already.
public enum ExcelSerialDate {
    /// The largest serial Excel shows as a date: 9999-12-31 (1900 system).
    static let lastSerial1900 = 2_958_465.0
    /// Days from 1970-01-01 to the systems' day 0: 1899-12-30 (serials from 61 on), 1904-01-01.
    static let epoch1900 = -25_569
    static let epoch1904 = -24_107

    /// The date-time text of `serial`, or nil when it is no date: not a finite number,
    /// before the system's first day (serial 1 in 1900, 0 in 1904), 60 in the 1900 system
    /// (the day that does not exist), or after 9999-12-31.
    public static func text(serial: Double, system: ExcelDateSystem) -> String? {
        guard serial.isFinite else { return nil }
        let lowest = system == .excel1900 ? 1.0 : 0.0
        let highest = system == .excel1900 ? lastSerial1900 + 1 : lastSerial1900 - 1462 + 1
        guard serial >= lowest, serial < highest else { return nil }
        var seconds = Int((serial * 86_400).rounded())
        var epoch = system == .excel1900 ? epoch1900 : epoch1904
        if system == .excel1900 {
            if serial >= 60, serial < 61 { return nil }
            if serial < 60 { epoch += 1 }
        }
        if seconds >= Int(highest) * 86_400 { seconds -= 1 }
        let days = seconds / 86_400
        let time = seconds % 86_400
        let (year, month, day) = CivilCalendar.date(daysSince1970: epoch + days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) "
            + "\(pad(time / 3600, 2)):\(pad(time / 60 % 60, 2)):\(pad(time % 60, 2))"
    }

    /// The same for a number cell's text as written (`45000.5`, `4.5E4`); nil when it is not a number.
    public static func text<Bytes: Collection<UInt8>>(serialText: Bytes, system: ExcelDateSystem) -> String? {
        guard let serial = Double(String(decoding: serialText, as: UTF8.self)) else { return nil }
        return text(serial: serial, system: system)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

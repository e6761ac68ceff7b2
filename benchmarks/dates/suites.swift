import SurveyModel

/// One timed run: the cells (repeated to 1M) and the configured patterns.
struct Suite {
    var name: String
    var cells: [String]
    var patterns: DatePatterns
}

/// The date forms of the samples (the default path), then configured platform patterns.
func suites() -> [Suite] {
    let iso = ["2025-02-12T08:16:17+05:30", "2025-02-05 13:11:21", "2025-01-16T15:00:52Z", "2025-01-27"]
    let google = try! DatePatterns(compiling: ["%Y/%m/%d %I:%M:%S %p %z", "%m/%d/%Y %H:%M:%S"], path: "bench")
    return [
        Suite(name: "ISO forms of the samples, no patterns", cells: iso, patterns: .none),
        Suite(name: "ISO forms of the samples, 2 patterns configured", cells: iso, patterns: google),
        Suite(name: "ISO with fractions and +HHMM", cells: ["2017-05-23T14:21:14.000Z", "2025-02-12 08:16:17.123456+0530"],
              patterns: .none),
        Suite(name: "Google Forms via the first pattern", cells: ["2021/03/04 10:15:32 AM GMT+1", "2021/03/04 1:15:32 PM GMT"],
              patterns: google),
        Suite(name: "US dates via the second pattern", cells: ["3/4/2021 14:05:09", "11/30/2025 9:05:00"], patterns: google),
    ]
}

func parse(_ cell: Slice<UnsafeBufferPointer<UInt8>>, _ patterns: DatePatterns) -> Int64? {
    DateParser.parse(cell, patterns: patterns)?.utcSeconds
}

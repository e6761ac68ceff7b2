import Foundation

/// Reads and validates `pipeline.json` (SPEC §3.6). Every error names its key path.
public enum ConfigLoader {
    public static func load(path: String) throws(PipelineError) -> (config: PipelineConfig, bytes: Data) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .config(path: "", message: "cannot read config file \(MessageText.quoted(path))")
        }
        return (try parse(data, source: path), data)
    }

    public static func parse(_ data: Data, source: String = "pipeline.json") throws(PipelineError) -> PipelineConfig {
        let root = try ConfigReader(JSONValue.parse(data, source: source), path: "")
        try root.allowOnly(["inputs", "areas", "catch_all_area", "wave_period", "instrument", "scoring", "privacy",
                            "quality_gate", "output"])
        let areas = try readAreas(root)
        let catchAll = try root.string("catch_all_area")
        if let catchAll, AreaCatalog(areas: areas).match(catchAll) == nil {
            throw .config(path: "catch_all_area", message: "\"\(MessageText.quoted(catchAll))\" is not one of the configured areas")
        }
        var period = WavePeriod.quarter
        if let text = try root.string("wave_period") {
            guard let value = WavePeriod(rawValue: text) else {
                throw .config(path: "wave_period", message: "expected \"quarter\" or \"month\"")
            }
            period = value
        }
        let instrument = try root.object("instrument").map(readInstrument) ?? DefaultInstrument.value
        let inputs = try root.object("inputs").map { reader throws(PipelineError) in
            try readInputs(reader, instrument: instrument)
        } ?? InputConfig()
        var maxReject = 0.05
        if let gate = try root.object("quality_gate") {
            try gate.allowOnly(["max_reject_fraction"])
            maxReject = try gate.number("max_reject_fraction") ?? maxReject
            guard (0...1).contains(maxReject) else {
                throw .config(path: gate.child("max_reject_fraction"), message: "expected a fraction between 0 and 1")
            }
        }
        var folder = "reports", name = "readiness-{wave}", options = OutputOptions()
        if let output = try root.object("output") {
            try output.allowOnly(["folder", "report_name", "comment_examples", "per_area"])
            folder = try output.string("folder") ?? folder
            name = try output.string("report_name") ?? name
            try validateReportName(name, path: output.child("report_name"))
            options = try readOutputOptions(output)
        }
        var config = PipelineConfig(
            inputs: inputs,
            areas: areas, catchAllArea: catchAll, wavePeriod: period, instrument: instrument,
            scoring: try readScoring(root.object("scoring"), instrument: instrument),
            privacy: try readPrivacy(root.object("privacy")),
            maxRejectFraction: maxReject, outputFolder: folder, reportName: name)
        config.output = options
        return config
    }

    /// A report name becomes a file name: no folders, nothing hidden.
    public static func validateReportName(_ name: String, path: String) throws(PipelineError) {
        if name.isEmpty || name.contains("/") || name.hasPrefix(".") {
            throw .config(path: path, message: "expected a plain file name without '/' (got \"\(MessageText.quoted(name))\")")
        }
    }

    private static func readInputs(_ reader: ConfigReader, instrument: Instrument) throws(PipelineError) -> InputConfig {
        try reader.allowOnly(["employees", "customers", "delimiter", "encoding", "columns", "date_formats",
                              "max_field_bytes", "format", "drop_non_responses"])
        var config = InputConfig()
        config.employees = try reader.strings("employees") ?? []
        config.customers = try reader.strings("customers") ?? []
        if let text = try reader.string("delimiter") {
            config.delimiter = try delimiter(text, path: reader.child("delimiter"))
        }
        config.formats = try formats(reader)
        config.dropNonResponses = try reader.bool("drop_non_responses") ?? true
        config.encodings = try readEncodings(reader)
        config.datePatterns = try DatePatterns(compiling: reader.strings("date_formats") ?? [],
                                               path: reader.child("date_formats"))
        if let bytes = try reader.integer("max_field_bytes") {
            guard (1...InputConfig.maxFieldBytesLimit).contains(bytes) else {
                throw .config(path: reader.child("max_field_bytes"),
                              message: "expected a number of bytes from 1 to \(InputConfig.maxFieldBytesLimit)")
            }
            config.maxFieldBytes = bytes
        }
        if let columns = try reader.object("columns") {
            try columns.allowOnly(["employee", "customer"])
            for kind in SurveyKind.allCases {
                guard let renames = try columns.object(kind.rawValue) else { continue }
                var map: [String: String] = [:]
                let form = instrument.form(kind)
                let known = Set([form.idColumn].compactMap { $0 } + ["submitted_at", "area", "comment"] + form.breakdowns + form.items.map(\.key))
                try renames.allowOnly(known)
                for key in renames.keys { map[key] = try renames.string(key) }
                config.renames[kind] = map
            }
        }
        return config
    }

    /// `inputs.format`: one format name for both surveys, or `{"employee": …, "customer": …}`.
    private static func formats(_ reader: ConfigReader) throws(PipelineError) -> InputFormats {
        func parse(_ text: String, path: String) throws(PipelineError) -> InputFormat {
            guard let format = InputFormat(rawValue: text) else {
                let names = InputFormat.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw .config(path: path, message: "expected one of \(names) (got \"\(text)\")")
            }
            return format
        }
        guard reader.has("format") else { return InputFormats() }
        if case .string(let text) = reader.raw("format") {
            let format = try parse(text, path: reader.child("format"))
            return InputFormats(employee: format, customer: format)
        }
        guard let perKind = try reader.object("format") else { return InputFormats() }
        try perKind.allowOnly(["employee", "customer"])
        var formats = InputFormats()
        if let text = try perKind.string("employee") { formats.employee = try parse(text, path: perKind.child("employee")) }
        if let text = try perKind.string("customer") { formats.customer = try parse(text, path: perKind.child("customer")) }
        return formats
    }

    /// `scoring.roles`: role → construct name, or null for a role no construct plays.
    private static func readRoles(_ reader: ConfigReader, instrument: Instrument) throws(PipelineError) -> ConstructRoles {
        try reader.allowOnly(Set(ConstructRole.allCases.map(\.rawValue)))
        var roles = ConstructRoles()
        for role in ConstructRole.allCases where reader.raw(role.rawValue) != nil {
            let name = try reader.string(role.rawValue)
            if let name, !instrument.constructs.contains(where: { $0.name == name }) {
                throw .config(path: reader.child(role.rawValue), message: "\"\(name)\" is not a construct of the instrument")
            }
            roles[role] = name
        }
        return roles
    }

    /// `inputs.encoding`: one value for both surveys, or `{"employee": …, "customer": …}`.
    private static func readEncodings(_ reader: ConfigReader) throws(PipelineError) -> [SurveyKind: InputEncoding] {
        guard reader.has("encoding") else { return [:] }
        if case .string(let text) = reader.raw("encoding") {
            let value = try InputEncoding(parsing: text, path: reader.child("encoding"))
            return Dictionary(uniqueKeysWithValues: SurveyKind.allCases.map { ($0, value) })
        }
        guard case .object = reader.raw("encoding"), let kinds = try reader.object("encoding") else {
            throw .config(path: reader.child("encoding"),
                          message: "expected \(InputEncoding.accepted), or {\"employee\": …, \"customer\": …}")
        }
        try kinds.allowOnly(Set(SurveyKind.allCases.map(\.rawValue)))
        var encodings: [SurveyKind: InputEncoding] = [:]
        for kind in SurveyKind.allCases {
            guard let text = try kinds.string(kind.rawValue) else { continue }
            encodings[kind] = try InputEncoding(parsing: text, path: kinds.child(kind.rawValue))
        }
        return encodings
    }

    /// `auto` (nil: chosen per file, SPEC §3.1), `,`, `;`, tab (`\t` or the word `tab`) or `|`.
    public static func delimiter(_ text: String, path: String) throws(PipelineError) -> UInt8? {
        switch text {
        case "auto": return nil
        case ",", "comma": return UInt8(ascii: ",")
        case ";", "semicolon": return UInt8(ascii: ";")
        case "\t", "tab", "\\t": return 9
        case "|", "pipe": return UInt8(ascii: "|")
        default: throw .config(path: path, message: "expected \"auto\", \",\", \";\", \"tab\" or \"|\" (got \"\(MessageText.quoted(text))\")")
        }
    }

    private static func readAreas(_ root: ConfigReader) throws(PipelineError) -> [Area] {
        guard let elements = try root.array("areas"), !elements.isEmpty else {
            throw .config(path: "areas", message: "expected a non-empty list of areas")
        }
        guard elements.count <= AreaCatalog.maxAreas else {
            throw .config(path: "areas", message: "\(elements.count) areas; at most \(AreaCatalog.maxAreas) are supported")
        }
        var areas: [Area] = []
        var owner: [String: String] = [:]
        for element in elements {
            let reader = try ConfigReader(element.value, path: element.path)
            try reader.allowOnly(["name", "aliases", "headcount"])
            guard let name = try reader.string("name"), !AreaCatalog.fold(name).isEmpty else {
                throw .config(path: reader.child("name"), message: "expected a non-empty area name")
            }
            let headcount = try reader.integer("headcount")
            if let headcount, headcount < 1 {
                throw .config(path: reader.child("headcount"), message: "expected a positive integer")
            }
            let aliases = try reader.strings("aliases") ?? []
            for (offset, label) in ([name] + aliases).enumerated() {
                let key = AreaCatalog.fold(label)
                let where_ = offset == 0 ? reader.child("name") : "\(reader.child("aliases"))[\(offset - 1)]"
                if let other = owner[key], other != name || offset == 0 {
                    throw .config(path: where_, message: "\"\(MessageText.quoted(label))\" already names area \"\(MessageText.quoted(other))\"")
                }
                owner[key] = name
            }
            areas.append(Area(name: name, aliases: aliases, headcount: headcount))
        }
        return areas
    }

    private static func readPrivacy(_ reader: ConfigReader?) throws(PipelineError) -> PrivacyConfig {
        var privacy = PrivacyConfig()
        guard let reader else { return privacy }
        try reader.allowOnly(["min_group_size", "min_comment_group_size"])
        privacy.minGroupSize = try reader.integer("min_group_size") ?? privacy.minGroupSize
        privacy.minCommentGroupSize = try reader.integer("min_comment_group_size")
            ?? max(privacy.minCommentGroupSize, privacy.minGroupSize)
        if privacy.minGroupSize < 1 {
            throw .config(path: reader.child("min_group_size"), message: "expected an integer of at least 1")
        }
        if privacy.minCommentGroupSize < privacy.minGroupSize {
            throw .config(path: reader.child("min_comment_group_size"),
                          message: "expected an integer of at least min_group_size (\(privacy.minGroupSize))")
        }
        return privacy
    }

    private static func readScoring(_ reader: ConfigReader?, instrument: Instrument) throws(PipelineError) -> ScoringConfig {
        var scoring = ScoringConfig()
        guard let reader else { return scoring }
        try reader.allowOnly(["min_answered_fraction", "quadrant_threshold", "weights", "bands", "lowest_band",
                              "evaporation_drop", "min_driver_n", "roles"])
        if let roles = try reader.object("roles") {
            scoring.roles = try readRoles(roles, instrument: instrument)
        }
        if let fraction = try reader.number("min_answered_fraction") {
            guard fraction > 0, fraction <= 1 else {
                throw .config(path: reader.child("min_answered_fraction"), message: "expected a fraction in (0, 1]")
            }
            scoring.minAnsweredFraction = fraction
        }
        scoring.quadrantThreshold = try reader.number("quadrant_threshold") ?? scoring.quadrantThreshold
        if let weights = try reader.object("weights") {
            var map: [String: Double] = [:]
            for key in weights.keys {
                guard instrument.constructs.contains(where: { $0.name == key }) else {
                    throw .config(path: weights.child(key), message: "not a construct of the instrument")
                }
                guard let weight = try weights.number(key), weight >= 0 else {
                    throw .config(path: weights.child(key), message: "expected a number of at least 0")
                }
                map[key] = weight
            }
            guard map.values.reduce(0, +) > 0 else {
                throw .config(path: reader.child("weights"), message: "weights must not sum to 0")
            }
            scoring.weights = map
        }
        if let elements = try reader.array("bands") {
            var bands: [Band] = []
            for element in elements {
                let band = try ConfigReader(element.value, path: element.path)
                try band.allowOnly(["label", "min"])
                guard let label = try band.string("label"), let min = try band.number("min") else {
                    throw .config(path: element.path, message: "expected {\"label\": text, \"min\": number}")
                }
                bands.append(Band(label: label, min: min))
            }
            scoring.bands = bands.sorted { $0.min > $1.min }
        }
        scoring.lowestBand = try reader.string("lowest_band") ?? scoring.lowestBand
        scoring.evaporationDrop = try reader.number("evaporation_drop") ?? scoring.evaporationDrop
        scoring.minDriverN = try reader.integer("min_driver_n") ?? scoring.minDriverN
        if scoring.minDriverN < 2 {
            throw .config(path: reader.child("min_driver_n"), message: "expected an integer of at least 2")
        }
        return scoring
    }
}

import Foundation
import SurveyModel

/// Deterministic generator of realistic synthetic employee and customer survey
/// exports (SPEC §3.2–§3.4), for demos and large benchmarks.
///
/// Every respondent carries latent traits drawn around their area's mean for
/// the wave; items are those latents plus item noise, so constructs have
/// meaningful reliability, areas land in different quadrants, most areas
/// improve slowly, and one area's gains fade (see `areas(count:employeesPerWave:)`).
public enum SurveyGenerator {
    /// File names written into the output folder.
    static let employeeFile = "employees.csv"
    static let customerFile = "customers.csv"

    /// The areas the generator uses for `count` areas: real-sounding names
    /// ("Operations", "Customer Service", "Finance", "Logistics", "Sales",
    /// "Manufacturing", "Procurement", "IT", "HR", "Quality", "Maintenance",
    /// "Legal", then "Area 13"…), each with one or two aliases and a headcount
    /// consistent with `employeesPerWave` employee rows per wave, so response
    /// rates are 0.5–0.9. The second area (the only one when `count` is 1) is
    /// the one whose employee_life and customer_life fade after an early peak.
    public static func areas(count: Int, employeesPerWave: Int) -> [Area] {
        let profiles = AreaProfile.catalog(count: count)
        let perArea = apportion(max(employeesPerWave, 0), weights: profiles.map(\.employeeWeight))
        return zip(profiles, perArea).map { profile, respondents in
            let headcount = Int((Double(respondents) / profile.responseRate).rounded())
            return Area(name: profile.name, aliases: profile.aliases, headcount: max(headcount, respondents, 1))
        }
    }

    /// Writes employees.csv and customers.csv into `folder` (created if missing) and returns their paths.
    /// The same spec and instrument always give byte-identical files.
    public static func write(_ spec: GeneratorSpec, instrument: Instrument = DefaultInstrument.value,
                             to folder: String) throws -> (employees: String, customers: String) {
        try spec.validate()
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SyntheticDataError.cannotCreateFolder(path: folder, reason: String(describing: error))
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let paths = (employees: base + employeeFile, customers: base + customerFile)
        try employeeWriter(spec, instrument: instrument).write(to: paths.employees)
        try customerWriter(spec, instrument: instrument).write(to: paths.customers)
        return paths
    }

    /// Employees: each area owns a block of ids the size of its headcount.
    private static func employeeWriter(_ spec: GeneratorSpec, instrument: Instrument) -> SurveyFileWriter {
        let areas = areas(count: spec.areas, employeesPerWave: spec.employeesPerWave)
        let weights = AreaProfile.catalog(count: spec.areas).map(\.employeeWeight)
        let busiest = apportion(spec.rows(total: spec.employees, wave: 0), weights: weights)
        var blocks: [IdBlock] = []
        var next = 1
        for (area, respondents) in zip(areas, busiest) {
            let size = max(area.headcount ?? 0, respondents)
            blocks.append(IdBlock(base: next, size: size))
            next += max(size, 1)
        }
        return SurveyFileWriter(spec: spec, form: instrument.employee, instrument: instrument, areas: areas,
                                total: spec.employees, weights: weights, blocks: blocks,
                                blockOfArea: Array(areas.indices), idPrefix: "E", phrases: Comments.employee,
                                commentVocabulary: .employee())
    }

    /// Customers: one shared block of ids, 1.6 times a wave's responses.
    private static func customerWriter(_ spec: GeneratorSpec, instrument: Instrument) -> SurveyFileWriter {
        let areas = areas(count: spec.areas, employeesPerWave: spec.employeesPerWave)
        let weights = AreaProfile.catalog(count: spec.areas).map(\.customerWeight)
        let size = spec.rows(total: spec.customers, wave: 0) * 8 / 5 + 1
        return SurveyFileWriter(spec: spec, form: instrument.customer, instrument: instrument, areas: areas,
                                total: spec.customers, weights: weights, blocks: [IdBlock(base: 1, size: size)],
                                blockOfArea: areas.map { _ in 0 }, idPrefix: "C", phrases: Comments.customer,
                                commentVocabulary: .customer())
    }
}

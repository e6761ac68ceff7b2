import Export
import Foundation
import SurveyModel

/// `generate`: synthetic surveys plus the `areas` list that pipeline.json needs to read them.
public enum SampleWriter {
    /// Writes employees.csv, customers.csv and areas.json into `folder`; returns their paths.
    /// - Throws: `PipelineError.other` when the folder or a file cannot be written.
    public static func write(_ spec: GeneratorSpec, to folder: String) throws(PipelineError) -> [String] {
        let paths: (employees: String, customers: String)
        do {
            paths = try SurveyGenerator.write(spec, to: folder)
        } catch {
            throw .other("cannot write synthetic surveys to \(folder): \(error)")
        }
        let areas = SurveyGenerator.areas(count: spec.areas, employeesPerWave: spec.employeesPerWave)
        let json = JSONOutput.array(areas.map { area in
            .object([("name", .string(area.name)), ("aliases", .array(area.aliases.map(JSONOutput.string))),
                     ("headcount", .integer(area.headcount))])
        })
        let areasPath = (folder as NSString).appendingPathComponent("areas.json")
        do {
            // Written to a temporary name and renamed, so a reader never sees half a file.
            try Data(json.rendered().utf8).write(to: URL(fileURLWithPath: areasPath), options: .atomic)
        } catch {
            throw .other("cannot write \(areasPath): \(error.localizedDescription)")
        }
        return [paths.employees, paths.customers, areasPath]
    }
}

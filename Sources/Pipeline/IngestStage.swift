import Foundation
import Dispatch
import Ingest
import SurveyModel

/// Reads every input file, several at once, and returns them in input order.
/// Each file's accepted rows go to its own spill file in `spillFolder`.
enum IngestStage {
    static func run(_ files: [InputFile], config: PipelineConfig, jobs: Int, spillFolder: String,
                    log: RunLog) throws(PipelineError) -> [IngestedFile] {
        let size = files.reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
        }
        let progress = ProgressBar(label: "reading", total: size, log: log)
        defer { progress.finish() }
        let readers = SurveyKind.allCases.map { SurveyFileReader(config: config, kind: $0) }
        let results = ResultSlots<Result<IngestedFile, PipelineError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, files.count))) { worker in
            for index in stride(from: worker, to: files.count, by: max(1, min(jobs, files.count))) {
                let file = files[index]
                let reader = readers[file.kind == .employee ? 0 : 1]
                do throws(PipelineError) {
                    let spill = try SpillFile(folder: spillFolder)
                    results.set(index, .success(try reader.read(path: file.path, fileIndex: index, spill: spill,
                                                                 progress: progress.advance)))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        var ingested: [IngestedFile] = []
        for result in results.values {
            switch result {
            case .success(let file): ingested.append(file)
            case .failure(let error): throw error
            case nil: throw .other("internal: an input file was not read")
            }
        }
        return ingested
    }
}

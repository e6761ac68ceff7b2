// swift-tools-version:6.0
import PackageDescription

// The XLSX input benchmark (benchmarks/xlsx_input/run): reads a workbook with the
// project's XLSXInput module, as Ingest will, and prints rows/s and peak RSS.
// SwiftPM names a path dependency after its folder, and a clone's folder can have any
// name: the run script points XLSX_BENCH_ROOT at a link named SurveyPipeline.
let root = Context.environment["XLSX_BENCH_ROOT"] ?? "../../../SurveyPipeline"
let package = Package(
    name: "xlsx-input-bench",
    dependencies: [.package(path: root)],
    targets: [
        .executableTarget(
            name: "xlsx-input-bench",
            dependencies: [.product(name: "XLSXInput", package: "SurveyPipeline")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

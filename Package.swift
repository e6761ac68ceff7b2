// swift-tools-version:6.0
import PackageDescription

// One module per pipeline stage (ingest → normalize → score → export), the two
// C libraries behind thin system-library targets, and a thin executable.
let package = Package(
    name: "SurveyPipeline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "survey-pipeline", targets: ["survey-pipeline"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "FileIO"),
        .target(name: "CSVParser", dependencies: ["CLibCSV", "FileIO"]),
        .target(name: "SurveyModel"),
        .target(name: "RowStorage", dependencies: ["SurveyModel", "FileIO"]),
        .target(name: "Jobs"),
        .target(
            name: "Ingest",
            dependencies: [
                "SurveyModel", "RowStorage", "Jobs", "FileIO", "CSVParser",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Normalize", dependencies: ["SurveyModel", "RowStorage", "Jobs", "Ingest"]),
        .target(name: "Score", dependencies: ["SurveyModel", "RowStorage", "Jobs"]),
        .target(name: "Export", dependencies: ["SurveyModel", "Score", "CXLSXWriter"]),
        .target(name: "SyntheticData", dependencies: ["SurveyModel", "Export"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "SurveyModel", "RowStorage", "Ingest", "Normalize", "Score", "Export",
            ]
        ),
        .executableTarget(
            name: "survey-pipeline",
            dependencies: [
                "Pipeline", "SyntheticData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SurveyModelTests", dependencies: ["SurveyModel"]),
        .testTarget(name: "RowStorageTests", dependencies: ["RowStorage"]),
        .testTarget(name: "JobsTests", dependencies: ["Jobs"]),
        .testTarget(name: "FileIOTests", dependencies: ["FileIO"]),
        .testTarget(name: "CSVParserTests", dependencies: ["CSVParser"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "RowStorage"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "RowStorage"]),
        .testTarget(name: "ScoreTests", dependencies: ["Score"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Pipeline"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Ingest", "RowStorage", "CSVParser"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

// The target graph reads as the pipeline; every target depends only on targets above it:
//
//   SurveyModel (vocabulary) ← Ingest ← Normalize    Score ← Export ← Pipeline ← survey-pipeline
//                 storage and jobs beside them: RowStorage, Jobs (and FileIO under both)
//
// Each stage depends only on the vocabulary, storage, jobs and earlier stages (Normalize
// reuses Ingest's FNV-1a; Score reads the row stores, not Normalize's types). Each C library
// sits behind a system-library target and one Swift wrapper, the only place its symbols
// appear (CLibCSV → CSVParser, CXLSXWriter → XLSXWriter). SyntheticData (the `generate` command) is beside the pipeline;
// ConfigDraft (the `init` command's guesses) sits under Pipeline, which writes the draft.
let package = Package(
    name: "SurveyPipeline",
    // Mutex and Atomic (Synchronization) need macOS 15.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "survey-pipeline", targets: ["survey-pipeline"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "XLSXInput", targets: ["XLSXInput"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        .target(name: "Jobs"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "XMLStream", dependencies: ["CLibXML2"]),
        .target(
            name: "XLSXInput",
            dependencies: ["SurveyModel", "XMLStream", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "SurveyModel"),
        .target(name: "RowStorage", dependencies: ["SurveyModel", "FileIO"]),
        .target(
            name: "Ingest",
            dependencies: [
                "SurveyModel", "RowStorage", "Jobs", "FileIO", "CSVParser", "XLSXInput",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Shards",
            dependencies: ["SurveyModel", "RowStorage", "FileIO", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Normalize", dependencies: ["SurveyModel", "RowStorage", "Jobs", "Ingest"]),
        .target(
            name: "Score",
            dependencies: ["SurveyModel", "RowStorage", "Jobs", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),
        .target(name: "Export", dependencies: ["SurveyModel", "Score", "XLSXWriter", "FileIO"]),
        .target(name: "ConfigDraft", dependencies: ["SurveyModel", "Ingest", "CSVParser", "Export"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "SurveyModel", "RowStorage", "Jobs", "CSVParser", "Ingest", "Normalize", "Score", "Export", "ConfigDraft",
                "Shards",
            ]
        ),
        .target(name: "SyntheticData", dependencies: ["SurveyModel", "Export"]),
        .executableTarget(
            name: "survey-pipeline",
            dependencies: [
                "Pipeline", "SyntheticData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FileIOTests", dependencies: ["FileIO"]),
        .testTarget(name: "CSVParserTests", dependencies: ["CSVParser"]),
        .testTarget(name: "JobsTests", dependencies: ["Jobs"]),
        .testTarget(name: "SurveyModelTests", dependencies: ["SurveyModel"]),
        .testTarget(name: "RowStorageTests", dependencies: ["RowStorage"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "RowStorage", "XLSXWriter"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "RowStorage"]),
        .testTarget(name: "ScoreTests", dependencies: ["Score", "SyntheticData"]),
        .testTarget(name: "ShardsTests", dependencies: ["Shards", "RowStorage", "SurveyModel"]),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "XLSXWriter", "Pipeline"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "Ingest", "RowStorage", "CSVParser", "SyntheticData", "XLSXWriter", "Shards"]
        ),
        .testTarget(name: "ConfigDraftTests", dependencies: ["ConfigDraft"]),
        .testTarget(name: "XMLStreamTests", dependencies: ["XMLStream"]),
        .testTarget(
            name: "XLSXInputTests",
            dependencies: ["XLSXInput", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

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
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "XMLStream", dependencies: ["CLibXML2"]),
        .target(
            name: "XLSXInput",
            dependencies: ["XMLStream", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "SurveyModel"),
        .target(
            name: "Ingest",
            dependencies: ["SurveyModel", "CLibCSV", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Normalize", dependencies: ["SurveyModel"]),
        .target(name: "Score", dependencies: ["SurveyModel"]),
        .target(name: "Export", dependencies: ["SurveyModel", "Score", "CXLSXWriter"]),
        .target(name: "SyntheticData", dependencies: ["SurveyModel"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "SurveyModel", "Ingest", "Normalize", "Score", "Export", "SyntheticData",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "survey-pipeline",
            dependencies: [
                "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SurveyModelTests", dependencies: ["SurveyModel"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize"]),
        .testTarget(name: "ScoreTests", dependencies: ["Score"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Pipeline"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Ingest"]),
        .testTarget(name: "XMLStreamTests", dependencies: ["XMLStream"]),
        .testTarget(
            name: "XLSXInputTests",
            dependencies: ["XLSXInput", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

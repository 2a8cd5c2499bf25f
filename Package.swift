// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ITAReport",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "itareport", targets: ["itareport"]),
        .library(name: "TemplateEngine", targets: ["TemplateEngine"]),
        .library(name: "ITAKit", targets: ["ITAKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "OfficeXML", dependencies: ["CLibXML2"]),
        .target(name: "OfficePackage", dependencies: ["CLibZip", "CZlib", "OfficeXML"]),
        .target(name: "ThaiFormat"),
        .target(name: "SpreadsheetReader", dependencies: ["OfficePackage", "OfficeXML"]),
        .target(name: "TemplateEngine", dependencies: ["OfficeXML", "OfficePackage"]),
        .target(name: "YAMLLimits", dependencies: ["CLibYAML"]),
        .target(name: "TemplateData", dependencies: ["TemplateEngine", "YAMLLimits", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "ITAKit",
            dependencies: ["ThaiFormat", "YAMLLimits", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ITAReports",
            dependencies: ["ITAKit", "TemplateEngine", "ThaiFormat", "CZlib"]
        ),
        .target(
            name: "ITAWeb",
            dependencies: [
                "ITAKit", "ITAReports", "OfficePackage", "TemplateEngine", "SpreadsheetReader", "CLibYAML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "itareport",
            dependencies: [
                "ITAKit", "ITAReports", "ITAWeb", "TemplateEngine", "TemplateData", "ThaiFormat", "SpreadsheetReader",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OfficeXMLTests", dependencies: ["OfficeXML"]),
        .testTarget(name: "OfficePackageTests", dependencies: ["OfficePackage"]),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine", "OfficeXML", "OfficePackage", "ITAReports"]),
        .testTarget(name: "TemplateDataTests", dependencies: ["TemplateData", "YAMLLimits", "TemplateEngine"]),
        .testTarget(name: "ThaiFormatTests", dependencies: ["ThaiFormat"]),
        .testTarget(name: "SpreadsheetReaderTests", dependencies: ["SpreadsheetReader", "OfficePackage"]),
        .testTarget(name: "ITAKitTests", dependencies: ["ITAKit"]),
        .testTarget(name: "ITAReportsTests", dependencies: ["ITAReports", "ITAKit", "TemplateEngine", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "itareportTests", dependencies: ["itareport"]),
        .testTarget(
            name: "ITAWebTests",
            dependencies: [
                "ITAWeb", "ITAKit", "ITAReports", "OfficePackage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)

// libFuzzer targets, declared only for `make fuzz` (scripts/fuzz.sh), which builds them with
// --sanitize=fuzzer in their own build folder: they have no main of their own.
if Context.environment["ITAREPORT_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", dependencies: ["TemplateEngine", "OfficePackage", "OfficeXML", "ITAReports"], path: "Fuzz/Targets/FuzzSupport"),
        .executableTarget(name: "FuzzTags", dependencies: ["FuzzSupport", "TemplateEngine", "OfficePackage"], path: "Fuzz/Targets/FuzzTags"),
        .executableTarget(name: "FuzzPackage", dependencies: ["FuzzSupport", "TemplateEngine", "OfficePackage"], path: "Fuzz/Targets/FuzzPackage"),
        .executableTarget(name: "FuzzData", dependencies: ["FuzzSupport", "TemplateEngine", "TemplateData", "OfficePackage"], path: "Fuzz/Targets/FuzzData"),
    ]
}

// swift-tools-version:6.0
// Generators for Mirage. Their output is committed under ../Sources with a DO-NOT-EDIT header;
// run ./regenerate from this directory's parent (or Utilities/regenerate) to refresh it.
import PackageDescription

let package = Package(
    name: "MirageUtilities",
    targets: [
        // decodegen: `.decode` specs -> visitor protocol + decision tree (Documentation/Decode.md).
        // The work is in DecodeGenKit so tests can run the real parser and tree builder.
        .target(name: "DecodeGenKit"),
        .executableTarget(name: "decodegen", dependencies: ["DecodeGenKit"]),
        .testTarget(name: "decodegenTests", dependencies: ["DecodeGenKit"], exclude: ["Samples"]),

        // syscallgen: syscall-tables/*.tbl -> LinuxABI's Syscall enum and per-arch number maps.
        .target(name: "SyscallGenKit"),
        .executableTarget(name: "syscallgen", dependencies: ["SyscallGenKit"]),
        .testTarget(name: "syscallgenTests", dependencies: ["SyscallGenKit"]),

        // x64gen: Sources/X64Assembler/Specs/x64.rows -> the Assembler's encoder methods and
        // the X64Assembler tests' table of them.
        .target(name: "X64GenKit"),
        .executableTarget(name: "x64gen", dependencies: ["X64GenKit"]),
        .testTarget(name: "x64genTests", dependencies: ["X64GenKit"]),
    ]
)

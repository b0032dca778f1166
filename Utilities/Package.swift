// swift-tools-version:6.0
// Generators for Mirage. Their output is committed under ../Sources with a DO-NOT-EDIT header;
// run ./regenerate from this directory's parent (or Utilities/regenerate) to refresh it.
import PackageDescription

let package = Package(
    name: "MirageUtilities",
    targets: [
        .executableTarget(name: "decodegen"),
        // syscallgen: syscall-tables/*.tbl -> LinuxABI's Syscall enum and per-arch number maps.
        .target(name: "SyscallGenKit"),
        .executableTarget(name: "syscallgen", dependencies: ["SyscallGenKit"]),
        .testTarget(name: "syscallgenTests", dependencies: ["SyscallGenKit"]),
    ]
)

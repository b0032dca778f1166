// swift-tools-version:6.0
// Mirage: a user-mode Linux binary translator. Module map: Documentation/Design.md.
import PackageDescription

// The hot modules (interpreter, engine, guest memory, translators) are compiled without
// dynamic exclusivity checks: they work through raw pointers, and the checks cost a call
// per access in the dispatch loop.
let hot: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

// How mirage is linked decides much of its start-up (a static hello world runs in about 3 ms,
// and the dynamic linker's work is a fixed part of every run): fully static, as the copy
// Scripts/install puts in place for binfmt_misc. No dynamic linker loading and relocating
// libc, libm, libelf and libz, looking up symbols and probing library paths: a static hello
// starts ~0.3 ms sooner than with those shared, and over 1 ms sooner than the PIE with a
// shared libstdc++ that `-static-stdlib` alone gives. The one dlopen, of capstone for -d out_asm,
// works from a static executable as long as the system's glibc is the one linked in; without
// it out_asm prints hex. The linker warns about that dlopen at every link.
let mirageLinkFlags = ["-static-executable"]

let package = Package(
    name: "Mirage",
    products: [
        .executable(name: "mirage", targets: ["mirage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // C shims: the system libelf, and the few host things Swift cannot say.
        .systemLibrary(name: "CLibElf", pkgConfig: "libelf", providers: [.apt(["libelf-dev"])]),
        .target(name: "CHost"),

        // Host and guest memory.
        .target(name: "Host", dependencies: ["CHost", .product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "GuestMemory", dependencies: ["Host"], swiftSettings: hot),
        .target(name: "ELFLoader", dependencies: ["CLibElf", "GuestMemory"]),

        // The IR and its backends.
        .target(name: "IR"),
        .target(name: "IRPasses", dependencies: ["IR"]),
        .target(name: "IRInterpreter", dependencies: ["IR", "CHost"], swiftSettings: hot),
        // The x86-64 code generator: encodings (no IR knowledge) and the IR lowering.
        .target(name: "X64Assembler", exclude: ["Specs"], swiftSettings: hot),
        .target(name: "X64Backend", dependencies: ["IR", "X64Assembler", "IRInterpreter", "CHost"], swiftSettings: hot),
        .target(name: "Engine", dependencies: ["IR", "IRPasses", "IRInterpreter", "X64Backend", "GuestMemory", "Host", "CHost"], swiftSettings: hot),

        // Guests. Each guest's decoders are their own module: generated, large, and rarely
        // changed, so translator edits do not recompile them.
        .target(name: "ARMDecoder", exclude: ["Specs"]),
        .target(name: "GuestARM", dependencies: ["IR", "ARMDecoder", "CHost"], swiftSettings: hot),
        .target(name: "MIPSDecoder", exclude: ["Specs"]),
        .target(name: "GuestMIPS", dependencies: ["IR", "MIPSDecoder", "CHost"], swiftSettings: hot),

        // The Linux personality.
        .target(name: "LinuxABI"),
        .target(name: "LinuxUser", dependencies: ["Host", "GuestMemory", "ELFLoader", "Engine", "LinuxABI", "GuestARM", "GuestMIPS"]),
        // binfmt_misc registration: entries, their file formats, the kernel's interface.
        .target(name: "Binfmt", dependencies: ["LinuxABI"]),
        .executableTarget(name: "mirage", dependencies: ["LinuxUser", "Engine", "Binfmt", "LinuxABI", "CHost"],
                          linkerSettings: [.unsafeFlags(mirageLinkFlags)]),

        // Unit tests, and what they share: external tools and a deterministic generator
        // (TestTools), running guest blocks on both backends (TestBackends).
        .target(name: "TestTools", path: "Tests/TestTools"),
        .target(name: "TestBackends", dependencies: ["IR", "IRInterpreter", "X64Backend", "X64Assembler", "CHost"], path: "Tests/TestBackends"),
        .testTarget(name: "IRTests", dependencies: ["IR", "IRPasses", "IRInterpreter", "TestTools"], exclude: ["Golden"]),
        .testTarget(name: "X64AssemblerTests", dependencies: ["X64Assembler", "TestTools"]),
        .testTarget(name: "X64BackendTests", dependencies: ["X64Backend", "X64Assembler", "IR", "IRInterpreter", "IRPasses", "CHost", "TestTools", "TestBackends"]),
        .testTarget(name: "GuestMemoryTests", dependencies: ["GuestMemory", "Host"]),
        .testTarget(name: "ELFLoaderTests", dependencies: ["ELFLoader", "GuestMemory", "TestTools"]),
        .testTarget(name: "ARMDecoderTests", dependencies: ["ARMDecoder", "TestTools"]),
        .testTarget(name: "GuestARMTests", dependencies: ["GuestARM", "IR", "IRInterpreter", "X64Backend", "X64Assembler", "CHost", "TestTools", "TestBackends"]),
        .testTarget(name: "MIPSDecoderTests", dependencies: ["MIPSDecoder", "TestTools"]),
        .testTarget(name: "GuestMIPSTests", dependencies: ["GuestMIPS", "MIPSDecoder", "IR", "IRInterpreter", "IRPasses", "X64Backend", "X64Assembler", "CHost", "TestTools", "TestBackends"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "IR", "GuestARM", "GuestMIPS", "CHost"]),
        .testTarget(name: "LinuxABITests", dependencies: ["LinuxABI", "TestTools"], exclude: ["Layouts"]),
        .testTarget(name: "BinfmtTests", dependencies: ["Binfmt", "LinuxABI", "TestTools"]),
        .testTarget(name: "LinuxUserTests", dependencies: ["LinuxUser", "LinuxABI", "GuestMemory", "TestTools"]),
    ]
)

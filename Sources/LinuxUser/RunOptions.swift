// LinuxUser: the Linux personality. It starts a guest program (loader, stack, registers),
// runs the per-arch CPU loop over the engine, and implements the guest's system calls on the
// host's: marshalling arguments and structs through LinuxABI, emulating what must look like
// the guest's Linux (uname, /proc/self/exe), and ending the process the way the guest asked.
//
// This file: what the command line decided.

import Engine
import LinuxABI

/// Everything `mirage` passes to a run.
public struct RunOptions: Sendable {
    /// The program as given on the command line, and its arguments (argv[1...]).
    public var program: String
    public var arguments: [String]
    /// argv[0] for the guest (`-0`); the program path when nil.
    public var argv0: String?
    /// The guest's environment, in order.
    public var environment: [String]
    /// The sysroot for the dynamic linker and absolute paths (`-L`).
    public var sysroot: String?
    /// The guest a per-arch name (mirage-arm, ...) asked for; nil picks it from the program.
    public var requiredArch: GuestArch?
    /// The program already open (binfmt_misc's O and C flags pass it as AT_EXECFD).
    public var programDescriptor: Int32?
    /// AT_SECURE for the guest: mirage itself runs with changed credentials (binfmt_misc C
    /// flag on a set-user-ID program).
    public var secure = false
    /// Guest stack size in bytes (`-s`).
    public var stackSize: UInt64 = 8 << 20
    public var log = Log()
    public var engine = EngineOptions()

    public init(program: String, arguments: [String], environment: [String]) {
        self.program = program
        self.arguments = arguments
        self.environment = environment
    }
}

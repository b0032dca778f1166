// How mirage was started: the name it was called by (mirage-arm picks ARM), and what the
// kernel's binfmt_misc told it through the auxiliary vector when it started mirage for a
// foreign program (AT_FLAGS: argv[0] preserved; AT_EXECFD: the program already open;
// AT_SECURE: changed credentials).

import CHost
import Glibc
import LinuxABI

struct Invocation {
    /// The guest a per-arch name asks for (`mirage-arm`, `mirage-mips-static`, ...).
    var requiredArch: GuestArch?
    /// The name without its directory, for messages.
    var name: String
    /// binfmt_misc's P flag: argv is [mirage, program, original argv[0], args...].
    var preservedArgv0 = false
    /// binfmt_misc's O flag: the program open on this descriptor.
    var programDescriptor: Int32?
    var secure = false

    // Auxiliary vector types (linux/auxvec.h).
    private static let atExecFD: UInt = 2
    private static let atFlags: UInt = 8
    private static let atSecure: UInt = 23
    /// AT_FLAGS bit the kernel sets for a P entry (since Linux 5.12).
    private static let preserveArgv0Flag: UInt = 1

    static func current(argv0: String) -> Invocation {
        var invocation = Invocation(argv0: argv0)
        var found: Int32 = 0
        invocation.preservedArgv0 = chost_getauxval(atFlags, &found) & preserveArgv0Flag != 0
        let fd = chost_getauxval(atExecFD, &found)
        if found != 0, fd <= UInt(Int32.max) { invocation.programDescriptor = Int32(fd) }
        invocation.secure = chost_getauxval(atSecure, &found) != 0
        return invocation
    }

    init(argv0: String) {
        // The last non-empty path component ("mirage" for "/usr/bin/mirage", "x" for "x/").
        var path = Substring(argv0)
        while path.count > 1, path.last == "/" { path = path.dropLast() }
        if let slash = path.lastIndex(of: "/"), path.index(after: slash) < path.endIndex {
            path = path[path.index(after: slash)...]
        }
        name = String(path)
        var base = Substring(name)
        if base.hasSuffix("-static") { base = base.dropLast("-static".count) }
        if base.hasPrefix("mirage-") { requiredArch = GuestArch(rawValue: String(base.dropFirst("mirage-".count))) }
    }
}

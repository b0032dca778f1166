// The qemu-user compatible command line: `mirage [options] PROGRAM [ARGS...]`, options in
// qemu's single-dash spelling, environment variables MIRAGE_* (and the QEMU_* names users
// already set). Everything after PROGRAM belongs to the guest.

import Engine
import Glibc
import LinuxABI
import LinuxUser

enum ParseResult {
    case run(RunOptions)
    case binfmt(BinfmtCommand)
    /// Print `text` (to stderr when `toStderr`) and exit with `status`.
    case exit(Int32, String, toStderr: Bool)
}

enum MirageCommandLine {
    static let version = "0.1.0"

    static let usage = """
        usage: mirage [options] PROGRAM [ARGS...]
               mirage -binfmt ACTION [ARCH...]   (set up binfmt_misc; mirage -binfmt -h)
        Runs a Linux program built for ARM (armhf) on this x86-64 host. Called as mirage-ARCH
        (mirage-arm, ...), it runs only that guest's programs.

        Options (qemu-user spellings):
          -h                 print this help and exit
          -version           print the version and exit
          -L DIR             guest sysroot for the dynamic linker and absolute paths   (MIRAGE_LD_PREFIX, QEMU_LD_PREFIX)
          -E VAR=VALUE       set a variable in the guest's environment (repeatable)     (MIRAGE_SET_ENV, QEMU_SET_ENV)
          -U VAR             remove a variable from the guest's environment (repeatable) (MIRAGE_UNSET_ENV, QEMU_UNSET_ENV)
          -0 ARGV0           the guest's argv[0] (default: PROGRAM)                     (MIRAGE_ARGV0, QEMU_ARGV0)
          -s SIZE            guest stack size, e.g. 8M (default 8M)                     (MIRAGE_STACK_SIZE, QEMU_STACK_SIZE)
          -cpu MODEL         guest CPU model (accepted: any, cortex-a15, max)
          -d ITEMS           log items, comma-separated; -d help lists them            (MIRAGE_LOG, QEMU_LOG)
          -D FILE            write the log to FILE instead of stderr                     (MIRAGE_LOG_FILENAME, QEMU_LOG_FILENAME)
          -strace            log every system call                                      (MIRAGE_STRACE, QEMU_STRACE)
          -backend NAME      how translated code runs: jit (default) or interp           (MIRAGE_BACKEND)
                             (the JIT interprets a block until it has run 16 times, MIRAGE_JIT_THRESHOLD=N,
                             for a run's first 2048 blocks, MIRAGE_FIRST_TIER_BLOCKS=N)

        The exit status is the guest's; a guest killed by a signal kills mirage with the same signal.
        """

    /// Parses `args` (without argv[0]) with the host environment `environment` ("NAME=value"
    /// entries, as in environ), for a mirage started as `invocation` says.
    static func parse(_ args: [String], environment: [String], invocation: Invocation = Invocation(argv0: "mirage")) -> ParseResult {
        // Only MIRAGE_* and QEMU_* entries can set options: picked out once, looked up below.
        let settings = environment.filter { $0.utf8.starts(with: "MIRAGE_".utf8) || $0.utf8.starts(with: "QEMU_".utf8) }
        func lookUp(_ name: String) -> String? {
            for entry in settings {
                let bytes = entry.utf8
                guard bytes.count > name.utf8.count, bytes.starts(with: name.utf8) else { continue }
                let equals = bytes.index(bytes.startIndex, offsetBy: name.utf8.count)
                if bytes[equals] == UInt8(ascii: "=") { return String(Substring(bytes[bytes.index(after: equals)...])) }
            }
            return nil
        }
        func env(_ name: String) -> String? { lookUp("MIRAGE_" + name) ?? lookUp("QEMU_" + name) }
        var sysroot = env("LD_PREFIX")
        var sets: [String] = env("SET_ENV").map { $0.split(separator: ",").map(String.init) } ?? []
        var unsets: [String] = env("UNSET_ENV").map { $0.split(separator: ",").map(String.init) } ?? []
        var argv0 = env("ARGV0")
        var stackSize: UInt64 = 8 << 20
        var logItems: LogItems = []
        var logFile = env("LOG_FILENAME")
        var backend = lookUp("MIRAGE_BACKEND") ?? "jit"
        if let s = env("STACK_SIZE") {
            guard let v = parseSize(s) else { return .exit(1, "mirage: bad stack size '\(s)' in the environment", toStderr: true) }
            stackSize = v
        }
        if let d = env("LOG") {
            let (items, bad) = LogItems.parse(d)
            guard let items else { return .exit(1, "mirage: unknown log item '\(bad ?? "")' in the environment; -d help lists them", toStderr: true) }
            logItems = items
        }
        if env("STRACE") != nil { logItems.insert(.strace) }

        var i = 0
        // Started by binfmt_misc with the P flag: [program, its original argv[0], args...],
        // no options (the kernel passes none).
        let preserved = invocation.preservedArgv0 && args.count >= 2
        if preserved { argv0 = args[1] }
        func value(_ option: String) -> String? {
            i += 1
            return i < args.count ? args[i] : nil
        }
        while !preserved && i < args.count {
            let a = args[i]
            guard a.hasPrefix("-"), a != "-" else { break }
            // qemu accepts --option as well as -option.
            let option = a.hasPrefix("--") ? String(a.dropFirst()) : a
            switch option {
            case "-h", "-help":
                return .exit(0, usage, toStderr: false)
            case "-version":
                let guests = GuestSelection.runnable.map(\.rawValue).joined(separator: ", ")
                return .exit(0, "mirage version \(version) (user mode; guests: \(guests))", toStderr: false)
            case "-binfmt":
                return BinfmtCommand.parse(args[(i + 1)...])
            case "-L", "-E", "-U", "-0", "-s", "-d", "-D", "-cpu", "-backend":
                guard let v = value(option) else { return .exit(1, "mirage: option \(option) needs a value; see mirage -h", toStderr: true) }
                switch option {
                case "-L": sysroot = v
                case "-E": sets.append(v)
                case "-U": unsets.append(v)
                case "-0": argv0 = v
                case "-s":
                    guard let s = parseSize(v) else { return .exit(1, "mirage: bad stack size '\(v)'; use a number with an optional k, M or G suffix", toStderr: true) }
                    stackSize = s
                case "-d":
                    if v == "help" {
                        let lines = LogItems.names.map { "  \($0.0.padding(12))\($0.2)" }
                        return .exit(0, "Log items (-d item,item,...):\n" + lines.joined(separator: "\n"), toStderr: false)
                    }
                    let (items, bad) = LogItems.parse(v)
                    guard let items else { return .exit(1, "mirage: unknown log item '\(bad ?? "")'; -d help lists them", toStderr: true) }
                    logItems.formUnion(items)
                case "-D": logFile = v
                case "-cpu":
                    if v == "help" { return .exit(0, "Available CPUs:\n  cortex-a15 (default)\n  any\n  max", toStderr: false) }
                    guard ["any", "max", "cortex-a15"].contains(v) else {
                        return .exit(1, "mirage: unknown CPU model '\(v)'; -cpu help lists them", toStderr: true)
                    }
                default:
                    backend = v
                }
            case "-strace":
                logItems.insert(.strace)
            default:
                return .exit(1, "mirage: unknown option '\(a)'; see mirage -h", toStderr: true)
            }
            i += 1
        }
        guard preserved || i < args.count else { return .exit(1, "mirage: no program given\n" + usage, toStderr: true) }
        let program = preserved ? args[0] : args[i]
        let arguments = Array(args[(preserved ? 2 : i + 1)...])

        guard let chosenBackend = Backend(rawValue: backend) else {
            return .exit(1, "mirage: unknown backend '\(backend)'; available: jit, interp", toStderr: true)
        }

        // An entry without "=" reaches the guest as "NAME=".
        var guestEnvironment = environment.map { $0.utf8.contains(UInt8(ascii: "=")) ? $0 : $0 + "=" }
        for set in sets {
            let name = set.split(separator: "=", maxSplits: 1).first.map(String.init) ?? set
            guestEnvironment.removeAll { $0.hasPrefix(name + "=") }
            guestEnvironment.append(set)
        }
        for name in unsets { guestEnvironment.removeAll { $0.hasPrefix(name + "=") || $0 == name } }

        var options = RunOptions(program: program, arguments: arguments, environment: guestEnvironment)
        options.argv0 = argv0
        options.requiredArch = invocation.requiredArch
        options.programDescriptor = invocation.programDescriptor
        options.secure = invocation.secure
        options.sysroot = sysroot
        options.stackSize = stackSize
        options.engine.backend = chosenBackend
        options.engine.jitThreshold = EngineOptions.defaultJITThreshold
        if let threshold = lookUp("MIRAGE_JIT_THRESHOLD") {
            guard let n = Int(threshold), n >= 0 else {
                return .exit(1, "mirage: bad MIRAGE_JIT_THRESHOLD '\(threshold)'; use a count (0 compiles every block at once)", toStderr: true)
            }
            options.engine.jitThreshold = n
        }
        if let blocks = lookUp("MIRAGE_FIRST_TIER_BLOCKS"), let n = Int(blocks), n >= 0 { options.engine.firstTierBlocks = n }
        if let offset = lookUp("MIRAGE_JIT_CODE_OFFSET"), let n = Int(offset), n >= 0 { options.engine.codeOffset = min(n, 1 << 20) }
        var log = Log(items: logItems, fd: 2)
        if let logFile {
            let fd = open(logFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return .exit(1, "mirage: cannot open log file \(logFile): \(String(cString: strerror(errno)))", toStderr: true) }
            // Keep the log out of the guest's way: far above the descriptors it will use.
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 900)
            if high >= 0 { close(fd) }
            log.fd = high >= 0 ? high : fd
        }
        options.log = log
        return .run(options)
    }

    /// "8M", "512k", "1G", "65536".
    static func parseSize(_ s: String) -> UInt64? {
        var digits = s
        var scale: UInt64 = 1
        switch s.last {
        case "k", "K": scale = 1 << 10; digits.removeLast()
        case "m", "M": scale = 1 << 20; digits.removeLast()
        case "g", "G": scale = 1 << 30; digits.removeLast()
        default: break
        }
        guard let n = UInt64(digits), n > 0, n.multipliedReportingOverflow(by: scale).overflow == false else { return nil }
        return n * scale
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}

/// The host environment: environ's "NAME=value" entries, in order.
func hostEnvironment() -> [String] {
    var entries: [String] = []
    var p = environ
    while let entry = p.pointee {
        entries.append(String(cString: entry))
        p += 1
    }
    return entries
}

// One registration: a target, the interpreter the kernel starts, and the flags; written in
// the three forms users install: the kernel's register string (also systemd-binfmt's
// /etc/binfmt.d line) and a Debian update-binfmts format file.

public struct BinfmtEntry: Sendable, Equatable {
    public var target: BinfmtTarget
    /// The absolute path the kernel runs, with the program's path as its first argument.
    public var interpreter: String
    public var flags: BinfmtFlags
    /// The entry's name under /proc/sys/fs/binfmt_misc.
    public var name: String

    public init(target: BinfmtTarget, interpreter: String, flags: BinfmtFlags, name: String? = nil) {
        self.target = target
        self.interpreter = interpreter
        self.flags = flags
        self.name = name ?? target.name
    }

    /// `:name:M::magic:mask:interpreter:flags`. Every magic and mask byte is written as \xHH,
    /// so no byte can be the ':' separator or end the string early (the kernel stops at NUL).
    public var registerLine: String {
        ":\(name):M::\(Self.escaped(target.magic)):\(Self.escaped(target.mask)):\(interpreter):\(flags.letters)"
    }

    /// A systemd-binfmt file (/etc/binfmt.d/NAME.conf): comment lines and the register line.
    public var systemdFile: String {
        "# \(name): run \(target.arch.rawValue) Linux programs with Mirage (written by mirage -binfmt)\n\(registerLine)\n"
    }

    /// A binfmt-support format file (/usr/share/binfmts/NAME) for `update-binfmts --import`.
    /// That format has no field for O alone; credentials (C) implies it.
    public var debianFile: String {
        var lines = [
            "package mirage",
            "interpreter \(interpreter)",
            "magic \(Self.escaped(target.magic))",
            "mask \(Self.escaped(target.mask))",
            "offset 0",
        ]
        if flags.contains(.credentials) { lines.append("credentials yes") }
        if flags.contains(.preserveArgv0) { lines.append("preserve yes") }
        if flags.contains(.fixBinary) { lines.append("fix_binary yes") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escaped(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for b in bytes { s += "\\x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)]) }
        return s
    }
}

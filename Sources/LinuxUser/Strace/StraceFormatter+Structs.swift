// Structures strace decodes inline: {st_mode=S_IFREG|0644, st_size=..., ...}, timespecs,
// signal sets [INT TERM], sigactions, iovec arrays, utsname, wait statuses, string arrays.
// Each reads guest memory through the checked accessors and falls back to the pointer.

import GuestMemory
import LinuxABI

extension StraceFormatter {
    func timespec(at address: UInt64, wide: Bool) -> String {
        if address == 0 { return "NULL" }
        return withStruct(wide ? .kernelTimespec : .timespec, at: address) { r in
            guard let s = r.getSigned("tv_sec"), let n = r.getSigned("tv_nsec") else { return nil }
            return "{tv_sec=\(s), tv_nsec=\(wide ? n : Int64(Int32(truncatingIfNeeded: n)))}"
        } ?? pointer(address)
    }

    func timeval(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        return withStruct(.timeval, at: address) { r in
            guard let s = r.getSigned("tv_sec"), let u = r.getSigned("tv_usec") else { return nil }
            return "{tv_sec=\(s), tv_usec=\(u)}"
        } ?? pointer(address)
    }

    /// Two timevals: {it_interval={...}, it_value={...}}.
    func itimerval(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        guard let size = abi.layouts[.timeval]?.size, space.read(at: GuestAddress(address), count: 2 * size) != nil else {
            return pointer(address)
        }
        return "{it_interval=\(timeval(at: address)), it_value=\(timeval(at: address &+ UInt64(size)))}"
    }

    func signalStack(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        return withStruct(.stack, at: address) { r in
            guard let sp = r.get("ss_sp"), let flags = r.get("ss_flags"), let size = r.get("ss_size") else { return nil }
            return "{ss_sp=\(pointer(sp)), ss_flags=\(Self.flags(flags & wordMask, StraceFlags.sigaltstack.table(abi))), ss_size=\(size)}"
        } ?? pointer(address)
    }

    /// st_mode as strace shows it: the file type, the set-id and sticky bits, the permissions.
    static func fileMode(_ mode: UInt64) -> String {
        let types: [(UInt64, String)] = [(0o140000, "S_IFSOCK"), (0o120000, "S_IFLNK"), (0o100000, "S_IFREG"), (0o060000, "S_IFBLK"),
                                         (0o040000, "S_IFDIR"), (0o020000, "S_IFCHR"), (0o010000, "S_IFIFO")]
        var parts: [String] = []
        if let type = types.first(where: { $0.0 == mode & 0o170000 }) { parts.append(type.1) }
        else if mode & 0o170000 != 0 { parts.append("0" + String(mode & 0o170000, radix: 8)) }
        if mode & 0o4000 != 0 { parts.append("S_ISUID") }
        if mode & 0o2000 != 0 { parts.append("S_ISGID") }
        if mode & 0o1000 != 0 { parts.append("S_ISVTX") }
        parts.append(octal(mode & 0o777))
        return parts.joined(separator: "|")
    }

    /// The size, or for a device its numbers (strace's makedev(major, minor)).
    private func sizeOrDevice(mode: UInt64, size: Int64, major: UInt64, minor: UInt64, prefix: String) -> String {
        let type = mode & 0o170000
        if type == 0o020000 || type == 0o060000 { return "\(prefix)rdev=makedev(\(hex(major)), \(hex(minor)))" }
        return "\(prefix)size=\(size)"
    }

    func stat64(at address: UInt64) -> String {
        withStruct(.stat64, at: address) { r in
            guard let mode = r.get("st_mode"), let size = r.getSigned("st_size"), let rdev = r.get("st_rdev") else { return nil }
            let major = (rdev >> 8) & 0xfff | (rdev >> 32) & 0xffff_f000, minor = rdev & 0xff | (rdev >> 12) & 0xffff_ff00
            return "{st_mode=\(Self.fileMode(mode)), \(sizeOrDevice(mode: mode, size: size, major: major, minor: minor, prefix: "st_")), ...}"
        } ?? pointer(address)
    }

    func statx(at address: UInt64) -> String {
        withStruct(.statx, at: address) { r in
            guard let mask = r.get("stx_mask"), let attributes = r.get("stx_attributes"), let mode = r.get("stx_mode"),
                  let size = r.getSigned("stx_size") else { return nil }
            let device = sizeOrDevice(mode: mode, size: size, major: r.get("stx_rdev_major") ?? 0, minor: r.get("stx_rdev_minor") ?? 0,
                                      prefix: "stx_")
            return "{stx_mask=\(Self.flags(mask, StraceFlags.statxMask.table(abi))), stx_attributes=\(hex(attributes)), "
                + "stx_mode=\(Self.fileMode(mode)), \(device), ...}"
        } ?? pointer(address)
    }

    func utsname(at address: UInt64) -> String {
        withStruct(.utsname, at: address) { r in
            func field(_ name: StaticString) -> String {
                guard let bytes = r.bytes(name) else { return "\"\"" }
                return Self.quote(bytes.prefix { $0 != 0 }, more: false)
            }
            return "{sysname=\(field("sysname")), nodename=\(field("nodename")), ...}"
        } ?? pointer(address)
    }

    /// A signal set: [INT TERM], or ~[...] naming the signals not in it when most are.
    func signalSet(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        guard let set = withStruct(.sigset, at: address, { GuestSignalSet($0, field: "sig") }) else { return pointer(address) }
        return signalSetText(set)
    }

    /// The set's signals by name, out of the guest's signals (64 on ARM, 128 on MIPS).
    func signalSetText(_ set: GuestSignalSet) -> String {
        let count = Int(max(abi.signals.guestRealtime.upperBound, 64))
        let all: UInt128 = count >= 128 ? .max : (1 << UInt128(count)) - 1
        let inverted = (set.bits & all).nonzeroBitCount * 2 > count
        let shown = inverted ? ~set.bits & all : set.bits & all
        var names: [String] = []
        for bit in 0..<count where shown >> UInt128(bit) & 1 != 0 {
            let name = signalName(UInt64(bit + 1))
            names.append(name.hasPrefix("SIG") ? String(name.dropFirst(3)) : name)
        }
        return (inverted ? "~[" : "[") + names.joined(separator: " ") + "]"
    }

    func sigaction(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        return withStruct(.sigaction, at: address) { r in
            guard let handler = r.get("sa_handler"), let flags = r.get("sa_flags"),
                  let mask = GuestSignalSet(r, field: "sa_mask.sig") else { return nil }
            let handlerText = handler == 0 ? "SIG_DFL" : handler == 1 ? "SIG_IGN" : pointer(handler)
            var text = "{sa_handler=\(handlerText), sa_mask=\(signalSetText(mask)), sa_flags=\(Self.flags(flags, StraceFlags.sigaction.table(abi)))"
            let restorer = StraceTable(abi.sigactionFlags).value("SA_RESTORER")
            if restorer != 0 && flags & restorer != 0 { text += ", sa_restorer=\(pointer(r.get("sa_restorer") ?? 0))" }
            return text + "}"
        } ?? pointer(address)
    }

    /// [{iov_base="...", iov_len=N}, ...]; `total` caps the bytes shown for calls that
    /// filled the buffers (readv: its result).
    func iovecs(at address: UInt64, count: UInt64, total: UInt64?) -> String {
        guard let layout = abi.layouts[.iovec] else { return pointer(address) }
        var items: [String] = []
        var remaining = total ?? .max
        for i in 0..<min(count, UInt64(stringLimit)) {
            guard let (base, length) = withStruct(.iovec, at: address &+ i &* UInt64(layout.size), { r -> (UInt64, UInt64)? in
                guard let b = r.get("iov_base"), let l = r.get("iov_len") else { return nil }
                return (b, l)
            }) else { return pointer(address) }
            let shown = min(length, remaining)
            remaining -= shown
            items.append("{iov_base=\(buffer(base, count: shown)), iov_len=\(length)}")
        }
        if count > UInt64(stringLimit) { items.append("...") }
        return "[" + items.joined(separator: ", ") + "]"
    }

    func intArray(at address: UInt64, count: Int) -> String {
        var items: [String] = []
        for i in 0..<count {
            guard let v = space.load(UInt32.self, at: GuestAddress(address &+ UInt64(i * 4)), bigEndian: bigEndian) else { return pointer(address) }
            items.append(String(Int32(bitPattern: v)))
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// wait4's status as strace spells it.
    func waitStatus(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        guard let s = space.load(UInt32.self, at: GuestAddress(address), bigEndian: bigEndian) else { return pointer(address) }
        let low = s & 0x7f
        let text: String
        if s & 0xffff == 0xffff {
            text = "WIFCONTINUED(s)"
        } else if s & 0xff == 0x7f {
            text = "WIFSTOPPED(s) && WSTOPSIG(s) == \(signalName(UInt64(s >> 8 & 0xff)))"
        } else if low == 0 {
            text = "WIFEXITED(s) && WEXITSTATUS(s) == \(s >> 8 & 0xff)"
        } else {
            text = "WIFSIGNALED(s) && WTERMSIG(s) == \(signalName(UInt64(low)))" + (s & 0x80 != 0 ? " && WCOREDUMP(s)" : "")
        }
        return "[{\(text)}]"
    }

    /// waitid's report as strace spells it: the six fields the kernel writes (signo, errno and
    /// code in the guest's order, then pid, uid and status).
    func childInfo(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        // Only the header and the union's first three words need be readable: the kernel
        // writes no further; the rest reads as zeros.
        guard let layout = abi.layouts[.siginfo], let union = layout.field(named: "_sifields"),
              var bytes = space.read(at: GuestAddress(address), count: union.offset + 12)
        else { return pointer(address) }
        bytes += [UInt8](repeating: 0, count: max(0, layout.size - bytes.count))
        let fields: (signo: Int64, code: Int64, words: [UInt32])? = bytes.withUnsafeBytes { raw in
            guard let r = StructReader(layout, byteOrder: abi.byteOrder, from: raw), let signo = r.getSigned("si_signo"),
                  let code = r.getSigned("si_code") else { return nil }
            return (signo, code, (0..<3).map { UInt32(truncatingIfNeeded: r.get(union, index: $0) ?? 0) })
        }
        guard let fields else { return pointer(address) }
        if fields.signo == 0 { return "{}" }
        let code = abi.translateSignalCode(Int32(truncatingIfNeeded: fields.code))
        let info = GuestSignalInfo(signal: Int32(truncatingIfNeeded: fields.signo), code: code)
        let name = signalName(UInt64(bitPattern: fields.signo))
        let words = fields.words
        let status = code == WaitID.childExited ? String(Int32(bitPattern: words[2])) : signalName(UInt64(words[2]))
        return "{si_signo=\(name), si_code=\(Strace.codeName(info, signalName: name)), si_pid=\(words[0]), "
            + "si_uid=\(words[1]), si_status=\(status)}"
    }

    /// getdents64's buffer as a count of records.
    func dirents(at address: UInt64, length: UInt64) -> String {
        var offset: UInt64 = 0, records = 0
        while offset + 19 <= length {
            guard let reclen = space.load(UInt16.self, at: GuestAddress(address &+ offset &+ 16), bigEndian: bigEndian), reclen > 0
            else { break }
            records += 1
            offset += UInt64(reclen)
        }
        return "\(pointer(address)) /* \(records) entries */"
    }

    /// ["a", "b"] (at most the string limit of elements), or the pointer.
    func stringArray(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        var items: [String] = []
        var p = address
        while true {
            guard let element = word(at: p) else { return pointer(address) }
            if element == 0 { break }
            if items.count == stringLimit { items.append("..."); break }
            items.append(cString(element))
            p &+= UInt64(abi.wordSize)
        }
        return "[" + items.joined(separator: ", ") + "]"
    }

    /// execve's envp: 0x... /* N vars */.
    func environment(at address: UInt64) -> String {
        if address == 0 { return "NULL" }
        var count = 0
        var p = address
        while let element = word(at: p), element != 0, count < 1 << 16 {
            count += 1
            p &+= UInt64(abi.wordSize)
        }
        return "\(pointer(address)) /* \(count) var\(count == 1 ? "" : "s") */"
    }
}

// Formats one system call the way strace(1) prints it: `name(arg, ...) = result`, padded so
// that `= ` follows the first 40 columns (strace's -a 40), strings quoted and escaped as strace escapes them and cut at
// 32 bytes with `...` after the quote, flags symbolic, failures as `-1 ENAME (message)`.
// Guest memory is read only through checked accessors: an unreadable pointer prints as hex.

import Glibc
import GuestMemory
import LinuxABI

struct StraceFormatter {
    let space: GuestAddressSpace
    let abi: GuestABI
    /// strace's -s: bytes of a string or buffer shown before `...`.
    var stringLimit = 32
    /// The columns before `= result` on a short line (strace's -a).
    static let resultColumn = 40

    var bigEndian: Bool { abi.byteOrder == .big }
    var wordMask: UInt64 { abi.wordSize == 4 ? 0xffff_ffff : .max }

    /// One call, after it returned (`result`) or before a call that does not return (nil).
    /// `prefix` (the pid) counts towards the column, as strace's does.
    func line(prefix: String, name: String, signature: StraceSignature?, registers: [UInt64], result: Int64?,
              wideTime: Bool = false, secondResult: UInt64? = nil) -> String {
        let call = StraceCall(formatter: self, registers: registers, result: result, wideTime: wideTime, secondResult: secondResult)
        let arguments = signature.map { call.arguments($0.arguments) }
            ?? registers.prefix(6).map { hex($0 & wordMask) }
        var text = prefix + name + "(" + arguments.joined(separator: ", ") + ")"
        let width = text.utf8.count
        text += width < Self.resultColumn - 1 ? String(repeating: " ", count: Self.resultColumn - 1 - width) + " = " : " = "
        return text + resultText(result, signature?.result ?? .int, call: call, name: name)
    }

    func resultText(_ result: Int64?, _ kind: StraceResult, call: StraceCall, name: String) -> String {
        guard let result, kind != .none else { return "?" }
        if let error = errorText(result) { return error }
        switch kind {
        case .pointer: return hex(UInt64(bitPattern: result) & wordMask)
        case .mode: return mode(UInt64(bitPattern: result))
        case .int, .none:
            // fcntl's flag results are hex with their names, as strace shows them.
            let detail = call.resultDetail(name: name, result: result)
            return detail.isEmpty ? String(result) : hex(UInt64(result)) + detail
        }
    }

    /// `-1 ENOENT (No such file or directory)` for a failure result, nil for a success. The
    /// kernel-internal restart codes (a signal came during the call; the CPU loop restarts it
    /// or turns it into EINTR) are `? ERESTARTSYS (...)`, as strace shows them.
    func errorText(_ result: Int64) -> String? {
        guard result < 0 && result >= -4095 else { return nil }
        let guest = UInt32(-result)
        if let restart = Self.restartCodes[guest] { return "? " + restart }
        guard let entry = abi.errnos.entry(guest: guest) else { return "-1 \(guest)" }
        let message = strerror(Int32(bitPattern: entry.host)).map { String(cString: $0) } ?? "Unknown error \(guest)"
        return "-1 \(entry.name) (\(message))"
    }

    static let restartCodes: [UInt32: String] = [
        512: "ERESTARTSYS (To be restarted if SA_RESTART is set)", 513: "ERESTARTNOINTR (To be restarted)",
        514: "ERESTARTNOHAND (To be restarted if no handler)", 516: "ERESTART_RESTARTBLOCK (Interrupted by signal)",
    ]

    // MARK: Values

    func hex(_ value: UInt64) -> String { value == 0 ? "0" : "0x" + String(value, radix: 16) }
    func pointer(_ value: UInt64) -> String { value == 0 ? "NULL" : "0x" + String(value & wordMask, radix: 16) }
    func signed(_ value: UInt64) -> Int64 {
        abi.wordSize == 4 ? Int64(Int32(truncatingIfNeeded: value)) : Int64(bitPattern: value)
    }

    /// An octal mode as strace's %#03o: 0644, 000, 007.
    func mode(_ value: UInt64) -> String { Self.octal(value) }

    static func octal(_ value: UInt64) -> String {
        let digits = String(value, radix: 8)
        let text = value == 0 ? "0" : "0" + digits
        return text.count < 3 ? String(repeating: "0", count: 3 - text.count) + text : text
    }

    /// Symbolic flags: rows covering several bits first (MAP_SHARED_VALIDATE), then single
    /// bits in table order; leftover bits as hex; 0 as the table's zero name or "0".
    static func flags(_ value: UInt64, _ table: StraceTable) -> String {
        if value == 0 { return table.zero ?? "0" }
        var remaining = value
        var parts: [String] = []
        let ordered = table.rows.enumerated().sorted {
            let (a, b) = ($0.element.value.nonzeroBitCount, $1.element.value.nonzeroBitCount)
            return a != b ? a > b : $0.offset < $1.offset
        }
        var chosen: [(Int, String)] = []
        for (index, row) in ordered where row.value != 0 && remaining & row.value == row.value {
            chosen.append((index, row.name))
            remaining &= ~row.value
        }
        parts = chosen.sorted { $0.0 < $1.0 }.map(\.1)
        if remaining != 0 { parts.append("0x" + String(remaining, radix: 16)) }
        return parts.joined(separator: "|")
    }

    static func constant(_ value: UInt64, _ table: StraceTable) -> String {
        table.rows.first { $0.value == value }?.name ?? String(value)
    }

    /// open(2)'s flags: the access mode, then the other flags; O_SYNC and O_TMPFILE are the
    /// kernel's two-bit combinations.
    func openFlags(_ value: UInt64) -> String {
        let table = StraceTable(abi.openFlags)
        let access = ["O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"][Int(value & 3)]
        var rows = table.rows.filter { $0.name != "O_WRONLY" && $0.name != "O_RDWR" }
        rows.insert((name: "O_SYNC", value: table.value("__O_SYNC") | table.value("O_DSYNC")), at: 0)
        rows.insert((name: "O_TMPFILE", value: table.value("__O_TMPFILE") | table.value("O_DIRECTORY")), at: 0)
        let rest = value & ~3
        guard rest != 0 else { return access }
        return access + "|" + Self.flags(rest, StraceTable(rows.map { ($0.name, $0.value) }))
    }

    /// A guest signal's name: SIGINT, SIGRTMIN, SIGRT_3, or the number.
    func signalName(_ value: UInt64) -> String {
        let number = Int32(truncatingIfNeeded: value)
        if let entry = abi.signals.named.entry(guest: UInt32(bitPattern: number)), number > 0 { return entry.name.description }
        let realtime = abi.signals.guestRealtime
        if realtime.contains(number) { return number == realtime.lowerBound ? "SIGRTMIN" : "SIGRT_\(number - realtime.lowerBound)" }
        return String(number)
    }

    // MARK: Strings

    /// A quoted string as strace writes it: \t \n \v \f \r \" \\ escaped, other bytes outside
    /// printable ASCII in octal (three digits when an octal digit follows, so it cannot be
    /// misread), and `...` after the quote when there was more.
    static func quote(_ bytes: some Collection<UInt8>, more: Bool) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        let array = Array(bytes)
        for (i, c) in array.enumerated() {
            switch c {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x0a: out += Array("\\n".utf8)
            case 0x0b: out += Array("\\v".utf8)
            case 0x0c: out += Array("\\f".utf8)
            case 0x0d: out += Array("\\r".utf8)
            case 0x20...0x7e: out.append(c)
            default:
                out.append(UInt8(ascii: "\\"))
                let nextIsOctal = i + 1 < array.count && array[i + 1] >= UInt8(ascii: "0") && array[i + 1] <= UInt8(ascii: "7")
                if nextIsOctal || c >> 6 != 0 { out.append(UInt8(ascii: "0") + (c >> 6)) }
                if nextIsOctal || c >> 3 != 0 { out.append(UInt8(ascii: "0") + ((c >> 3) & 7)) }
                out.append(UInt8(ascii: "0") + (c & 7))
            }
        }
        out.append(UInt8(ascii: "\""))
        if more { out += Array("...".utf8) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `count` bytes at `address`, shortened to the limit; the pointer when unreadable.
    func buffer(_ address: UInt64, count: UInt64) -> String {
        let shown = min(count, UInt64(stringLimit))
        guard let bytes = space.read(at: GuestAddress(address), count: Int(shown)) else { return pointer(address) }
        return Self.quote(bytes, more: count > shown)
    }

    /// A NUL-terminated string, shortened to the limit unless `whole` (paths).
    func cString(_ address: UInt64, whole: Bool = false) -> String {
        if address == 0 { return "NULL" }
        let limit = whole ? 4096 : stringLimit
        guard let bytes = space.readCString(at: GuestAddress(address), maxLength: limit + 1) else { return pointer(address) }
        return Self.quote(bytes.prefix(limit), more: bytes.count > limit)
    }

    /// A guest word (pointer-sized) at `address`.
    func word(at address: UInt64) -> UInt64? {
        abi.wordSize == 4 ? space.load(UInt32.self, at: GuestAddress(address), bigEndian: bigEndian).map(UInt64.init)
            : space.load(UInt64.self, at: GuestAddress(address), bigEndian: bigEndian)
    }

    /// The struct of `kind` at `address`, for `read`.
    func withStruct<T>(_ kind: StructKind, at address: UInt64, _ read: (StructReader) -> T?) -> T? {
        guard let layout = abi.layouts[kind], let bytes = space.read(at: GuestAddress(address), count: layout.size) else { return nil }
        return bytes.withUnsafeBytes { raw in
            StructReader(layout, byteOrder: abi.byteOrder, from: raw).flatMap(read)
        }
    }
}

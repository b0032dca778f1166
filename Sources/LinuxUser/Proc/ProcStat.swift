// /proc/self/stat: the host kernel's line for this process (or thread), with the fields that
// describe the address space and the signal dispositions replaced by the guest's. The
// scheduling, timing and id fields are the host's, which are the guest's: it is the same
// process. proc(5) numbers the fields from 1 (pid) and 2 (comm, in parentheses, which may
// itself contain spaces and parentheses: the fields after it start after the last ')').

enum ProcStat {
    /// proc(5) field numbers.
    enum Field: Int {
        case vsize = 23, rsslim = 25, startCode = 26, endCode = 27, startStack = 28
        case blocked = 32, sigignore = 33, sigcatch = 34
        case startData = 45, endData = 46, startBrk = 47, argStart = 48, argEnd = 49, envStart = 50, envEnd = 51
    }

    /// `host` with each field in `replacements` set to its value (decimal); nil when `host`
    /// is not a stat line. Fields the line lacks (an older host kernel) are left out.
    static func rewrite(_ host: String, _ replacements: [Field: UInt64]) -> String? {
        let bytes = Array(host.utf8)
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let head = bytes[...close]
        var body = bytes[(close + 1)...]
        while body.last == UInt8(ascii: "\n") { body.removeLast() }
        var fields = body.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true).map { Array($0) }
        for (field, value) in replacements {
            let index = field.rawValue - 3  // the first field after comm is number 3 (state)
            if index >= 0 && index < fields.count { fields[index] = Array(String(value).utf8) }
        }
        var line = Array(head)
        for field in fields {
            line.append(UInt8(ascii: " "))
            line += field
        }
        line.append(UInt8(ascii: "\n"))
        return String(decoding: line, as: UTF8.self)
    }

    /// A 64-bit host limit ("unlimited" is all ones) as a 32-bit kernel's unsigned long shows it.
    static func clamp(_ value: UInt64, pointerSize: Int) -> UInt64 {
        pointerSize == 4 ? min(value, UInt64(UInt32.max)) : value
    }

    /// Field `field` of a stat line, as a number.
    static func value(_ line: String, _ field: Field) -> UInt64? {
        let bytes = Array(line.utf8)
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") })
        let index = field.rawValue - 3
        guard index >= 0 && index < fields.count else { return nil }
        return UInt64(String(decoding: fields[index], as: UTF8.self))
    }
}

// One call being formatted: which registers each argument of the signature takes, and the
// text of each argument (out-parameters only after a success, as strace shows them).

import LinuxABI

struct StraceCall {
    let formatter: StraceFormatter
    let registers: [UInt64]
    let result: Int64?
    /// futex_time64 and friends: their timespecs have 64-bit time.
    let wideTime: Bool
    /// The second result of a call that returns two in registers (MIPS o32's pipe).
    var secondResult: UInt64? = nil

    var succeeded: Bool { result.map { !($0 < 0 && $0 >= -4095) } ?? false }
    var abi: GuestABI { formatter.abi }

    func register(_ i: Int) -> UInt64 { i < registers.count ? registers[i] & formatter.wordMask : 0 }

    /// Each argument's value: one register, or two for the 64-bit kinds. Returns the values
    /// and the first register of each argument.
    func values(_ kinds: [StraceArgument]) -> [(value: UInt64, register: Int)] {
        var result: [(value: UInt64, register: Int)] = []
        var r = 0
        for kind in kinds {
            switch kind {
            case .offset64:
                if abi.syscallConvention.alignsRegisterPairs && r % 2 == 1 { r += 1 }
                let (a, b) = (register(r), register(r + 1))
                result.append((formatter.bigEndian ? a << 32 | b : b << 32 | a, r))
                r += 2
            case .offsetHighLow:
                result.append((register(r) << 32 | register(r + 1), r))
                r += 2
            default:
                result.append((register(r), r))
                r += 1
            }
        }
        return result
    }

    func arguments(_ kinds: [StraceArgument]) -> [String] {
        let values = values(kinds)
        var texts: [String] = []
        for (i, kind) in kinds.enumerated() {
            if let text = argument(kind, values[i].value, register: values[i].register, values: values) { texts.append(text) }
        }
        return texts
    }

    /// The text of one argument; nil leaves it out (open's mode without O_CREAT).
    func argument(_ kind: StraceArgument, _ v: UInt64, register: Int, values: [(value: UInt64, register: Int)]) -> String? {
        let f = formatter
        switch kind {
        case .int: return String(f.signed(v))
        case .unsigned: return String(v)
        case .hex: return f.hex(v)
        case .pointer: return f.pointer(v)
        case .fd: return String(Int32(truncatingIfNeeded: v))
        case .dirfd: return Int32(truncatingIfNeeded: v) == abi.atFDCWD ? "AT_FDCWD" : String(Int32(truncatingIfNeeded: v))
        case .path: return f.cString(v, whole: true)
        case .string: return f.cString(v)
        case .bytesIn(let count): return f.buffer(v, count: values[count].value)
        case .bytesOut:
            guard succeeded, let result, result >= 0 else { return f.pointer(v) }
            return f.buffer(v, count: UInt64(result))
        case .pathOut: return succeeded ? f.cString(v, whole: true) : f.pointer(v)
        case .flags(let set):
            if case .socketType = set {
                // The type's own numbers (MIPS swaps SOCK_STREAM and SOCK_DGRAM).
                let types = abi.sockets.map { StraceTable($0.types) } ?? StraceTable([])
                let type = StraceFormatter.constant(v & 0xf, types)
                return v & ~0xf == 0 ? type : type + "|" + StraceFormatter.flags(v & ~0xf, set.table(abi))
            }
            return StraceFormatter.flags(v, set.table(abi))
        case .constant(let set): return StraceFormatter.constant(v, set.table(abi))
        case .openFlags: return f.openFlags(v)
        case .mode: return f.mode(v)
        case .openMode(let flagsIndex):
            let flags = values[flagsIndex].value, open = StraceTable(abi.openFlags)
            let creates = flags & open.value("O_CREAT") != 0 || flags & open.value("__O_TMPFILE") != 0
            return creates ? f.mode(v) : nil
        case .signal: return f.signalName(v)
        case .sigset(let out): return out && !succeeded ? f.pointer(v) : f.signalSet(at: v)
        case .sigaction(let out): return out && !succeeded ? f.pointer(v) : f.sigaction(at: v)
        case .timespec(let wide, let out): return out && !succeeded ? f.pointer(v) : f.timespec(at: v, wide: wide || wideTime)
        case .timevalOut: return succeeded ? f.timeval(at: v) : f.pointer(v)
        case .itimerval(let out): return out && !succeeded ? f.pointer(v) : f.itimerval(at: v)
        case .signalStack(let out): return out && !succeeded ? f.pointer(v) : f.signalStack(at: v)
        case .statOut: return succeeded ? f.stat64(at: v) : f.pointer(v)
        case .statxOut: return succeeded ? f.statx(at: v) : f.pointer(v)
        case .utsnameOut: return succeeded ? f.utsname(at: v) : f.pointer(v)
        case .iovec(let count, let out):
            if out && !succeeded { return f.pointer(v) }
            return f.iovecs(at: v, count: values[count].value, total: out ? result.map { UInt64($0) } : nil)
        case .fdPairOut:
            // o32's pipe returns the pair in $v0 and $v1; its argument is not written.
            if succeeded, let result, let secondResult { return "[\(result), \(Int32(truncatingIfNeeded: secondResult))]" }
            return succeeded ? f.intArray(at: v, count: 2) : f.pointer(v)
        case .intOut: return succeeded ? f.intArray(at: v, count: 1) : f.pointer(v)
        case .int64Out:
            guard succeeded, let value = f.space.load(UInt64.self, at: .init(v), bigEndian: f.bigEndian) else { return f.pointer(v) }
            return "[\(Int64(bitPattern: value))]"
        case .waitStatusOut: return succeeded && (result ?? 0) > 0 ? f.waitStatus(at: v) : f.pointer(v)
        case .childInfoOut: return succeeded ? f.childInfo(at: v) : f.pointer(v)
        case .direntsOut: return succeeded ? f.dirents(at: v, length: UInt64(result ?? 0)) : f.pointer(v)
        case .stringArray: return f.stringArray(at: v)
        case .environment: return f.environment(at: v)
        case .offset64, .offsetHighLow: return String(Int64(bitPattern: v))
        case .pageOffset: return f.hex(v &* 4096)
        case .fcntlArgument(let command): return fcntlArgument(command: values[command].value, v)
        case .ioctlRequest:
            return abi.ioctls.entry(guest: UInt32(truncatingIfNeeded: v))?.name.description ?? f.hex(v)
        case .cloneFlags: return clone(v, register: register)
        case .futexOperation: return futex(v, register: register)
        }
    }

    // MARK: Calls whose argument list depends on another argument

    func fcntlArgument(command: UInt64, _ v: UInt64) -> String? {
        guard let entry = abi.fcntlCommands.entry(guest: UInt32(truncatingIfNeeded: command)) else { return formatter.hex(v) }
        switch entry.argument {
        case .none, .returnsOpenFlags, .returnsSignal: return nil
        case .integer:
            return entry.name.description == "F_SETFD" ? StraceFormatter.flags(v, StraceFlags.fdFlags.table(abi)) : String(formatter.signed(v))
        case .openFlags: return formatter.openFlags(v)
        case .signal: return formatter.signalName(v)
        case .lock, .ownerEx, .pointerToUInt64, .ownerUIDs: return formatter.pointer(v)
        }
    }

    /// What strace adds after a successful result: fcntl's F_GETFL/F_GETFD flags.
    func resultDetail(name: String, result: Int64) -> String {
        guard name.hasPrefix("fcntl"), let entry = abi.fcntlCommands.entry(guest: UInt32(truncatingIfNeeded: register(1))) else { return "" }
        let r = UInt64(result)
        switch entry.argument {
        case .returnsOpenFlags: return " (flags \(formatter.openFlags(r)))"
        case .none where entry.name.description == "F_GETFD": return " (flags \(StraceFormatter.flags(r, StraceFlags.fdFlags.table(abi))))"
        default: return ""
        }
    }

    /// clone(flags, stack, parent_tid, tls, child_tid) (ARM's CLONE_BACKWARDS order), named as
    /// strace names them; the tid and tls arguments only when a flag uses them.
    func clone(_ flags: UInt64, register r: Int) -> String {
        let f = formatter
        let low = flags & 0xff, high = flags & ~0xff
        var flagText = high == 0 ? "" : StraceFormatter.flags(high, StraceFlags.clone.table(abi))
        if low != 0 { flagText += (flagText.isEmpty ? "" : "|") + f.signalName(low) }
        var parts = ["child_stack=" + f.pointer(register(r + 1)), "flags=" + (flagText.isEmpty ? "0" : flagText)]
        if flags & 0x10_0000 != 0 { parts.append("parent_tid=" + f.pointer(register(r + 2))) }
        if flags & 0x8_0000 != 0 { parts.append("tls=" + f.pointer(register(r + 3))) }
        if flags & 0x120_0000 != 0 { parts.append("child_tidptr=" + f.pointer(register(r + 4))) }
        return parts.joined(separator: ", ")
    }

    /// futex(uaddr, op, val, timeout | val2, uaddr2, val3): the operation's name and the
    /// arguments it uses.
    func futex(_ op: UInt64, register r: Int) -> String {
        let f = formatter
        let command = Int(op & 0x7f)
        var name = command < FutexNames.commands.count ? FutexNames.commands[command] : String(command)
        if op & FutexNames.privateFlag != 0 { name += "_PRIVATE" }
        if op & FutexNames.clockRealtime != 0 { name += "|FUTEX_CLOCK_REALTIME" }
        let unknown = op & ~(0x7f | FutexNames.privateFlag | FutexNames.clockRealtime)
        if unknown != 0 { name += "|" + f.hex(unknown) }
        let val = String(f.signed(register(r + 1)))
        let timeout = f.timespec(at: register(r + 2), wide: wideTime)
        let val2 = String(register(r + 2)), uaddr2 = f.pointer(register(r + 3))
        let val3 = register(r + 4)
        let bitset = val3 == 0xffff_ffff ? "FUTEX_BITSET_MATCH_ANY" : f.hex(val3)
        let rest: [String]
        switch command {
        case 0, 11: rest = [val, timeout]                  // WAIT, WAIT_REQUEUE_PI
        case 1: rest = [val]                               // WAKE
        case 3: rest = [val, val2, uaddr2]                 // REQUEUE
        case 4, 12: rest = [val, val2, uaddr2, String(f.signed(val3))]  // CMP_REQUEUE(_PI)
        case 5: rest = [val, val2, uaddr2, f.hex(val3)]    // WAKE_OP
        case 6, 13: rest = [timeout]                       // LOCK_PI(2)
        case 7, 8: rest = []                               // UNLOCK_PI, TRYLOCK_PI
        case 9: rest = [val, timeout, bitset]              // WAIT_BITSET
        case 10: rest = [val, bitset]                      // WAKE_BITSET
        default: rest = [val, f.hex(register(r + 2)), uaddr2, f.hex(val3)]
        }
        return ([name] + rest).joined(separator: ", ")
    }
}

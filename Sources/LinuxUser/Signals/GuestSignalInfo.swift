// A signal on its way to a guest handler, as the guest's siginfo_t describes it: the number,
// code and errno, and the union's words, whose meaning depends on the code (who sent it) and
// the signal (a fault's address, a child's status). Built from a signal the host caught, or by
// the CPU loop for a fault of the guest's own.

import CHost
import Glibc
import LinuxABI

struct GuestSignalInfo {
    /// Guest numbering.
    var signal: Int32
    var code: Int32
    var error: Int32 = 0
    /// The union's 32-bit words from its start, as the guest reads them.
    var words: [UInt32] = []
    /// The faulting guest address of a fault (sigcontext's fault_address).
    var faultAddress: UInt32 = 0

    /// Codes the kernel uses (asm-generic, the same for every guest).
    static let user: Int32 = 0, queue: Int32 = -1, timer: Int32 = -2, messageQueue: Int32 = -3, tkill: Int32 = -6
    static let mapError: Int32 = 1, accessError: Int32 = 2      // SEGV_MAPERR, SEGV_ACCERR
    static let alignment: Int32 = 1, addressError: Int32 = 2    // BUS_ADRALN, BUS_ADRERR
    static let illegalOpcode: Int32 = 1                         // ILL_ILLOPC
    static let breakpoint: Int32 = 1                            // TRAP_BRKPT

    /// A fault raised by the guest's own instruction at `address`.
    static func fault(_ signal: Int32, code: Int32, address: UInt32) -> GuestSignalInfo {
        GuestSignalInfo(signal: signal, code: code, words: [address], faultAddress: address)
    }

    /// A signal the host caught for the guest; nil when the guest has no such signal.
    init?(host: chost_signal_info, signals: SignalNumbers) {
        guard let guest = signals.untranslate(host.signal) else { return nil }
        signal = guest
        code = host.code
        error = host.error
        let pid = UInt32(bitPattern: host.pid), uid = UInt32(bitPattern: host.uid)
        let value = UInt32(truncatingIfNeeded: host.address)
        if host.code == Self.timer {
            words = [UInt32(bitPattern: host.timer), UInt32(bitPattern: host.overrun), value]
        } else if host.code == Self.queue || host.code == Self.messageQueue {
            words = [pid, uid, value]
        } else if host.code > 0 && host.signal == SIGCHLD {
            // clock_t is 32 bits wide on the guest.
            words = [pid, uid, UInt32(bitPattern: host.status), UInt32(truncatingIfNeeded: host.utime),
                     UInt32(truncatingIfNeeded: host.stime)]
        } else if host.code > 0 && host.signal == SIGIO {
            words = [UInt32(truncatingIfNeeded: host.band), UInt32(bitPattern: host.fd)]
        } else {
            words = [pid, uid]
        }
    }

    init(signal: Int32, code: Int32, error: Int32 = 0, words: [UInt32] = [], faultAddress: UInt32 = 0) {
        self.signal = signal
        self.code = code
        self.error = error
        self.words = words
        self.faultAddress = faultAddress
    }

    /// The 128-byte siginfo_t of a 32-bit guest: signo, errno, code, then the union at 12.
    func bytes(bigEndian: Bool) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 128)
        let header = [UInt32(bitPattern: signal), UInt32(bitPattern: error), UInt32(bitPattern: code)]
        for (i, word) in (header + words.prefix(29)).enumerated() { out.put32(word, at: 4 * i, bigEndian: bigEndian) }
        return out
    }
}

extension [UInt8] {
    /// Stores `value` at `offset` in the guest's byte order.
    mutating func put32(_ value: UInt32, at offset: Int, bigEndian: Bool) {
        for i in 0..<4 { self[offset + i] = UInt8(truncatingIfNeeded: value >> UInt32(8 * (bigEndian ? 3 - i : i))) }
    }

    /// The 32-bit word at `offset` in the guest's byte order.
    func get32(at offset: Int, bigEndian: Bool) -> UInt32 {
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(self[offset + i]) << UInt32(8 * (bigEndian ? 3 - i : i)) }
        return v
    }
}

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
    /// The host's (asm-generic) numbering, which the constants below name: `bytes(_:)`
    /// gives the guest its own (MIPS numbers SI_TIMER, SI_MESGQ and SI_ASYNCIO differently).
    var code: Int32
    var error: Int32 = 0
    /// The union's 32-bit words from its start, as the guest reads them.
    var words: [UInt32] = []
    /// The faulting guest address of a fault (sigcontext's fault_address).
    var faultAddress: UInt32 = 0

    /// Codes the kernel uses, in asm-generic's (the host's) numbering; the per-signal ones are
    /// the same for every guest, the sender ones cross through `GuestABI.signalCodes`.
    /// SI_KERNEL: a signal the kernel forced without a fault code (force_sig).
    static let kernel: Int32 = 0x80
    static let user: Int32 = 0, queue: Int32 = -1, timer: Int32 = -2, messageQueue: Int32 = -3, tkill: Int32 = -6
    static let mapError: Int32 = 1, accessError: Int32 = 2      // SEGV_MAPERR, SEGV_ACCERR
    static let alignment: Int32 = 1, addressError: Int32 = 2    // BUS_ADRALN, BUS_ADRERR
    static let illegalOpcode: Int32 = 1                         // ILL_ILLOPC
    static let breakpoint: Int32 = 1                            // TRAP_BRKPT
    static let integerDivide: Int32 = 1, integerOverflow: Int32 = 2  // FPE_INTDIV, FPE_INTOVF

    /// A fault raised by the guest's own instruction at `address`; `hostSignal` is the host's
    /// name for it (SIGSEGV, SIGBUS, ...), which becomes the guest's number.
    static func fault(_ hostSignal: Int32, code: Int32, address: UInt32, abi: GuestABI) -> GuestSignalInfo {
        GuestSignalInfo(signal: abi.signals.untranslate(hostSignal) ?? hostSignal, code: code, words: [address], faultAddress: address)
    }

    /// A signal the host caught for the guest; nil when the guest has no such signal.
    init?(host: chost_signal_info, abi: GuestABI) {
        guard let guest = abi.signals.untranslate(host.signal) else { return nil }
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
            // clock_t is 32 bits wide on the guest; a killed or stopped child's signal is
            // the guest's number.
            let status = abi.untranslateChildStatus(code: host.code, status: host.status)
            words = [pid, uid, UInt32(bitPattern: status), UInt32(truncatingIfNeeded: host.utime),
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

    /// The guest's siginfo_t (its layout: ARM puts si_errno before si_code, MIPS after),
    /// with the code in the guest's numbering and the union's words from `_sifields` on.
    /// si_errno crosses as it is: the kernel's signals leave it 0, and what a sender queued
    /// comes back as it was sent.
    func bytes(_ abi: GuestABI) -> [UInt8] {
        guard let layout = abi.layouts[.siginfo] else { return [] }
        var out = [UInt8](repeating: 0, count: layout.size)
        out.withUnsafeMutableBytes { buffer in
            guard let writer = StructWriter(layout, byteOrder: abi.byteOrder, into: buffer) else { return }
            writer.set("si_signo", signed: Int64(signal))
            writer.set("si_errno", signed: Int64(error))
            writer.set("si_code", signed: Int64(abi.untranslateSignalCode(code)))
            guard let union = layout.field(named: "_sifields") else { return }
            for (i, word) in words.prefix(union.count).enumerated() { writer.set(union, UInt64(word), index: i) }
        }
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

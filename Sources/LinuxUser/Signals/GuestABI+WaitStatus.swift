// The status word wait4 reports, in the guest's signal numbering. A child that exited carries
// its exit code in bits 8-15; one a signal killed carries the signal in bits 0-6 (bit 7: it
// dumped core); a stopped one carries 0x7f in bits 0-7 and the signal in bits 8-15 (ptrace
// events above); a continued one is 0xffff. The host kernel filled it with host signals, which
// are ARM's but not MIPS's (a MIPS child killed by SIGUSR1 reports 16, not 10).

import LinuxABI

extension GuestABI {
    /// A host wait status with its signal numbers the guest's. Signals the guest lacks keep
    /// the host's number.
    func untranslateWaitStatus(_ status: Int32) -> Int32 {
        if signals.isIdentity { return status }
        let low = status & 0x7f
        if status & 0xffff == 0xffff || low == 0 { return status }  // continued, exited
        if status & 0xff == 0x7f {
            let host = status >> 8 & 0xff
            return status & ~0xff00 | (signals.untranslate(host) ?? host) << 8
        }
        return status & ~0x7f | (signals.untranslate(low) ?? low) & 0x7f
    }
}

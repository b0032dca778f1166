// Helpers reading and writing the APSR as one word.

import IR

extension ARMHelpers {
    /// MRS Rd, APSR: N Z C V Q, GE, and the bits the manual leaves UNKNOWN to a user-mode read
    /// (B9.3.9 MRS) as the hardware gives them: E (bit 9) and the mode, USR (0x10). The
    /// execution-state bits (IT, J, T) read as zero.
    static let readCPSR: HelperFunction = { state, _, _, _ in
        UInt64(ARMStatePointer(state).cpsr & 0xf80f_021f)
    }

    /// b bit 1: write N Z C V Q from a; b bit 0: write GE from a.
    static let writeAPSR: HelperFunction = { state, a, b, _ in
        let s = ARMStatePointer(state)
        let old = s.cpsr
        var mask: UInt32 = 0
        if b & 2 != 0 { mask |= 0xf800_0000 }
        if b & 1 != 0 { mask |= 0x000f_0000 }
        s.cpsr = (old & ~mask) | (UInt32(truncatingIfNeeded: a) & mask)
        return 0
    }
}

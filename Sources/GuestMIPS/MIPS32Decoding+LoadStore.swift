// The MIPS32 visitor's loads and stores (Translator+LoadStore.swift), prefetches and cache
// synchronisation.

import IR
import MIPSDecoder

extension MIPS32Decoding {
    mutating func LB(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.load(1, signed: true, rt: rt, base: base, offset: offset); return true }
    mutating func LBU(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.load(1, signed: false, rt: rt, base: base, offset: offset); return true }
    mutating func LH(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.load(2, signed: true, rt: rt, base: base, offset: offset); return true }
    mutating func LHU(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.load(2, signed: false, rt: rt, base: base, offset: offset); return true }
    mutating func LW(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.load(4, signed: false, rt: rt, base: base, offset: offset); return true }
    mutating func SB(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.store(1, rt: rt, base: base, offset: offset); return true }
    mutating func SH(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.store(2, rt: rt, base: base, offset: offset); return true }
    mutating func SW(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.store(4, rt: rt, base: base, offset: offset); return true }
    mutating func LWL(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.loadPartial(left: true, rt: rt, base: base, offset: offset); return true }
    mutating func LWR(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.loadPartial(left: false, rt: rt, base: base, offset: offset); return true }
    mutating func SWL(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.storePartial(left: true, rt: rt, base: base, offset: offset); return true }
    mutating func SWR(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.storePartial(left: false, rt: rt, base: base, offset: offset); return true }
    mutating func LL(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.loadLinked(rt: rt, base: base, offset: offset); return true }
    mutating func SC(base: UInt32, rt: UInt32, offset: UInt32) -> Bool { t.storeConditional(rt: rt, base: base, offset: offset); return true }

    /// PREF: a hint; no effect (and, as on the hardware, no fault for a bad address).
    mutating func PREF(base: UInt32, hint: UInt32, offset: UInt32) -> Bool { true }
    /// SYNCI: makes stores visible to instruction fetch. Translated code already notices guest
    /// code writes (write-protected code pages), so there is nothing to do.
    mutating func SYNCI(base: UInt32, offset: UInt32) -> Bool { true }
}

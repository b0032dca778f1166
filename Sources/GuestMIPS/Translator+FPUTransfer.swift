// FPU loads, stores and moves (MIPS32 Vol. II-A: LWC1, LDC1, SWC1, SDC1, the indexed COP1X
// forms, MFC1/MTC1/MFHC1/MTHC1, CFC1/CTC1) and the FPU branches (BC1F, BC1T and their likely
// forms).

import IR

extension Translator {
    /// LWC1, LDC1, LWXC1, LDXC1, LUXC1: FPR ft = memory[address] (a word or a doubleword in the
    /// block's byte order: a big-endian doubleword's low word is at the higher address, as the
    /// pair FPR ft+1:FPR ft expects). Moved as a float (the bits unchanged, NaNs included), one
    /// access: the value goes straight into an SSE register, and an FP op reading the register
    /// later in the block uses it without a trip through the state (whose 64-bit field, read as
    /// one f64 after two 32-bit stores, would stall the host's store forwarding).
    mutating func loadFPR(_ ft: UInt32, _ format: FPFormat, address: Value, offset: UInt64 = 0) {
        let size = format.is64 ? 8 : 4
        let value = b.load(memop(size), format.is64 ? .f64 : .f32, address: address, offset: offset)
        b.storeState(fprOffset(ft, format), value)
    }

    /// SWC1, SDC1, SWXC1, SDXC1, SUXC1: likewise as a float.
    mutating func storeFPR(_ ft: UInt32, _ format: FPFormat, address: Value, offset: UInt64 = 0) {
        let size = format.is64 ? 8 : 4
        b.store(memop(size), address: address, offset: offset, b.loadState(format.is64 ? .f64 : .f32, fprOffset(ft, format)))
    }

    /// The indexed address GPR[base] + GPR[index], aligned down to 8 for LUXC1/SUXC1.
    mutating func indexedAddress(base: UInt32, index: UInt32, alignDown: Bool = false) -> Value {
        let a = b.add(gpr(base), gpr(index))
        return alignDown ? b.andi(a, ~7) : a
    }

    /// MFHC1, MTHC1: the high word of the 64-bit FPR fs (FR=1) or of the pair fs+1:fs (FR=0),
    /// which is the word after the low one either way.
    func highWordOffset(_ fs: UInt32) -> Int { MIPSState.fpr64(Int(fs), fr: fr) + 4 }

    /// MTHC1: the high word of the 64-bit FPR fs (FR=1) or pair fs+1:fs (FR=0) = v. Written
    /// as the whole 64-bit field, with the low word as it is, so a double read of the register
    /// next (an MTC1, MTHC1 pair building a double, then arithmetic on it) takes the value from
    /// one store of its size: reading 64 bits that two 32-bit stores just wrote stalls the
    /// host's store forwarding (fft's butterfly loop entry lost a tenth of its time to it).
    mutating func moveToHighWord(_ fs: UInt32, _ v: Value) {
        let field = MIPSState.fpr64(Int(fs), fr: fr)
        b.storeState(field, b.bitcast(b.concat(low: b.loadState(.i32, field), high: v), to: .f64))
    }

    /// CFC1 rt, fs: the FPU control registers 0 (FIR), 25, 26, 28, 31; others are reserved.
    mutating func readFPUControl(rt: UInt32, fs: UInt32) -> Bool {
        guard [0, 25, 26, 28, 31].contains(fs) else { return false }
        let v = b.call(MIPSHelpers.readFPUControl, effects: [.readsState, .writesState], result: .i32, b.const64(UInt64(fs)))
        setGPR(rt, v)
        return true
    }

    /// CTC1 rt, fs: 25, 26, 28, 31 (FIR is read-only: a write does nothing).
    mutating func writeFPUControl(rt: UInt32, fs: UInt32) -> Bool {
        guard [0, 25, 26, 28, 31].contains(fs) else { return false }
        if fs != 0 {
            knownConditions.removeAll()
            b.call(MIPSHelpers.writeFPUControl, effects: [.readsState, .writesState], result: nil, b.const64(UInt64(fs)), gpr(rt))
        }
        return true
    }

    /// BC1F, BC1T (`onTrue`) and the likely forms: branch on FPU condition code cc.
    mutating func branchOnCondition(cc: UInt32, onTrue: Bool, offset: UInt32, likely: Bool) {
        let fcc = b.loadState(.i32, MIPSState.fcc)
        var known = knownConditions.last { $0.cc == cc }
        if !onTrue { known?.negated.toggle() }
        branch(.direct(relativeTarget(offset)), if: (onTrue ? .tstne : .tsteq, fcc, b.const32(1 << cc)),
               floatCompare: known, likely: likely)
    }
}

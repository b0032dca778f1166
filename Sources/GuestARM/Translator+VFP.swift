// VFP (ARM ARM A7.5, A8.8 V*): the floating-point registers, loads and stores, transfers,
// arithmetic, comparisons and conversions, shared by A32 and Thumb.

import IR

extension Translator {
    // MARK: Register numbering

    /// S register from the manual's Vx:X fields (single precision: Vx:X).
    static func single(_ v: UInt32, _ x: UInt32) -> Int { Int(v << 1 | x) }
    /// D register from X:Vx.
    static func double(_ x: UInt32, _ v: UInt32) -> Int { Int(x << 4 | v) }
    /// The register of an sz-dependent operand.
    static func fpRegister(_ sz: UInt32, _ v: UInt32, _ x: UInt32) -> Int { sz != 0 ? double(x, v) : single(v, x) }

    mutating func fpRead(_ r: Int, double: Bool) -> Value {
        if flushToZero, let v = flushedResult(r, double: double) { return v }
        return double ? b.loadState(.f64, ARMState.d(r)) : b.loadState(.f32, ARMState.s(r))
    }
    mutating func fpWrite(_ r: Int, double: Bool, _ v: Value) {
        b.storeState(double ? ARMState.d(r) : ARMState.s(r), v)
    }

    // MARK: Loads and stores

    /// VLDR/VSTR: one S or D register at Rn +/- imm8 * 4.
    mutating func vfpLoadStore(load: Bool, double: Bool, r: Int, n: UInt32, add: Bool, imm8: UInt32) {
        let base = baseReg(n)
        let offset = imm8 * 4
        let address = add ? b.addi(base, UInt64(offset)) : b.addi(base, UInt64(0 &- offset))
        transferFP(load: load, double: double, r: r, address: address, offset: 0)
    }

    /// One register to or from memory, as a float: the value goes straight between memory and
    /// an SSE register, and a later VFP op reading the register in the same block uses it
    /// without a trip through the state. A double is two words, lower address first as the
    /// data endianness orders them (A2.4.3): little-endian that is one 64-bit little-endian
    /// access, big-endian one 64-bit big-endian access (the word at the lower address is the
    /// high word). One access, not two words: two 32-bit state stores read back as one 64-bit
    /// load would stall the host's store forwarding. (A double straddling a page that faults
    /// on its second half writes nothing instead of its first word: the instruction restarts
    /// either way.)
    mutating func transferFP(load: Bool, double: Bool, r: Int, address: Value, offset: UInt64) {
        let op = MemOp(size: double ? 8 : 4, bigEndian: bigEndian)
        let type: IRType = double ? .f64 : .f32
        if load {
            fpWrite(r, double: double, b.load(op, type, address: address, offset: offset))
        } else {
            b.store(op, address: address, offset: offset, fpRead(r, double: double))
        }
    }

    /// VLDM/VSTM (and VPUSH/VPOP): `count` registers from `first`, increment-after or
    /// decrement-before, with optional writeback. imm8 counts words.
    mutating func vfpLoadStoreMultiple(load: Bool, double: Bool, first: Int, n: UInt32, imm8: UInt32, increment: Bool, writeBack: Bool) {
        let words = imm8
        let count = double ? Int(words / 2) : Int(words)
        let limit = double ? 32 : 32
        guard count > 0, first + count <= limit else { return undefined() }
        let base = reg(n)
        let start = increment ? base : b.addi(base, UInt64(0 &- words * 4))
        var offset: UInt64 = 0
        for i in 0..<count {
            transferFP(load: load, double: double, r: first + i, address: start, offset: offset)
            offset += double ? 8 : 4
        }
        if writeBack {
            setReg(n, increment ? b.addi(base, UInt64(words * 4)) : start)
        }
    }

    // MARK: Transfers

    /// VMOV between a core register and a single register.
    mutating func vmovCoreSingle(toCore: Bool, t: UInt32, s: Int) {
        if toCore {
            setReg(t, b.loadState(.i32, ARMState.s(s)))
        } else {
            b.storeState(ARMState.s(s), reg(t))
        }
    }

    /// VMOV between two core registers and a D register (or two consecutive S registers).
    mutating func vmovCoreDouble(toCore: Bool, t: UInt32, t2: UInt32, lowOffset: Int, highOffset: Int) {
        if toCore {
            setReg(t, b.loadState(.i32, lowOffset))
            setReg(t2, b.loadState(.i32, highOffset))
        } else {
            b.storeState(lowOffset, reg(t))
            b.storeState(highOffset, reg(t2))
        }
    }

    /// VMOV (immediate) with VFPExpandImm.
    mutating func vmovImmediate(double: Bool, r: Int, imm8: UInt32) {
        let bits = VFPImmediate.expand(imm8, double: double)
        fpWrite(r, double: double, b.bitcast(double ? b.const64(bits) : b.const32(UInt32(bits)), to: double ? .f64 : .f32))
    }

    /// VMRS: Rt = FPSCR, or APSR.NZCV = FPSCR.NZCV when Rt is 15. Other system registers:
    /// FPSID/MVFR0/MVFR1 read as a VFPv3-D32 + NEON implementation reports them.
    mutating func vmrs(t: UInt32, register reg: UInt32) -> Bool {
        if t == 15 && reg == 1 {
            vmrsFlags()
            return true
        }
        let value: Value
        switch reg {
        case 1: value = b.call(ARMHelpers.readFPSCR, effects: [.readsState, .writesState], result: .i32)
        case 0: value = b.const32(0x4103_4000 | 0x30)   // FPSID: ARM, VFPv3 subarchitecture
        case 6: value = b.const32(0x1111_1111)          // MVFR1: NEON with half-precision and FP
        case 7: value = b.const32(0x1011_1222)          // MVFR0: 32 D registers, single and double
        case 8: value = b.const32(0x4000_0000)          // FPEXC.EN
        default: return false
        }
        if t == 15 {
            setFlags(nzcv: b.andi(value, 0xf000_0000))
        } else {
            setReg(t, value)
        }
        return true
    }

    /// VMRS APSR_nzcv, FPSCR: only FPSCR.NZCV move, and they are in the state (the host's
    /// exception flags only matter to the cumulative bits). After a VCMP in this block whose
    /// flags still stand, the flags come from its comparisons, and conditions that read them
    /// compare the floats again instead (Translator.branch).
    mutating func vmrsFlags() {
        let fpscr = UInt64(ARMState.fpscr)
        guard let c = floatCompare, unchanged(since: c.from, fields: fpscr..<fpscr + 4, c.lt, c.eq, c.un) else {
            setFlags(nzcv: b.andi(b.loadState(.i32, ARMState.fpscr), 0xf000_0000))
            return
        }
        b.storeState(ARMState.nf, b.shli(c.lt, 31))
        b.storeState(ARMState.zf, b.xori(c.eq, 1))
        b.storeState(ARMState.cf, b.xori(c.lt, 1))
        b.storeState(ARMState.vf, b.shli(c.un, 31))
        floatFlags = (c.x, c.y, b.count)
    }

    /// APSR.NZCV from bits 31-28 of `nzcv` (the rest zero).
    mutating func setFlags(nzcv: Value) {
        b.storeState(ARMState.nf, nzcv)                              // bit 31
        b.storeState(ARMState.zf, b.andi(b.xori(nzcv, 0x4000_0000), 0x4000_0000))
        b.storeState(ARMState.cf, b.extract(nzcv, position: 29, length: 1))
        b.storeState(ARMState.vf, b.shli(nzcv, 3))
    }

    /// VMSR FPSCR, Rt (other registers are not writable from user mode).
    mutating func vmsr(t: UInt32, register reg: UInt32) -> Bool {
        guard reg == 1 else { return reg == 8 }
        let value = self.reg(t)
        b.call(ARMHelpers.writeFPSCR, effects: .writesState, result: nil, value)
        // FPSCR.DN and FZ are key flags: the next block is looked up with the new ones.
        let target = b.const32(next)
        b.storeState(ARMState.pc, target)
        storeNextITState(nextITState)
        let dn = b.shli(b.andi(b.shri(value, 25), 1), 2)
        let fz = b.shli(b.andi(b.shri(value, 24), 1), 3)
        let others = keyFlags(itState: nextITState) & ~(ARMFrontend.defaultNaNFlag | ARMFrontend.flushToZeroFlag)
        b.lookupAndGoto(pc: target, flags: b.ori(b.or(dn, fz), UInt64(others)))
        ended = true
        return true
    }

    // MARK: Arithmetic

    enum VFPOp { case add, sub, mul, div, nmul, mla, mls, nmla, nmls, fma, fms, fnma, fnms }

    mutating func vfpArithmetic(_ op: VFPOp, double: Bool, d: Int, n: Int, m: Int) {
        let x = fpRead(n, double: double), y = fpRead(m, double: double)
        if flushToZero, let fused = FlushedInstruction(op) {
            return underFlushToZero(fused, double: double, d: d, n: n, m: m, x, y) {
                $0.vfpResult(op, double: double, d: d, n: n, m: m, x, y) ?? x
            }
        }
        if let r = vfpResult(op, double: double, d: d, n: n, m: m, x, y) { fpWrite(d, double: double, r) }
    }

    /// The result for Vd, or nil when a helper wrote it (the fused ones).
    mutating func vfpResult(_ op: VFPOp, double: Bool, d: Int, n: Int, m: Int, _ x: Value, _ y: Value) -> Value? {
        let r: Value
        switch op {
        case .add: r = arith(.fadd, x, y)
        case .sub: r = arith(.fsub, x, y)
        case .mul: r = arith(.fmul, x, y)
        case .div: r = arith(.fdiv, x, y)
        case .nmul: r = b.unary(.fneg, arith(.fmul, x, y))
        case .mla, .mls, .nmla, .nmls:
            let product = arith(.fmul, x, y)
            let acc = fpRead(d, double: double)
            switch op {
            case .mla: r = arith(.fadd, acc, product)
            case .mls: r = arith(.fadd, acc, b.unary(.fneg, product))
            case .nmla: r = arith(.fadd, b.unary(.fneg, acc), b.unary(.fneg, product))
            default: r = arith(.fadd, b.unary(.fneg, acc), product)
            }
        case .fma, .fms, .fnma, .fnms:
            // Fused: one rounding, so a helper on the registers themselves.
            let negateProduct: UInt32 = op == .fms || op == .fnma ? 1 : 0
            let negateAddend: UInt32 = op == .fnma || op == .fnms ? 1 : 0
            let packed = UInt32(d) | UInt32(n) << 8 | UInt32(m) << 16 | negateProduct << 24 | negateAddend << 25
                | (double ? 1 << 26 : 0)
            b.call(ARMHelpers.fusedMultiplyAdd, effects: [.readsState, .writesState], result: nil, b.const32(packed))
            return nil
        }
        return r
    }

    /// VFP arithmetic on SSE: NaN results by ARM's FPProcessNaNs and FPDefaultNaN
    /// (NaNRule.firstNaN), operands in the pseudocode's order (op1 first).
    mutating func arith(_ opcode: Opcode, _ x: Value, _ y: Value) -> Value {
        let r = b.floatBinary(opcode, x, y, nans: .firstNaN)
        if !flushToZero && (opcode == .fmul || opcode == .fdiv) {
            let double = b.type(of: r) == .f64
            let op: ARMHelpers.TinyOperation = opcode == .fmul ? (double ? .mulDouble : .mulSingle) : (double ? .divDouble : .divSingle)
            tinyBeforeRounding(r, op, x, y)
        }
        return defaultNaNMode(r)
    }

    /// Outside FZ: Underflow for a result `r` of `op` on x and y that rounded up to the
    /// smallest normal from below (ARMHelpers+Underflow). A rotate puts the sign at bit 11 (8
    /// for a single) and the exponent's low bit at bit 0; the helper runs only for ±(the
    /// smallest normal), out of line.
    mutating func tinyBeforeRounding(_ r: Value, _ op: ARMHelpers.TinyOperation, _ x: Value, _ y: Value?) {
        let double = b.type(of: r) == .f64
        let bits = b.bitcast(r, to: double ? .i64 : .i32)
        let sign: UInt64 = double ? 0x800 : 0x100
        let rotated = b.binary(.or, b.binary(.rotl, bits, imm: double ? 12 : 9), imm: sign)
        let skip = b.newLabel()
        b.brcond(.ne, rotated, double ? b.const64(sign | 1) : b.const32(UInt32(sign | 1)), skip, hint: .coldFallThrough)
        b.call(ARMHelpers.underflowBeforeRounding, effects: [.floatFlags, .rare], result: nil, x, y ?? .none,
               b.const32(op.rawValue))
        b.label(skip)
    }

    /// Under FPSCR.DN (a block key flag) a NaN result is the default NaN, whatever the
    /// operands (FPProcessNaN with DN set); otherwise `r` itself.
    mutating func defaultNaNMode(_ r: Value) -> Value {
        guard defaultNaN else { return r }
        let double = b.type(of: r) == .f64
        let nan = b.bitcast(double ? b.const64(0x7ff8_0000_0000_0000) : b.const32(0x7fc0_0000), to: double ? .f64 : .f32)
        return b.select(b.fsetcond(.uno, r, r), nan, r)
    }

    enum VFPUnary { case mov, abs, neg, sqrt }

    mutating func vfpUnary(_ op: VFPUnary, double: Bool, d: Int, m: Int) {
        let x = fpRead(m, double: double)
        if flushToZero && op == .sqrt {
            return underFlushToZero(.sqrt, double: double, d: d, n: m, m: m, x, nil) {
                $0.defaultNaNMode($0.b.fsqrt(x, nans: .firstNaN))
            }
        }
        let r: Value = switch op {
        case .mov: x
        case .abs: b.unary(.fabs, x)
        case .neg: b.unary(.fneg, x)
        case .sqrt: defaultNaNMode(b.fsqrt(x, nans: .firstNaN))
        }
        fpWrite(d, double: double, r)
    }

    /// VCMP/VCMPE: FPSCR.NZCV from comparing Vd with Vm (or +0.0): equal 0110, less 1000,
    /// greater 0010, unordered 0011. A signalling NaN raises Invalid Operation (the host
    /// compare does); VCMPE (`quietNaNExc`, FPCompare's quiet_nan_exc) raises it for any NaN,
    /// so an unordered VCMPE sets IOC itself.
    mutating func vfpCompare(double: Bool, d: Int, m: Int?, quietNaNExc: Bool) {
        let x = fpRead(d, double: double)
        let y: Value = m.map { fpRead($0, double: double) }
            ?? b.bitcast(double ? b.const64(0) : b.const32(0), to: double ? .f64 : .f32)
        flushedInputs(x, m.map { _ in y })
        let lt = b.fsetcond(.olt, x, y)
        let eq = b.fsetcond(.oeq, x, y)
        let un = b.fsetcond(.uno, x, y)
        let c = b.xori(lt, 1)
        var nzcv = b.shli(lt, 31)
        nzcv = b.or(nzcv, b.shli(eq, 30))
        nzcv = b.or(nzcv, b.shli(c, 29))
        nzcv = b.or(nzcv, b.shli(un, 28))
        if quietNaNExc { nzcv = b.or(nzcv, un) }  // IOC, bit 0
        let fpscr = b.andi(b.loadState(.i32, ARMState.fpscr), 0x0fff_ffff)
        b.storeState(ARMState.fpscr, b.or(fpscr, nzcv))
        floatCompare = (x, y, lt, eq, un, b.count)
    }

    // MARK: Conversions

    /// VCVT between double and single.
    mutating func vfpConvertPrecision(toDouble: Bool, d: Int, m: Int) {
        let x = fpRead(m, double: !toDouble)
        let convert = { (t: inout Translator) in t.defaultNaNMode(t.b.fconvert(x, to: toDouble ? .f64 : .f32)) }
        if flushToZero { return underFlushToZero(toDouble ? .toDouble : .toSingle, double: !toDouble, d: d, n: m, m: m, x, nil, convert) }
        let r = b.fconvert(x, to: toDouble ? .f64 : .f32)
        if !toDouble { tinyBeforeRounding(r, .toSingle, x, nil) }
        fpWrite(d, double: toDouble, defaultNaNMode(r))
    }

    /// VCVT/VCVTR float to 32-bit integer in an S register.
    mutating func vfpToInteger(double: Bool, d: Int, m: Int, signed: Bool, roundTowardZero: Bool) {
        let x = fpRead(m, double: double)
        // VCVTR rounds by FPSCR.RMode, which is the host environment's mode while guest code runs.
        let mode: RoundingMode? = roundTowardZero ? .towardZero : nil
        flushedInputs(x)
        let i = b.ftoi(x, to: .i32, signed: signed, rounding: mode)
        b.storeState(ARMState.s(d), i)
    }

    /// VCVT 32-bit integer (in an S register) to float.
    mutating func vfpFromInteger(double: Bool, d: Int, m: Int, signed: Bool) {
        let i = b.loadState(.i32, ARMState.s(m))
        fpWrite(d, double: double, b.itof(i, to: double ? .f64 : .f32, signed: signed))
    }

    /// VCVT between float and fixed point (in place in Vd): `fracBits` fraction bits, 16- or
    /// 32-bit integers. A helper (ARMHelpers+VFPConvert): FPToFixed raises Invalid Operation
    /// alone when it saturates and FixedToFP rounds to nearest, neither of which SSE does.
    mutating func vfpFixedPoint(toFixed: Bool, double: Bool, d: Int, signed: Bool, size16: Bool, fracBits: UInt32) {
        let operand = ARMHelpers.fixedPointOperand(register: d, double: double, unsigned: !signed, size16: size16,
                                                   fractionBits: fracBits)
        b.call(toFixed ? ARMHelpers.floatToFixed : ARMHelpers.fixedToFloat, effects: [.readsState, .writesState],
               result: nil, b.const32(operand))
    }

    /// VCVTB/VCVTT: half precision in the bottom or top of an S register and single precision,
    /// by a helper under FPSCR's RMode, FZ, DN and AHP.
    mutating func vfpHalf(toHalf: Bool, top: Bool, d: Int, m: Int) {
        let operand = UInt32(d) | UInt32(m) << 8 | (toHalf ? 1 << 16 : 0) | (top ? 1 << 17 : 0)
        b.call(ARMHelpers.convertHalf, effects: [.readsState, .writesState], result: nil, b.const32(operand))
    }
}

/// VFPExpandImm (A7.5.1): an 8-bit immediate to a float's bit pattern.
public enum VFPImmediate {
    public static func expand(_ imm8: UInt32, double: Bool) -> UInt64 {
        let sign = UInt64(imm8 >> 7 & 1)
        let b6 = UInt64(imm8 >> 6 & 1)
        let low6 = UInt64(imm8 & 0x3f)
        if double {
            // sign : NOT(b6) : Replicate(b6, 8) : imm8<5:0> : Zeros(48)
            let exponentTop = (1 - b6) << 10 | (b6 != 0 ? 0xff << 2 : 0)
            return sign << 63 | exponentTop << 52 | low6 << 48
        }
        // sign : NOT(b6) : Replicate(b6, 5) : imm8<5:0> : Zeros(19)
        let exponentTop = (1 - b6) << 7 | (b6 != 0 ? 0x1f << 2 : 0)
        return sign << 31 | exponentTop << 23 | low6 << 19
    }
}

extension Translator {
    /// VMOV (ARM core register to scalar): one 8/16/32-bit element of Dd = low bits of Rt.
    mutating func vmovToScalar(d: Int, size: Int, offset: Int, t: UInt32) {
        let field = ARMState.d(d) + offset
        let old = b.loadState(.i32, field & ~3)
        let merged = b.deposit(old, reg(t), position: (field & 3) * 8, length: size * 8)
        b.storeState(field & ~3, merged)
    }

    /// VMOV (scalar to ARM core register), sign- or zero-extending.
    mutating func vmovFromScalar(n: Int, size: Int, offset: Int, t: UInt32, signed: Bool) {
        let field = ARMState.d(n) + offset
        let word = b.loadState(.i32, field & ~3)
        let position = (field & 3) * 8
        let v = size == 4 ? word
            : signed ? b.sextract(word, position: position, length: size * 8)
            : b.extract(word, position: position, length: size * 8)
        setReg(t, v)
    }

    /// VDUP (ARM core register): every element of Dd (and Dd+1) = low bits of Rt.
    mutating func vdupCore(d: Int, registers: Int, size: Int, t: UInt32) {
        var v = reg(t)
        if size == 1 { v = b.mul(b.andi(v, 0xff), b.const32(0x0101_0101)) }
        if size == 2 { v = b.mul(b.andi(v, 0xffff), b.const32(0x0001_0001)) }
        for r in 0..<registers {
            b.storeState(ARMState.d(d + r), v)
            b.storeState(ARMState.d(d + r) + 4, v)
        }
    }
}

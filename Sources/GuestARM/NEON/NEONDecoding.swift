// Advanced SIMD (ARM ARM A7.4, A7.7): the visitor of NEON.decode and its shared pieces
// (register operands, bitwise and three-same integer ops, modified immediates, element and
// structure loads and stores). The instruction groups live in NEONDecoding+<section>.swift;
// their lanes are computed by helpers over the guest's D registers (ARMHelpers+NEON*.swift),
// except the common ones the IR's v128 lane ops do (NEONDecoding+Vector.swift).

import ARMDecoder
import IR

struct NEONDecoding: NEONVisitor {
    /// The translator, in place: a decoder takes its visitor inout, and a visitor holding a
    /// copy of the translator would cost a copy in and out (and a retain and release) per
    /// instruction. The frontend makes each visitor inside withUnsafeMutablePointer(to:) over
    /// its translator (ARMFrontend.translateA32, translateThumb), so the pointer outlives it.
    let translator: UnsafeMutablePointer<Translator>
    var t: Translator {
        unsafeAddress { UnsafePointer(translator) }
        nonmutating unsafeMutableAddress { translator }
    }

    static func reg(_ x: UInt32, _ v: UInt32) -> UInt32 { x << 4 | v }

    /// Quad operands must name even registers.
    static func valid(Q: UInt32, _ regs: UInt32...) -> Bool { Q == 0 || regs.allSatisfy { $0 & 1 == 0 } }

    /// A bitwise operation on 64-bit halves: d = f(d, n, m); on a Q register `vector`, the same
    /// on v128 values (one SSE op, and no 8-byte writes to a register a v128 op reads next).
    mutating func bitwise(D: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32,
                          vector: ((inout IRBuilder, Value, Value, Value) -> Value)? = nil,
                          _ f: (inout IRBuilder, Value, Value, Value) -> Value) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d, n, m) else { return false }
        if Q != 0, let vector {
            let dv = vectorOperand(d, quad: true), nv = vectorOperand(n, quad: true), mv = vectorOperand(m, quad: true)
            setVector(d, quad: true, vector(&t.b, dv, nv, mv))
            return true
        }
        // Read every source before writing, as d may equal n or m.
        var results: [Value] = []
        for r in 0..<(Q != 0 ? 2 : 1) {
            let dv = t.b.loadState(.i64, ARMState.d(Int(d) + r))
            let nv = t.b.loadState(.i64, ARMState.d(Int(n) + r))
            let mv = t.b.loadState(.i64, ARMState.d(Int(m) + r))
            results.append(f(&t.b, dv, nv, mv))
        }
        for (r, v) in results.enumerated() { t.b.storeState(ARMState.d(Int(d) + r), v) }
        return true
    }

    mutating func integer(_ op: NEONIntegerOp, U: UInt32 = 0, D: UInt32, size: UInt32, Vn: UInt32, Vd: UInt32, N: UInt32, Q: UInt32, M: UInt32, Vm: UInt32) -> Bool {
        let d = Self.reg(D, Vd), n = Self.reg(N, Vn), m = Self.reg(M, Vm)
        guard Self.valid(Q: Q, d, n, m) else { return false }
        let pairwise = op == .padd || op == .pmax || op == .pmin
        guard !(pairwise && Q != 0), !(size == 3 && [.ceq, .cgt, .cge, .tst, .max, .min, .abd, .aba, .hadd, .hsub, .rhadd, .mul, .mla, .mls].contains(op)), !(pairwise && size == 3) else { return false }
        if integerLanes(op, unsigned: U != 0, size: size, quad: Q != 0, d: d, n: n, m: m) { return true }
        let operands = NEONOperands(op: op.rawValue, size: size, unsigned: U != 0, quad: Q != 0, d: d, n: n, m: m)
        t.b.call(ARMHelpers.neonIntegerThreeSame, effects: [.readsState, .writesState], result: nil, t.const32(operands.packed))
        return true
    }

    /// AdvSIMDExpandImm (A7.4.6): the 64-bit constant of a modified-immediate instruction.
    static func expandImmediate(op: UInt32, cmode: UInt32, imm8: UInt32) -> UInt64? {
        let v = UInt64(imm8)
        func replicate32(_ x: UInt64) -> UInt64 { x << 32 | x }
        func replicate16(_ x: UInt64) -> UInt64 { x << 48 | x << 32 | x << 16 | x }
        switch cmode >> 1 {
        case 0: return replicate32(v)
        case 1: return replicate32(v << 8)
        case 2: return replicate32(v << 16)
        case 3: return replicate32(v << 24)
        case 4: return replicate16(v)
        case 5: return replicate16(v << 8)
        case 6: return replicate32(cmode & 1 == 0 ? v << 8 | 0xff : v << 16 | 0xffff)
        default:
            if cmode & 1 == 0 && op == 0 {
                return v * 0x0101_0101_0101_0101
            }
            if cmode & 1 == 0 && op == 1 {
                var r: UInt64 = 0
                for i in 0..<8 where v & (1 << i) != 0 { r |= 0xff << (i * 8) }
                return r
            }
            if cmode & 1 == 1 && op == 0 {
                // The single-precision float aBbbbbbc defgh000 00000000 00000000, twice.
                let bits = VFPImmediate.expand(imm8, double: false)
                return replicate32(bits)
            }
            return nil
        }
    }

    mutating func immediate(i: UInt32, D: UInt32, imm3: UInt32, Vd: UInt32, Q: UInt32, imm4: UInt32, cmode: UInt32, op: UInt32,
                            _ f: (inout IRBuilder, Value, Value) -> Value) -> Bool {
        let d = Self.reg(D, Vd)
        guard Self.valid(Q: Q, d), let k = Self.expandImmediate(op: op, cmode: cmode, imm8: i << 7 | imm3 << 4 | imm4) else { return false }
        let c = t.b.const64(k)
        for r in 0..<(Q != 0 ? 2 : 1) {
            let old = t.b.loadState(.i64, ARMState.d(Int(d) + r))
            t.b.storeState(ARMState.d(Int(d) + r), f(&t.b, old, c))
        }
        return true
    }

    // MARK: Element and structure loads and stores (A7.7)

    /// The address is Rn, which must be a multiple of `alignment` (NEONAlignment) or the
    /// instruction takes an Alignment fault before it does anything; afterwards Rn += the
    /// transfer size (Rm == 13) or Rm (Rm != 15).
    mutating func transfer(_ shape: NEONTransfer, alignment: UInt32, Rn: UInt32, Rm: UInt32) -> Bool {
        guard !t.bigEndian, shape.d + (shape.structures - 1) * shape.increment + shape.groups - 1 < 32 || shape.kind != .multiple else { return false }
        let address = t.reg(Rn)
        t.exit(ifMisaligned: address, alignment: alignment)
        if shape.structures == 1 {
            // One element per register: plain loads and stores in the IR (the JIT's own memory
            // accesses, precise on a fault). Interleaving forms go through the helper.
            inlineTransfer(shape, address: address)
        } else {
            t.b.call(ARMHelpers.neonTransfer, effects: .all, result: nil, t.const32(shape.packed), address)
        }
        if Rm != 15 {
            let step = Rm == 13 ? t.const32(shape.byteCount) : t.reg(Rm)
            t.setReg(Rn, t.b.add(address, step))
        }
        return true
    }

    /// VLD1/VST1 (multiple, one lane, all lanes) on a little-endian guest as IR loads and
    /// stores. Loads read everything before writing any register.
    mutating func inlineTransfer(_ shape: NEONTransfer, address: Value) {
        let bytes = 1 << Int(shape.size)
        let memop = MemOp(size: bytes)
        switch shape.kind {
        case .multiple:
            // Two registers at a time as one v128 (16 bytes, one SSE move each way), an odd
            // last one as an i64.
            let pieces = stride(from: 0, to: Int(shape.groups), by: 2).map { ($0, $0 + 1 < Int(shape.groups) ? IRType.v128 : .i64) }
            if shape.load {
                let values = pieces.map { g, type in
                    t.b.load(type == .v128 ? .v128() : .u64, type, address: address, offset: UInt64(8 * g))
                }
                for ((g, _), v) in zip(pieces, values) { t.b.storeState(ARMState.d(Int(shape.d) + g), v) }
            } else {
                for (g, type) in pieces {
                    t.b.store(type == .v128 ? .v128() : .u64, address: address, offset: UInt64(8 * g),
                              t.b.loadState(type, ARMState.d(Int(shape.d) + g)))
                }
            }
        case .lane:
            // The 32-bit word of the register holding the lane, and the lane's bits in it.
            let byteOffset = Int(shape.index) * bytes
            let word = ARMState.d(Int(shape.d)) + byteOffset & ~3
            let position = (byteOffset & 3) * 8
            if shape.load {
                let element = t.b.load(memop, .i32, address: address)
                let merged = bytes == 4 ? element : t.b.deposit(t.b.loadState(.i32, word), element, position: position, length: bytes * 8)
                t.b.storeState(word, merged)
            } else {
                let current = t.b.loadState(.i32, word)
                let element = bytes == 4 ? current : t.b.extract(current, position: position, length: bytes * 8)
                t.b.store(memop, address: address, element)
            }
        case .allLanes:
            var v = t.b.load(memop, .i32, address: address)
            if bytes == 1 { v = t.b.mul(v, t.const32(0x0101_0101)) }
            if bytes == 2 { v = t.b.mul(v, t.const32(0x0001_0001)) }
            for r in 0..<Int(shape.groups) {
                t.b.storeState(ARMState.d(Int(shape.d) + r), v)
                t.b.storeState(ARMState.d(Int(shape.d) + r) + 4, v)
            }
        }
    }

    mutating func multiple(load: Bool, structures: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, align: UInt32, Rm: UInt32, type: UInt32) -> Bool {
        let groups: UInt32, increment: UInt32
        switch (structures, type) {
        case (1, 0b0111): (groups, increment) = (1, 1)
        case (1, 0b1010): (groups, increment) = (2, 1)
        case (1, 0b0110): (groups, increment) = (3, 1)
        case (1, 0b0010): (groups, increment) = (4, 1)
        case (2, 0b1000): (groups, increment) = (1, 1)
        case (2, 0b1001): (groups, increment) = (1, 2)
        case (2, 0b0011): (groups, increment) = (2, 2)
        case (3, 0b0100), (4, 0b0000): (groups, increment) = (1, 1)
        case (3, 0b0101), (4, 0b0001): (groups, increment) = (1, 2)
        default: return false
        }
        guard let alignment = NEONAlignment.multiple(structures: structures, type: type, size: size, align: align) else { return false }
        let d = Self.reg(D, Vd)
        // Structures of 2 with two groups interleave pairs (d, d+2) and (d+1, d+3).
        let shape = NEONTransfer(kind: .multiple, load: load, structures: structures, d: d, increment: increment,
                                 groups: groups, size: size, index: 0)
        guard d + (structures - 1) * increment + groups - 1 < 32 else { return false }
        return transfer(shape, alignment: alignment, Rn: Rn, Rm: Rm)
    }

    mutating func lane(load: Bool, structures: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, index_align: UInt32, Rm: UInt32) -> Bool {
        guard let alignment = NEONAlignment.lane(structures: structures, size: size, indexAlign: index_align) else { return false }
        let index = index_align >> (size + 1)
        var increment: UInt32 = 1
        if structures > 1 && size == 1 && index_align & 2 != 0 { increment = 2 }
        if structures > 1 && size == 2 && index_align & 4 != 0 { increment = 2 }
        let d = Self.reg(D, Vd)
        guard d + (structures - 1) * increment < 32 else { return false }
        return transfer(NEONTransfer(kind: .lane, load: load, structures: structures, d: d, increment: increment,
                                     groups: 1, size: size, index: index), alignment: alignment, Rn: Rn, Rm: Rm)
    }

    mutating func allLanes(structures: UInt32, D: UInt32, Rn: UInt32, Vd: UInt32, size: UInt32, T: UInt32, a: UInt32, Rm: UInt32) -> Bool {
        guard let alignment = NEONAlignment.allLanes(structures: structures, size: size, a: a) else { return false }
        // VLD4.32 with 128-bit alignment is the size 11 encoding.
        let elementSize = size == 3 ? 2 : size
        let d = Self.reg(D, Vd)
        let shape = structures == 1
            ? NEONTransfer(kind: .allLanes, load: true, structures: 1, d: d, increment: 1, groups: T + 1, size: elementSize, index: 0)
            : NEONTransfer(kind: .allLanes, load: true, structures: structures, d: d, increment: T + 1, groups: 1, size: elementSize, index: 0)
        guard d + (structures - 1) * shape.increment + shape.groups - 1 < 32 else { return false }
        return transfer(shape, alignment: alignment, Rn: Rn, Rm: Rm)
    }
}

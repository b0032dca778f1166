// The interpreter loop: one switch per op over a register file of UInt64s.
//
// Representation: every value occupies one UInt64 register. i32 values are kept zero-extended;
// f32 values are their bit pattern in the low 32 bits, f64 values their bit pattern. A v128
// value occupies two, low half first (PreparedBlock renumbers them).

import CHost
import IR

public enum Interpreter {
    /// Runs `block` against the guest state and guest memory (guest address a is at
    /// `memory + a`). `registers` holds at least `block.valueCount` entries.
    public static func run(_ block: PreparedBlock, state: UnsafeMutableRawPointer,
                           memory: UnsafeMutableRawPointer, registers r: UnsafeMutablePointer<UInt64>) -> BlockExit {
        var pc = 0
        let ops = block.ops
        let faultSlot = block.faultSlot
        while pc < block.opCount {
            let op = ops[pc]
            pc += 1
            let d = Int(op.dst.index)
            let is32 = op.type.bits == 32
            switch op.opcode {
            case .const_:
                r[d] = op.imm
                if op.type == .v128 { r[d + 1] = op.imm }
            case .mov:
                r[d] = r[Int(op.a.index)]
                if op.type == .v128 { r[d + 1] = r[Int(op.a.index) + 1] }
            case .add, .sub, .mul, .and, .or, .xor, .andc, .orc:
                r[d] = binary(op.opcode, r[Int(op.a.index)], second(op, r), is32)
            case .mulhu, .mulhs, .divu, .divs, .remu, .rems:
                r[d] = multiplyDivide(op.opcode, r[Int(op.a.index)], r[Int(op.b.index)], is32)
            case .shl, .shr, .sar, .rotl, .rotr:
                r[d] = shift(op.opcode, r[Int(op.a.index)], second(op, r), is32)
            case .not:
                r[d] = narrow(~r[Int(op.a.index)], is32)
            case .neg:
                r[d] = narrow(0 &- r[Int(op.a.index)], is32)
            case .extract, .sextract, .deposit, .ext8s, .ext8u, .ext16s, .ext16u, .zext, .sext, .trunc,
                 .concat, .bswap16, .bswap32, .bswap64, .clz, .ctz, .popcount:
                r[d] = bits(op, r[Int(op.a.index)], op.b.isNone ? 0 : r[Int(op.b.index)], is32)
            case .setcond:
                let cond = Condition(rawValue: op.aux) ?? .eq
                r[d] = cond.holds(r[Int(op.a.index)], second(op, r), bits: op.type.bits) ? 1 : 0
            case .select:
                r[d] = r[Int(op.a.index)] & 0xffff_ffff != 0 ? r[Int(op.b.index)] : r[Int(op.c.index)]
            case .brcond:
                let cond = Condition(rawValue: op.aux) ?? .eq
                if op.aux2 == PreparedBlock.immediateOperand {
                    if cond.holds(r[Int(op.a.index)], op.imm, bits: op.type.bits) { pc = Int(block.labelTargets[Int(op.c.index)]) }
                } else if cond.holds(r[Int(op.a.index)], r[Int(op.b.index)], bits: op.type.bits) {
                    pc = Int(block.labelTargets[Int(op.imm)])
                }
            case .br:
                pc = Int(block.labelTargets[Int(op.imm)])
            case .label, .insnStart:
                break
            case .load:
                r[faultSlot] = UInt64(pc)
                if op.aux & 16 != 0, let fault = misaligned(op, r) { return fault }
                let host = memory + Int(bitPattern: UInt(address(op, r[Int(op.a.index)])))
                if op.type == .v128 {
                    r[d] = host.loadUnaligned(as: UInt64.self)
                    r[d + 1] = host.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    continue
                }
                r[d] = Memory.load(host, MemOp(rawValue: op.aux), is32)
            case .store:
                r[faultSlot] = UInt64(pc)
                if op.aux & 16 != 0, let fault = misaligned(op, r) { return fault }
                let host = memory + Int(bitPattern: UInt(address(op, r[Int(op.a.index)])))
                if op.type == .v128 {
                    host.storeBytes(of: r[Int(op.b.index)], as: UInt64.self)
                    host.storeBytes(of: r[Int(op.b.index) + 1], toByteOffset: 8, as: UInt64.self)
                    continue
                }
                Memory.store(host, MemOp(rawValue: op.aux), r[Int(op.b.index)])
            case .cmpxchg:
                r[faultSlot] = UInt64(pc)
                if op.aux & 16 != 0, let fault = misaligned(op, r) { return fault }
                let host = memory + Int(bitPattern: UInt(address(op, r[Int(op.a.index)])))
                r[d] = Memory.compareExchange(host, MemOp(rawValue: op.aux), expected: r[Int(op.b.index)],
                                              new: r[Int(op.c.index)])
            case .fence:
                chost_fence()
            case .loadState:
                let p = state + Int(op.imm)
                r[d] = is32 ? UInt64(p.loadUnaligned(as: UInt32.self)) : p.loadUnaligned(as: UInt64.self)
                if op.type == .v128 { r[d + 1] = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) }
            case .storeState:
                let p = state + Int(op.imm)
                if is32 {
                    p.storeBytes(of: UInt32(truncatingIfNeeded: r[Int(op.a.index)]), as: UInt32.self)
                } else {
                    p.storeBytes(of: r[Int(op.a.index)], as: UInt64.self)
                    if op.type == .v128 { p.storeBytes(of: r[Int(op.a.index) + 1], toByteOffset: 8, as: UInt64.self) }
                }
            case .call:
                let result = callHelper(op, state, r)
                if !op.dst.isNone { r[d] = narrow(result, is32) }
            case .gotoTB:
                return .chain(slot: Int(op.aux))
            case .lookupAndGoto:
                return .lookup(pc: r[Int(op.a.index)], flags: UInt32(truncatingIfNeeded: r[Int(op.b.index)]))
            case .exitTB:
                // No memory op is to blame for this exit (an alignment fault the frontend
                // raised itself keeps the pc it stored).
                r[faultSlot] = 0
                return .exit(ExitReason(rawValue: op.aux) ?? .undefined, payload: op.imm)
            case .fadd, .fsub, .fmul, .fdiv, .fsqrt, .fneg, .fabs, .fsetcond, .fconvert, .itof, .ftoi, .bitcast:
                r[d] = FloatOps.evaluate(op, r)
            case .vdup, .vinsert, .vextract, .vand, .vor, .vxor, .vandc, .vadd, .vsub, .vmul, .vcmpeq, .vcmpgt,
                 .vcmpgtu, .vfadd, .vfsub, .vfmul, .vfadde, .vfsube, .vfmule, .vfdive, .vfcmp, .vtest, .vshuffle:
                VectorOps.evaluate(op, r, state: state)
            }
        }
        // A verified block never falls off its end; treat it as an undefined instruction.
        return .exit(.undefined, payload: 0)
    }

    /// The second operand: a register, or the immediate PreparedBlock folded in.
    @inline(__always)
    static func second(_ op: Op, _ r: UnsafeMutablePointer<UInt64>) -> UInt64 {
        op.aux2 == PreparedBlock.immediateOperand ? op.imm : r[Int(op.b.index)]
    }

    @inline(__always)
    static func narrow(_ v: UInt64, _ is32: Bool) -> UInt64 { is32 ? v & 0xffff_ffff : v }

    @inline(__always)
    static func address(_ op: Op, _ base: UInt64) -> UInt64 {
        let a = base &+ op.imm
        return op.aux2 == 0 ? a & 0xffff_ffff : a
    }

    /// An access that must be aligned and is not: the block stops with an alignment fault
    /// (the fault slot names the op, as for a host fault).
    @inline(never)
    static func misaligned(_ op: Op, _ r: UnsafeMutablePointer<UInt64>) -> BlockExit? {
        let a = address(op, r[Int(op.a.index)])
        let size = UInt64(MemOp(rawValue: op.aux).size)
        return a & (size - 1) != 0 ? .exit(.alignmentFault, payload: a) : nil
    }

    @inline(never)
    static func callHelper(_ op: Op, _ state: UnsafeMutableRawPointer, _ r: UnsafeMutablePointer<UInt64>) -> UInt64 {
        guard let raw = UnsafeRawPointer(bitPattern: UInt(op.imm)) else { return 0 }
        let helper = unsafeBitCast(raw, to: HelperFunction.self)
        let a = op.a.isNone ? 0 : r[Int(op.a.index)]
        let b = op.b.isNone ? 0 : r[Int(op.b.index)]
        let c = op.c.isNone ? 0 : r[Int(op.c.index)]
        return helper(state, a, b, c)
    }
}

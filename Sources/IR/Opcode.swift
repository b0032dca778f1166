// The IR's operations. Operand conventions are given per op as `dst = f(a, b, c, imm)`; the
// exact semantics, edge cases included, are in Documentation/IR.md.

public enum Opcode: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    // Moves.
    /// dst = imm, truncated to the type's width (floats: imm is the bit pattern).
    case const_
    /// dst = a.
    case mov

    // Integer arithmetic on i32 or i64, wrapping.
    case add, sub, mul
    /// dst = high half of the full unsigned (mulhu) or signed (mulhs) product of a and b.
    case mulhu, mulhs
    /// Division truncating toward zero. By zero: divu/divs give 0, remu/rems give a.
    /// divs of the minimum value by -1 gives the minimum value; rems gives 0.
    case divu, divs, remu, rems
    case and, or, xor
    /// dst = a & ~b, a | ~b.
    case andc, orc
    /// dst = ~a, -a.
    case not, neg

    // Shifts: the count b is taken modulo the width.
    case shl, shr, sar, rotl, rotr

    // Bit fields. imm = pos | len << 8, with 0 < len and pos + len <= width.
    /// dst = (a >> pos) & (2^len - 1).
    case extract
    /// dst = sign-extended field of a at pos, len.
    case sextract
    /// dst = a with bits [pos, pos+len) replaced by the low len bits of b.
    case deposit

    // Width changes.
    /// Sign or zero extension of the low 8 or 16 bits, within the op's type.
    case ext8s, ext8u, ext16s, ext16u
    /// i64 dst from i32 a: zero-extended (zext) or sign-extended (sext).
    case zext, sext
    /// i32 dst = low 32 bits of i64 a.
    case trunc
    /// i64 dst = b << 32 | a, from i32 a (low) and b (high).
    case concat

    // Bit counting and byte order.
    /// bswap16: swap the two low bytes, upper bits zero. bswap32 on i32 or on the low word of an
    /// i64 (upper zero); bswap64 on i64.
    case bswap16, bswap32, bswap64
    /// Count of leading/trailing zero bits; the width when a is 0.
    case clz, ctz, popcount

    // Comparisons and control flow. aux = `Condition`; the op's type is the operands' type.
    /// i32 dst = (a cond b) ? 1 : 0.
    case setcond
    /// dst = a != 0 ? b : c, with a an i32 and the op's type the type of b, c and dst.
    case select
    /// if a cond b, continue at label imm.
    case brcond
    /// continue at label imm.
    case br
    /// defines label imm.
    case label

    // Guest memory. aux = `MemOp`; the address is (a + imm) modulo 2^width of a's type.
    /// dst = memory[a + imm], extended to the op's type as the MemOp says.
    case load
    /// memory[a + imm] = low bits of b.
    case store
    /// Atomic compare-and-exchange: dst = memory[a]; if dst == b (compared at the access width)
    /// then memory[a] = c. One indivisible host operation.
    case cmpxchg
    /// A full memory barrier.
    case fence

    // Guest state. imm = byte offset into the guest-state block.
    /// dst = *(type *)(state + imm).
    case loadState
    /// *(type *)(state + imm) = a.
    case storeState

    /// dst = helper(state, a, b, c) with imm the helper's address (a `HelperFunction`) and aux its
    /// `HelperEffects`. Unused arguments are `Value.none` and pass 0; dst may be `Value.none`.
    case call

    /// Marks the start of the guest instruction at pc imm. No effect on values; it tells a fault
    /// which guest instruction was running.
    case insnStart

    // Terminals: every path through a block ends in one of these.
    /// Leave the block to a direct successor. The frontend has stored the next pc (and mode) in
    /// the guest state; aux = slot 0 or 1 lets the engine chain this exit to the successor.
    case gotoTB
    /// Leave the block to the block whose key is (pc a, flags b): an indirect branch. The
    /// frontend has stored the pc (and mode) in the guest state too; a and b let a backend look
    /// the next block up without knowing how a guest forms its keys.
    case lookupAndGoto
    /// Leave the block and return to the engine's caller. aux = `ExitReason`, imm = its payload.
    case exitTB

    // Floating point on f32 or f64 (IEEE 754 in the FP environment's rounding); fadd, fsub,
    // fmul, fdiv and fsqrt pick NaN results by aux = `NaNRule`.
    case fadd, fsub, fmul, fdiv
    case fsqrt, fneg, fabs
    /// i32 dst = (a fcond b) ? 1 : 0, aux = `FloatCondition`; the op's type is the operands'.
    case fsetcond
    /// f64 from f32 or f32 from f64 (op type = dst type).
    case fconvert
    /// Float dst (op type) from the integer a; aux = 1 when a is signed.
    case itof
    /// Integer dst (op type) from the float a; aux bit 0 = signed result, bits 1-2 =
    /// `RoundingMode`, bit 3 = round by the FP environment's current mode instead.
    /// Saturates at the result type's range; NaN gives 0.
    case ftoi
    /// dst = the same bits as a, reinterpreted (i32<->f32, i64<->f64).
    case bitcast

    // 128-bit vectors (v128). aux = log2 of the lane size in bytes: 0 (8-bit lanes), 1 (16),
    // 2 (32), 3 (64); lane k is bits [k * size, (k + 1) * size). Documentation/IR.md, "Vectors".
    /// v128 dst = the low lane bits of the scalar a (i32; i64 for 64-bit lanes) in every lane.
    case vdup
    /// v128 dst = the v128 a with lane imm replaced by the low lane bits of the scalar b.
    case vinsert
    /// Scalar dst (the op's type, i32 or i64) = lane imm of the v128 a, zero-extended.
    case vextract
    /// v128 bitwise a & b, a | b, a ^ b, a & ~b (aux 0).
    case vand, vor, vxor, vandc
    /// Lane-wise wrapping a + b, a - b (all lane sizes), low half of a * b (16- and 32-bit lanes).
    case vadd, vsub, vmul
    /// Lane-wise masks (all ones where the comparison holds, else zero): a == b (all lane
    /// sizes), signed a > b and unsigned a > b (8-, 16-, 32-bit lanes).
    case vcmpeq, vcmpgt, vcmpgtu
    /// Lane-wise binary32 a + b, a - b, a * b (aux 2) in the standard vector mode: round to
    /// nearest, subnormal inputs and tiny results flushed to zero, NaN results the default NaN;
    /// the exception flags are ORed into the i32 guest-state word at offset imm.
    case vfadd, vfsub, vfmul
    /// Lane-wise a + b, a - b, a * b, a / b on 32-bit (aux 2) or 64-bit (aux 3) float lanes,
    /// each lane exactly the scalar fadd ... fdiv of its type in the FP environment (its
    /// rounding, flush-to-zero and exception flags); aux bits 2-3 = the lanes' `NaNRule`.
    case vfadde, vfsube, vfmule, vfdive
    /// Lane-wise float comparison masks (all ones where a cond b holds, else zero) on 32- or
    /// 64-bit float lanes, aux = lane size | `FloatCondition` << 2, one of the quiet oeq, une,
    /// uno, ord; the flags as fsetcond's (invalid for a signalling NaN operand).
    case vfcmp
    /// i32 dst = 1 when a & b has any bit set, else 0.
    case vtest
    /// Bytes picked by index: byte k of dst is 0 when byte k of b has its top bit set, else
    /// byte (b's byte k & 15) of a. (A big-endian guest's elements, swapped lane by lane.)
    case vshuffle

    /// Whether the op is one of the v128 lane ops above (vdup ... vshuffle).
    @inlinable public var isVector: Bool { rawValue >= Opcode.vdup.rawValue }

    /// Whether the op ends a path through the block.
    @inlinable public var isTerminal: Bool {
        self == .gotoTB || self == .lookupAndGoto || self == .exitTB || self == .br
    }

    /// Whether the op may raise floating-point exception flags in the FP environment: an effect
    /// besides its result (Documentation/IR.md, "Exception flags"). fneg, fabs and bitcast are
    /// bit operations and raise none.
    @inlinable public var raisesFloatFlags: Bool {
        switch self {
        case .fadd, .fsub, .fmul, .fdiv, .fsqrt, .fsetcond, .fconvert, .itof, .ftoi,
             .vfadde, .vfsube, .vfmule, .vfdive, .vfcmp: true
        default: false
        }
    }

    /// Whether the op writes `dst`.
    @inlinable public var hasResult: Bool {
        switch self {
        case .brcond, .br, .label, .store, .fence, .storeState, .insnStart,
             .gotoTB, .lookupAndGoto, .exitTB:
            false
        default:
            true
        }
    }

    /// The scalar op a lane-wise float op does on each lane (vfadde -> fadd, vfcmp -> fsetcond).
    @inlinable public static func scalarFloat(of opcode: Opcode) -> Opcode {
        switch opcode {
        case .vfadde: .fadd
        case .vfsube: .fsub
        case .vfmule: .fmul
        case .vfdive: .fdiv
        case .vfcmp: .fsetcond
        default: opcode
        }
    }

    public var name: String {
        switch self {
        case .const_: "const"
        case .gotoTB: "goto_tb"
        case .exitTB: "exit_tb"
        default: "\(self)".snakeCased
        }
    }
}

extension String {
    /// "loadState" -> "load_state".
    var snakeCased: String {
        var out = ""
        for ch in self {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}

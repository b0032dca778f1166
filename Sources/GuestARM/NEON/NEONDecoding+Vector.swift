// Advanced SIMD data processing on the IR's v128 lane ops (Documentation/IR.md, "Vectors"):
// the common integer and single-precision three-register instructions, and whole-register
// VLD1/VST1, run on the host's SSE registers instead of a helper over the D registers. A Q
// operand is the 16 bytes of Dd, Dd+1 in the state; a D operand is one D register in both
// halves of a v128 (lane 0 is the result), which computes each lane twice and raises the same
// flags. Everything else keeps its helper (ARMHelpers+NEON*.swift).

import ARMDecoder
import IR

extension NEONDecoding {
    /// Register `r` (Dr, or the Q register at Dr) as a v128.
    mutating func vectorOperand(_ r: UInt32, quad: Bool) -> Value {
        quad ? t.b.loadState(.v128, ARMState.d(Int(r))) : t.b.vdup(.i64, t.b.loadState(.i64, ARMState.d(Int(r))))
    }

    mutating func setVector(_ r: UInt32, quad: Bool, _ v: Value) {
        if quad {
            t.b.storeState(ARMState.d(Int(r)), v)
        } else {
            t.b.storeState(ARMState.d(Int(r)), t.b.vextract(.i64, v, lane: 0, as: .i64))
        }
    }

    /// VADD, VSUB, VMUL, VMLA, VMLS (integer), VCEQ, VCGT (register) on v128 lanes; false
    /// when the op or size has no lane op (the caller then uses the helper). A8.8.282 VADD
    /// (integer), A8.8.415 VSUB, A8.8.351 VMUL, A8.8.337 VMLA, A8.8.291 VCEQ, A8.8.297 VCGT.
    mutating func integerLanes(_ op: NEONIntegerOp, unsigned: Bool, size: UInt32, quad: Bool, d: UInt32, n: UInt32, m: UInt32) -> Bool {
        guard let lanes = LaneSize(rawValue: UInt8(size)) else { return false }
        let opcode: Opcode
        switch op {
        case .add: opcode = .vadd
        case .sub: opcode = .vsub
        case .mul, .mla, .mls:
            guard lanes == .i16 || lanes == .i32 else { return false }
            opcode = .vmul
        case .ceq: opcode = .vcmpeq
        case .cgt: opcode = unsigned ? .vcmpgtu : .vcmpgt
        default: return false
        }
        let x = vectorOperand(n, quad: quad), y = vectorOperand(m, quad: quad)
        var r = t.b.vector(opcode, lanes, x, y)
        if op == .mla || op == .mls {
            r = t.b.vector(op == .mla ? .vadd : .vsub, lanes, vectorOperand(d, quad: quad), r)
        }
        setVector(d, quad: quad, r)
        return true
    }

    /// VADD, VSUB, VMUL, VMLA, VMLS (floating-point, A8.8.283, A8.8.416, A8.8.351, A8.8.337)
    /// in the standard vector mode, flags into FPSCR; false for the other float ops. VMLA and
    /// VMLS round the product, then add it to (subtract it from) Vd, as the helper does.
    mutating func floatLanes(_ op: NEONFloatOp, quad: Bool, d: UInt32, n: UInt32, m: UInt32) -> Bool {
        let opcode: Opcode
        switch op {
        case .add: opcode = .vfadd
        case .sub: opcode = .vfsub
        case .mul, .mla, .mls: opcode = .vfmul
        default: return false
        }
        let x = vectorOperand(n, quad: quad), y = vectorOperand(m, quad: quad)
        var r = t.b.vfloat(opcode, x, y, flagsOffset: ARMState.fpscr)
        if op == .mla || op == .mls {
            r = t.b.vfloat(op == .mla ? .vfadd : .vfsub, vectorOperand(d, quad: quad), r, flagsOffset: ARMState.fpscr)
        }
        setVector(d, quad: quad, r)
        return true
    }
}

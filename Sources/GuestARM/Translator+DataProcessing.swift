// Data-processing instructions shared by A32 and Thumb (ARM ARM A8.8: AND, EOR, SUB, RSB, ADD,
// ADC, SBC, RSC, TST, TEQ, CMP, CMN, ORR, ORN, MOV, BIC, MVN).

import IR

enum DataOp {
    case and, eor, sub, rsb, add, adc, sbc, rsc, tst, teq, cmp, cmn, orr, orn, mov, bic, mvn

    /// Logical ops set C from the shifter; arithmetic ops compute C and V.
    var isLogical: Bool {
        switch self {
        case .and, .eor, .tst, .teq, .orr, .orn, .mov, .bic, .mvn: true
        default: false
        }
    }
    /// Test ops write no register.
    var isTest: Bool { self == .tst || self == .teq || self == .cmp || self == .cmn }
}

extension Translator {
    /// Rd = Rn op operand, setting flags when `setFlags` (always for the test ops). `rn` is nil
    /// for MOV/MVN. Writes to the PC follow ALUWritePC.
    mutating func dataProcessing(_ op: DataOp, d: UInt32, rn: Value?, _ operand: ShiftedOperand, setFlags: Bool) {
        let s = setFlags || op.isTest
        let n = rn ?? operand.value
        let m = operand.value
        let result: Value
        switch op {
        case .and, .tst: result = b.and(n, m)
        case .eor, .teq: result = b.xor(n, m)
        case .orr: result = b.or(n, m)
        case .orn: result = b.orc(n, m)
        case .bic: result = b.andc(n, m)
        case .mov: result = m
        case .mvn: result = b.not(m)
        case .add, .cmn: result = addWithCarry(n, m, carryIn: nil, setFlags: s)
        case .sub, .cmp: result = subtract(n, m, setFlags: s)
        case .rsb: result = subtract(m, n, setFlags: s)
        case .adc: result = addWithCarry(n, m, carryIn: carryFlag(), setFlags: s)
        case .sbc: result = addWithCarry(n, b.not(m), carryIn: carryFlag(), setFlags: s)
        case .rsc: result = addWithCarry(m, b.not(n), carryIn: carryFlag(), setFlags: s)
        }
        if s && op.isLogical {
            setNZ(result)
            if let carry = operand.carry { setC(carry) }
        }
        if !op.isTest { writeReg(d, result, .alu) }
    }
}

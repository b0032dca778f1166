// Random operands for a row, and what objdump should print for them, operand by operand, in a
// normalized spelling that equivalent printings share (numbers masked to their field's width,
// memory operands taken apart).

import Foundation
@testable import X64Assembler
import TestTools

/// One operand of a row in the form a method takes it.
enum OperandKind: Equatable {
    case gpr(Int)
    case xmm
    /// Memory of that size in bits; nil for LEA's `m`.
    case memory(Int?)
    case immediate(Int)
    case relative(Int)
    case cl
    case one

    /// `r/m32` in a memory-form method is memory, else a register.
    init(_ text: String, memoryForm: Bool) {
        func number(after prefix: String) -> Int? { Int(text.dropFirst(prefix.count)) }
        if text == "CL" { self = .cl; return }
        if text == "1" { self = .one; return }
        if text == "m" { self = .memory(nil); return }
        if text.hasPrefix("r/m"), let width = number(after: "r/m") { self = memoryForm ? .memory(width) : .gpr(width); return }
        if text.hasPrefix("xmm/m"), let width = number(after: "xmm/m") { self = memoryForm ? .memory(width) : .xmm; return }
        if text == "xmm" { self = .xmm; return }
        if text.hasPrefix("imm"), let width = number(after: "imm") { self = .immediate(width); return }
        if text.hasPrefix("rel"), let width = number(after: "rel") { self = .relative(width); return }
        if text.hasPrefix("m"), let width = number(after: "m") { self = .memory(width); return }
        if text.hasPrefix("r"), let width = number(after: "r") { self = .gpr(width); return }
        fatalError("unknown operand kind \(text)")
    }
}

let names64 = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"]
let names32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"]
let names16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"]
let names8 = ["al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b",
              "ah", "ch", "dh", "bh"]
let conditionNames = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"]

/// A row instance: operands chosen, and the checks to make on objdump's line.
struct Instance {
    var operands: RowOperands
    var kinds: [OperandKind]

    /// Random operands that the row can encode (no ah..bh next to something needing REX).
    static func random(for row: RowCase, using random: inout SplitMix64) -> Instance {
        let form = row.parsed
        let kinds = form.operands.map { OperandKind($0, memoryForm: row.memory) }
        while true {
            var operands = RowOperands()
            operands.cc = Condition(rawValue: UInt8.random(in: 0...15, using: &random)) ?? .o
            for (position, kind) in kinds.enumerated() {
                switch kind {
                case .gpr(8): operands.registers[position] = UInt8.random(in: 0...19, using: &random)
                case .gpr, .xmm: operands.registers[position] = UInt8.random(in: 0...15, using: &random)
                case .memory: operands.address = randomAddress(using: &random)
                case .immediate(let width), .relative(let width): operands.immediate = randomBits(width, using: &random)
                case .cl, .one: break
                }
            }
            let instance = Instance(operands: operands, kinds: kinds)
            if instance.isEncodable(rexW: row.encoding.contains("REX.W")) { return instance }
        }
    }

    /// A high byte register cannot share an instruction with anything that needs REX.
    func isEncodable(rexW: Bool) -> Bool {
        let highByte = kinds.indices.contains { kinds[$0] == .gpr(8) && operands.registers[$0] >= 16 }
        guard highByte else { return true }
        if rexW { return false }
        for (position, kind) in kinds.enumerated() {
            let value = operands.registers[position]
            switch kind {
            case .gpr(8): if value >= 4 && value < 16 { return false }
            case .gpr, .xmm: if value >= 8 { return false }
            case .memory:
                if let base = operands.address.baseRegister, base.index >= 8 { return false }
                if let index = operands.address.indexRegister, index.index >= 8 { return false }
            default: break
            }
        }
        return true
    }

    static func randomAddress(using random: inout SplitMix64) -> Address {
        let base = GPR(UInt8.random(in: 0...15, using: &random))
        var index = GPR(UInt8.random(in: 0...15, using: &random))
        if index == .rsp { index = .r12 }
        let scale = Scale(rawValue: UInt8.random(in: 0...3, using: &random)) ?? .x1
        let displacements: [Int32] = [0, 0, 0, 1, -1, 8, 127, -128, 128, -129, 0x7FFF_FFFF, Int32.min,
                                      Int32(Int8.random(in: .min ... .max, using: &random)),
                                      Int32.random(in: .min ... .max, using: &random)]
        let displacement = displacements[Int.random(in: 0..<displacements.count, using: &random)]
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4: return Address(base, displacement)
        case 4..<7: return Address(base, index, scale, displacement)
        case 7: return Address(index: index, scale, displacement)
        case 8: return .absolute(displacement)
        default: return .rip(displacement)
        }
    }

    /// Edge values often, random ones otherwise.
    static func randomBits(_ width: Int, using random: inout SplitMix64) -> UInt64 {
        let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
        let edges: [UInt64] = [0, 1, mask, mask >> 1, (mask >> 1) + 1, 2]
        if Int.random(in: 0..<3, using: &random) == 0 {
            return edges[Int.random(in: 0..<edges.count, using: &random)]
        }
        return random.next() & mask
    }

    /// What objdump should print, operand by operand, normalized; `end` is the instruction's end.
    func expectedOperands(end: Int) -> [String] {
        kinds.enumerated().map { position, kind in
            let value = operands.registers[position]
            switch kind {
            case .gpr(8): return names8[Int(value)]
            case .gpr(16): return names16[Int(value)]
            case .gpr(32): return names32[Int(value)]
            case .gpr: return names64[Int(value)]
            case .xmm: return "xmm\(value)"
            case .memory(let width): return Instance.memoryText(operands.address, width: width).description
            case .immediate(let width): return "0x" + String(operands.immediate & mask(width), radix: 16)
            case .relative(let width):
                let displacement = width == 8 ? Int64(Int8(truncatingIfNeeded: operands.immediate))
                    : Int64(Int32(truncatingIfNeeded: operands.immediate))
                return "0x" + String(UInt64(bitPattern: Int64(end) &+ displacement), radix: 16)
            case .cl: return "cl"
            case .one: return "1"
            }
        }
    }

    /// objdump's operands in the same normalization.
    func normalize(_ printed: [String]) -> [String] {
        printed.enumerated().map { position, text in
            guard position < kinds.count else { return text }
            switch kinds[position] {
            case .memory: return MemoryText(parsing: text)?.description ?? text
            case .immediate(let width):
                guard let value = parseNumber(text) else { return text }
                return "0x" + String(value & mask(width), radix: 16)
            case .relative:
                guard let value = parseNumber(text) else { return text }
                return "0x" + String(value, radix: 16)
            default: return text
            }
        }
    }

    static func memoryText(_ address: Address, width: Int?) -> MemoryText {
        let size = width.map { ["8": "BYTE", "16": "WORD", "32": "DWORD", "64": "QWORD", "128": "XMMWORD"]["\($0)"] ?? "?" } ?? ""
        let base = address.isRIPRelative ? "rip" : address.baseRegister.map { names64[Int($0.index)] } ?? ""
        let index = address.indexRegister.map { names64[Int($0.index)] } ?? ""
        return MemoryText(size: size, base: base, index: index, scale: address.scale.factor,
                          displacement: Int64(address.displacement))
    }
}

func mask(_ width: Int) -> UInt64 { width == 64 ? .max : (1 << UInt64(width)) - 1 }

/// `0x1f`, `1`.
func parseNumber(_ text: String) -> UInt64? {
    text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
}

/// objdump's mnemonic for a row: lower case, the condition spelled out, MOV r64, imm64 as movabs.
func expectedMnemonic(_ row: RowCase, cc: Condition) -> String {
    let form = row.parsed
    var mnemonic = form.mnemonic.lowercased()
    if mnemonic.hasSuffix("cc") { mnemonic = String(mnemonic.dropLast(2)) + conditionNames[Int(cc.rawValue)] }
    if form.mnemonic == "MOV" && form.operands == ["r64", "imm64"] { mnemonic = "movabs" }
    return mnemonic
}

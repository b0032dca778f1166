// The Swift encoder methods of one row: one per operand form it takes (a row with an r/m
// operand gives a register method and a memory method), each with its signature and body.

struct Method: Equatable {
    struct Parameter: Equatable {
        /// `_` or the argument label (`imm8`).
        var label: String
        var name: String
        var type: String
        /// The type as far as overloading goes: immediates of one width clash whatever their
        /// signedness, since a literal argument fits either.
        var overloadType: String
        /// How the operand feeds the encoder: `dst.code`, `dst.address`, ...
        var value: String
        var role: Role

        var declaration: String {
            label == name ? "\(name): \(type)" : "\(label) \(name): \(type)"
        }
    }

    /// Where a parameter goes in the instruction.
    enum Role: Equatable {
        case condition
        /// ModRM.rm.
        case rm
        /// ModRM.reg, or the opcode's low bits.
        case register
        /// CL or 1: nothing to encode.
        case implicit
        /// An immediate or displacement of this many bits after everything else.
        case trailing(Int)
    }

    let row: Row
    /// Whether the r/m operand is memory in this method (false for rows without one).
    let isMemoryForm: Bool
    let name: String
    let parameters: [Parameter]

    /// Name and argument labels and types: two methods with equal keys cannot both exist.
    var overloadKey: String {
        name + "(" + parameters.map { "\($0.label):\($0.overloadType)" }.joined(separator: ",") + ")"
    }

    /// `public mutating func add(_ dst: GPR32, imm8: Int8)`.
    var declaration: String {
        "public mutating func \(name)(" + parameters.map(\.declaration).joined(separator: ", ") + ")"
    }

    /// The row's methods: register form first, then memory form.
    static func all(for row: Row) -> [Method] {
        let forms: [Bool]
        if row.operands.contains(where: { if case .memory = $0 { true } else { false } }) {
            forms = [true]
        } else if row.operands.contains(where: \.isRM) {
            forms = [false, true]
        } else {
            forms = [false]
        }
        return forms.map { Method(row: row, isMemoryForm: $0) }
    }

    init(row: Row, isMemoryForm: Bool) {
        self.row = row
        self.isMemoryForm = isMemoryForm
        name = Method.swiftName(row.mnemonic)
        var parameters: [Parameter] = []
        if row.hasCondition {
            parameters.append(Parameter(label: "_", name: "cc", type: "Condition", overloadType: "Condition", value: "cc", role: .condition))
        }
        let names = row.operands.count == 1 ? ["operand"] : ["dst", "src", "src2"]
        var next = 0
        for operand in row.operands {
            switch operand {
            case .immediate(let width):
                let type = (row.unsignedImmediates ? "UInt" : "Int") + "\(width)"
                parameters.append(Parameter(label: "imm\(width)", name: "imm\(width)", type: type,
                                            overloadType: "imm\(width)", value: "imm\(width)", role: .trailing(width)))
            case .relative(let width):
                parameters.append(Parameter(label: "rel\(width)", name: "rel\(width)", type: "Int\(width)",
                                            overloadType: "Int\(width)", value: "rel\(width)", role: .trailing(width)))
            default:
                var name = names[min(next, names.count - 1)]
                next += 1
                if operand == .cl || operand == .one { name = "count" }
                let type = Method.swiftType(operand, memory: isMemoryForm)
                let value: String
                let role: Role
                switch type {
                case "Address": (value, role) = (name, .rm)
                case "CL", "One": (value, role) = (name, .implicit)
                default:
                    value = name + (type.hasPrefix("Mem") ? ".address" : ".code")
                    role = operand.isRM ? .rm : .register
                }
                parameters.append(Parameter(label: "_", name: name, type: type, overloadType: type, value: value, role: role))
            }
        }
        self.parameters = parameters
    }

    /// `LOCK CMPXCHG` -> `lockCmpxchg`, `CMOVcc` -> `cmovcc`.
    static func swiftName(_ mnemonic: String) -> String {
        let words = mnemonic.split(separator: " ")
        var name = words.first.map { $0.lowercased() } ?? ""
        for word in words.dropFirst() {
            name += word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        return name
    }

    static func swiftType(_ operand: Operand, memory: Bool) -> String {
        func gpr(_ width: Int) -> String { width == 64 ? "GPR" : "GPR\(width)" }
        switch operand {
        case .gpr(let width): return gpr(width)
        case .gprOrMemory(let width): return memory ? "Mem\(width)" : gpr(width)
        case .memory(let width): return width.map { "Mem\($0)" } ?? "Address"
        case .xmm: return "XMM"
        case .xmmOrMemory(let width): return memory ? "Mem\(width)" : "XMM"
        case .immediate(let width): return "Int\(width)"
        case .relative(let width): return "Int\(width)"
        case .cl: return "CL"
        case .one: return "One"
        }
    }

    /// The body: prefixes, REX, opcode, ModRM and the rest through the hand-written core,
    /// then the immediates.
    var body: [String] {
        let encoding = row.encoding
        var lines: [String] = []
        let rm = parameters.first { $0.role == .rm }?.value ?? "0"
        let register = parameters.first { $0.role == .register }?.value ?? "0"
        let opcode = opcodeExpression
        switch (encoding.modRM, encoding.addend) {
        case (.some(let modRM), _):
            let reg: String
            switch modRM {
            case .register: reg = register
            case .digit(let digit): reg = "\(digit)"
            }
            if isMemoryForm {
                let trailing = encoding.trailingBytes
                lines.append("emit(\(opcode), reg: \(reg), mem: \(rm)" + (trailing == 0 ? ")" : ", trailing: \(trailing))"))
            } else {
                lines.append("emit(\(opcode), reg: \(reg), rm: \(rm))")
            }
        case (.none, .register):
            lines.append("emit(\(opcode), plusReg: \(register))")
        case (.none, _):
            lines.append("emit(\(opcode))")
        }
        for parameter in parameters {
            guard case .trailing(let width) = parameter.role else { continue }
            let value = parameter.type.hasPrefix("U") ? parameter.name : "UInt\(width)(bitPattern: \(parameter.name))"
            lines.append("buffer.emit\(width)(\(value))")
        }
        return lines
    }

    /// `Opcode(0x0FAF, prefixes: 0x66, w: true)`; a condition is ORed into the last byte.
    var opcodeExpression: String {
        let encoding = row.encoding
        var text = "0x" + encoding.opcode.map { hex($0) }.joined()
        if encoding.addend == .condition {
            text += " | UInt32(cc.rawValue)"
        }
        var arguments = [text]
        if !encoding.prefixes.isEmpty {
            arguments.append("prefixes: 0x" + encoding.prefixes.map { hex($0) }.joined())
        }
        if encoding.rexW { arguments.append("w: true") }
        return "Opcode(" + arguments.joined(separator: ", ") + ")"
    }
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
}

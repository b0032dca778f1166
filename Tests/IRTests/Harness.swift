// Test harness: a small guest state and guest memory, blocks prepared once and run many times,
// and a deterministic random source for operands.

import IR
import IRInterpreter
import Testing
import TestTools

/// A guest-state buffer and a guest-memory buffer (guest address a is at `memory + a`).
final class Machine {
    static let stateSize = 4096
    static let memorySize = 64 * 1024
    let state: UnsafeMutableRawPointer
    let memory: UnsafeMutableRawPointer

    init() {
        state = .allocate(byteCount: Machine.stateSize, alignment: 16)
        state.initializeMemory(as: UInt8.self, repeating: 0, count: Machine.stateSize)
        memory = .allocate(byteCount: Machine.memorySize, alignment: 16)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: Machine.memorySize)
    }

    deinit {
        state.deallocate()
        memory.deallocate()
    }

    /// Verifies (unless told not to), prepares and runs `block` once.
    @discardableResult
    func run(_ block: Block, verify: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) -> BlockExit {
        if verify { #expect(block.verify() == [], sourceLocation: sourceLocation) }
        let prepared = PreparedBlock(block)
        defer { prepared.deallocate() }
        let registers = UnsafeMutablePointer<UInt64>.allocate(capacity: prepared.valueCount + 1)
        registers.initialize(repeating: 0, count: prepared.valueCount + 1)
        defer { registers.deallocate() }
        return Interpreter.run(prepared, state: state, memory: memory, registers: registers)
    }

    func state64(_ offset: Int) -> UInt64 { state.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
    func state32(_ offset: Int) -> UInt32 { state.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    func setState64(_ offset: Int, _ v: UInt64) { state.storeBytes(of: v, toByteOffset: offset, as: UInt64.self) }
    func setState32(_ offset: Int, _ v: UInt32) { state.storeBytes(of: v, toByteOffset: offset, as: UInt32.self) }

    func byte(_ address: Int) -> UInt8 { memory.load(fromByteOffset: address, as: UInt8.self) }
    func bytes(_ address: Int, _ count: Int) -> [UInt8] { (0..<count).map { byte(address + $0) } }
    func setBytes(_ address: Int, _ values: [UInt8]) {
        for (i, v) in values.enumerated() { memory.storeBytes(of: v, toByteOffset: address + i, as: UInt8.self) }
    }
}

/// A block of the shape `inputs = load_state ...; result = f(inputs); store_state result; exit_tb`,
/// prepared once. Input i lives at state offset 8*i, the result at `Kernel.resultOffset`.
final class Kernel {
    static let resultOffset = 256
    let machine: Machine
    let prepared: PreparedBlock
    let registers: UnsafeMutablePointer<UInt64>
    let inputTypes: [IRType]
    let resultType: IRType
    let block: Block

    init(_ machine: Machine = Machine(), inputs: [IRType], result: IRType,
         sourceLocation: SourceLocation = #_sourceLocation,
         _ build: (inout IRBuilder, [Value]) -> Value) {
        self.machine = machine
        inputTypes = inputs
        resultType = result
        var b = IRBuilder(key: BlockKey(pc: 0x1000, flags: 0))
        let values = inputs.enumerated().map { b.loadState($0.element, 8 * $0.offset) }
        let r = build(&b, values)
        b.storeState(Kernel.resultOffset, r)
        b.exitTB(.yield)
        block = b.finish(guestSize: 4, instructionCount: 1)
        #expect(block.verify() == [], sourceLocation: sourceLocation)
        prepared = PreparedBlock(block)
        registers = .allocate(capacity: prepared.valueCount + 1)
        registers.initialize(repeating: 0, count: prepared.valueCount + 1)
    }

    deinit {
        prepared.deallocate()
        registers.deallocate()
    }

    /// Runs with these inputs (bit patterns; i32/f32 inputs use the low 32 bits) and returns the
    /// result's bit pattern, zero-extended.
    func callAsFunction(_ inputs: UInt64...) -> UInt64 {
        for (i, v) in inputs.enumerated() { machine.setState64(8 * i, v) }
        machine.setState64(Kernel.resultOffset, 0xdead_beef_dead_beef)
        let exit = Interpreter.run(prepared, state: machine.state, memory: machine.memory, registers: registers)
        precondition(exit == .exit(.yield, payload: 0))
        return resultType.bits == 32 ? UInt64(machine.state32(Kernel.resultOffset)) : machine.state64(Kernel.resultOffset)
    }

    /// `dst = opcode a, b` (or `opcode a` when `arity` is 1) on `type`.
    convenience init(_ opcode: Opcode, _ type: IRType, arity: Int = 2) {
        self.init(inputs: Array(repeating: type, count: arity), result: type) { b, v in
            arity == 1 ? b.unary(opcode, v[0]) : b.binary(opcode, v[0], v[1])
        }
    }
}

extension SplitMix64 {
    /// Operands that hit edges often: special values, small values, sign-bit patterns, random.
    mutating func operand(bits: Int) -> UInt64 {
        let v: UInt64
        switch next() % 4 {
        case 0: v = Operands.special[Int(next() % UInt64(Operands.special.count))]
        case 1: v = next() >> (next() % 64)
        case 2: v = ~(next() >> (next() % 64))
        default: v = next()
        }
        return bits == 32 ? v & 0xffff_ffff : v
    }
}

enum Operands {
    static let special: [UInt64] = [
        0, 1, 2, 3, 31, 32, 33, 63, 64, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff,
        0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x1_0000_0000, 0x7fff_ffff_ffff_ffff,
        0x8000_0000_0000_0000, 0xffff_ffff_ffff_ffff, 0xffff_ffff_ffff_fffe, 0xffff_ffff_8000_0000,
    ]

    /// Every pair of special values, narrowed to `bits`, then `randomCount` random pairs.
    static func pairs(bits: Int, seed: UInt64, randomCount: Int = 2000) -> [(UInt64, UInt64)] {
        let mask: UInt64 = bits == 32 ? 0xffff_ffff : ~0
        var out: [(UInt64, UInt64)] = []
        for x in special { for y in special { out.append((x & mask, y & mask)) } }
        var rng = SplitMix64(seed: seed)
        for _ in 0..<randomCount { out.append((rng.operand(bits: bits), rng.operand(bits: bits))) }
        return out
    }
}

/// Bit-pattern helpers for float operands.
extension Float { var bits64: UInt64 { UInt64(bitPattern.self) } }
extension Double { var bits64: UInt64 { bitPattern } }

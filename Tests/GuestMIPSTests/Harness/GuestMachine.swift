// A MIPS guest for instruction tests: a state block, 1 MiB of guest memory (guest address a at
// `memory + a`, also the state's memoryBase for helpers), and code placed in that memory in
// the guest's byte order. `run(on:)` translates with MIPSFrontend, verifies each block, and runs
// it on the IR interpreter or the x86-64 JIT, block after block, until the pc leaves the code
// or a block exits to the engine's caller.

@testable import GuestMIPS
import IR
import TestBackends
import Testing

final class GuestMachine {
    static let memorySize = 1 << 20
    static let codeBase: UInt32 = 0x1_0000
    /// A data area tests may use freely.
    static let dataBase: UInt32 = 0x2_0000
    static let stackTop: UInt32 = 0x8_0000

    let memory: UnsafeMutableRawPointer
    let state: MIPSStatePointer
    var code: CodeWindow
    var bigEndian: Bool { state.mode.contains(.bigEndian) }
    /// Every block translated by the last run, in order.
    var blocks: [Block] = []

    /// A machine with `code` (already in the guest's byte order) at `base`, the pc at its
    /// start, in `mode` (the byte order must match the code's).
    init(code bytes: [UInt8], mode: MIPSMode, base: UInt32 = GuestMachine.codeBase) {
        memory = .allocate(byteCount: GuestMachine.memorySize, alignment: 16)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: GuestMachine.memorySize)
        state = MIPSStatePointer.allocate()
        state.memoryBase = memory
        state.mode = mode
        for (i, b) in bytes.enumerated() { memory.storeBytes(of: b, toByteOffset: Int(base) + i, as: UInt8.self) }
        code = CodeWindow(memory: memory, start: base, end: base + UInt32(bytes.count))
        state.pc = base
        state.sp = GuestMachine.stackTop
    }

    /// Assembles `source` for the byte order of `mode` and builds a machine on it.
    convenience init(_ source: String, mode: MIPSMode = []) throws {
        self.init(code: try Assembler.assemble(source, bigEndian: mode.contains(.bigEndian)), mode: mode)
    }

    convenience init(_ source: String, bigEndian: Bool) throws {
        try self.init(source, mode: bigEndian ? .bigEndian : [])
    }

    deinit {
        memory.deallocate()
        state.deallocate()
    }

    /// Back to the start of the code (registers and memory are kept).
    func restart() {
        state.pc = code.start
    }

    // MARK: State access

    func field(_ offset: Int) -> UInt32 { state.raw.load(fromByteOffset: offset, as: UInt32.self) }
    func setField(_ offset: Int, _ v: UInt32) { state.raw.storeBytes(of: v, toByteOffset: offset, as: UInt32.self) }

    subscript(_ n: Int) -> UInt32 {
        get { state[gpr: n] }
        set { state[gpr: n] = newValue }
    }

    var hi: UInt32 {
        get { state.hi }
        set { state.hi = newValue }
    }
    var lo: UInt32 {
        get { state.lo }
        set { state.lo = newValue }
    }

    // MARK: Memory access in the guest's byte order

    func load8(_ a: UInt32) -> UInt8 { memory.load(fromByteOffset: Int(a), as: UInt8.self) }
    func store8(_ a: UInt32, _ v: UInt8) { memory.storeBytes(of: v, toByteOffset: Int(a), as: UInt8.self) }
    func load16(_ a: UInt32) -> UInt16 {
        let v = memory.loadUnaligned(fromByteOffset: Int(a), as: UInt16.self)
        return bigEndian ? v.byteSwapped : v
    }
    func store16(_ a: UInt32, _ v: UInt16) {
        memory.storeBytes(of: bigEndian ? v.byteSwapped : v, toByteOffset: Int(a), as: UInt16.self)
    }
    func load32(_ a: UInt32) -> UInt32 {
        let v = memory.loadUnaligned(fromByteOffset: Int(a), as: UInt32.self)
        return bigEndian ? v.byteSwapped : v
    }
    func store32(_ a: UInt32, _ v: UInt32) {
        memory.storeBytes(of: bigEndian ? v.byteSwapped : v, toByteOffset: Int(a), as: UInt32.self)
    }
    func load64(_ a: UInt32) -> UInt64 {
        let v = memory.loadUnaligned(fromByteOffset: Int(a), as: UInt64.self)
        return bigEndian ? v.byteSwapped : v
    }
    func store64(_ a: UInt32, _ v: UInt64) {
        memory.storeBytes(of: bigEndian ? v.byteSwapped : v, toByteOffset: Int(a), as: UInt64.self)
    }
    func bytes(_ a: UInt32, _ count: Int) -> [UInt8] { (0..<count).map { load8(a + UInt32($0)) } }
    func setBytes(_ a: UInt32, _ values: [UInt8]) {
        for (i, v) in values.enumerated() { store8(a + UInt32(i), v) }
    }

    /// The whole guest state as bytes.
    var stateBytes: [UInt8] { [UInt8](UnsafeRawBufferPointer(start: state.raw, count: MIPSState.size)) }
}

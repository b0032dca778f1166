// An ARM guest for instruction tests: a state block, 1 MiB of guest memory (guest address a
// at `memory + a`, also the state's memoryBase for helpers), and code placed in that memory.
// `run` translates with ARMFrontend, verifies each block, and interprets it, block after
// block, until the pc leaves the code or a block exits to the engine's caller.

@testable import GuestARM
import CHost
import IR
import Testing
import TestBackends

final class GuestMachine {
    static let memorySize = 1 << 20
    static let codeBase: UInt32 = 0x1_0000
    /// A data area tests may use freely.
    static let dataBase: UInt32 = 0x2_0000
    static let stackTop: UInt32 = 0x8_0000

    let memory: UnsafeMutableRawPointer
    let state: ARMStatePointer
    var code: CodeWindow
    let thumbCode: Bool
    /// Every block translated by the last run, in order.
    var blocks: [Block] = []
    /// The host's MXCSR as the last `run` left it, before it was reset: its exception flags
    /// are the guest's not yet folded into FPSCR (vector float ops raise inexact there).
    var mxcsrAfterRun: UInt32 = 0x1f80
    /// FPSCR as VMRS would read it after the last run: the host's flags folded in.
    var fpscrAsRead: UInt32 { state.fpscr | ARMHelpers.cumulativeFlags(mxcsrAfterRun) }

    /// A machine with `code` at `base`, the pc at its start, in Thumb state when `thumb`.
    init(code bytes: [UInt8], thumb: Bool, base: UInt32 = GuestMachine.codeBase) {
        memory = .allocate(byteCount: GuestMachine.memorySize, alignment: 16)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: GuestMachine.memorySize)
        state = ARMStatePointer.allocate()
        state.memoryBase = memory
        for (i, b) in bytes.enumerated() { memory.storeBytes(of: b, toByteOffset: Int(base) + i, as: UInt8.self) }
        code = CodeWindow(memory: memory, start: base, end: base + UInt32(bytes.count))
        thumbCode = thumb
        state.pc = base
        state.thumb = thumb
        state.sp = GuestMachine.stackTop
    }

    /// Assembles `source` (ARM or Thumb) and builds a machine on it.
    convenience init(arm source: String) throws {
        self.init(code: try Assembler.arm(source), thumb: false)
    }
    convenience init(thumb source: String) throws {
        self.init(code: try Assembler.thumb(source), thumb: true)
    }

    deinit {
        memory.deallocate()
        state.deallocate()
    }

    /// Back to the start of the code with the given entry state (registers and flags are kept
    /// unless set again).
    func restart() {
        state.pc = code.start
        state.thumb = thumbCode
        state.itState = 0
    }

    // MARK: Running

    /// Runs blocks until the pc leaves the code, a block exits, or `blockLimit` blocks ran.
    /// Every block must verify; the flag fields must keep their documented representations.
    @discardableResult
    func run(maxInstructions: Int = 64, blockLimit: Int = 2000,
             sourceLocation: SourceLocation = #_sourceLocation) -> RunEnd {
        var frontend = ARMFrontend()
        blocks = []
        // The host's MXCSR carries the guest's rounding mode and exception flags (ARMHelpers+FPSCR):
        // set it from this guest's FPSCR for the run, and back to the host default after, so no
        // run sees another's mode or flags on a shared test thread.
        _ = ARMHelpers.writeFPSCR(state.raw, UInt64(state.fpscr), 0, 0)
        defer {
            mxcsrAfterRun = chost_get_mxcsr()
            let scratch = ARMStatePointer.allocate()
            _ = ARMHelpers.writeFPSCR(scratch.raw, 0, 0, 0)
            scratch.deallocate()
        }
        for _ in 0..<blockLimit {
            let pc = state.pc
            guard pc >= code.start, pc < code.end else { return .left }
            let key = frontend.blockKey(state: UnsafeRawPointer(state.raw))
            let block = frontend.translate(key, code: code, maxInstructions: maxInstructions)
            blocks.append(block)
            let problems = block.verify()
            #expect(problems == [], "block \(key) does not verify:\n\(block.text())", sourceLocation: sourceLocation)
            if !problems.isEmpty { return .exit(.undefined, payload: 0xdead) }
            let outcome = InterpreterRun.run(block, state: state.raw, memory: memory)
            checkRepresentation(sourceLocation)
            switch outcome {
            case .next: continue
            case .exit(let reason, let payload): return .exit(reason, payload: payload)
            case .failed: return .exit(.undefined, payload: 0xdead)
            }
        }
        return .blockLimit
    }

    /// Runs and expects the code to run to its end (or branch out of it).
    func runToEnd(maxInstructions: Int = 64, sourceLocation: SourceLocation = #_sourceLocation) {
        let end = run(maxInstructions: maxInstructions, sourceLocation: sourceLocation)
        #expect(end == .left, "run ended with \(end) at pc 0x\(String(state.pc, radix: 16))", sourceLocation: sourceLocation)
    }

    /// The flag fields hold what ARMState documents: C, Q and the Thumb bit 0 or 1, GE four
    /// bits, ITSTATE eight.
    func checkRepresentation(_ sourceLocation: SourceLocation) {
        let cf = field(ARMState.cf), qf = field(ARMState.qf), ge = field(ARMState.ge)
        let t = field(ARMState.thumb), it = field(ARMState.itState)
        #expect(cf <= 1, "C field holds \(cf)", sourceLocation: sourceLocation)
        #expect(qf <= 1, "Q field holds \(qf)", sourceLocation: sourceLocation)
        #expect(ge <= 0xf, "GE field holds \(ge)", sourceLocation: sourceLocation)
        #expect(t <= 1, "Thumb field holds \(t)", sourceLocation: sourceLocation)
        #expect(it <= 0xff, "ITSTATE field holds \(it)", sourceLocation: sourceLocation)
    }

    // MARK: State access

    func field(_ offset: Int) -> UInt32 { state.raw.load(fromByteOffset: offset, as: UInt32.self) }
    func setField(_ offset: Int, _ v: UInt32) { state.raw.storeBytes(of: v, toByteOffset: offset, as: UInt32.self) }

    subscript(_ n: Int) -> UInt32 {
        get { state[register: n] }
        set { state[register: n] = newValue }
    }

    /// NZCV as four bits (N is bit 3), read from the fields as ARMState documents them.
    var nzcv: UInt32 {
        get {
            (field(ARMState.nf) >> 31) << 3 | (field(ARMState.zf) == 0 ? 4 : 0)
                | (field(ARMState.cf) != 0 ? 2 : 0) | field(ARMState.vf) >> 31
        }
        set {
            setField(ARMState.nf, newValue & 8 != 0 ? 0x8000_0000 : 0)
            setField(ARMState.zf, newValue & 4 != 0 ? 0 : 1)
            setField(ARMState.cf, newValue & 2 != 0 ? 1 : 0)
            setField(ARMState.vf, newValue & 1 != 0 ? 0x8000_0000 : 0)
        }
    }
    var carry: Bool { field(ARMState.cf) != 0 }
    var q: Bool {
        get { field(ARMState.qf) != 0 }
        set { setField(ARMState.qf, newValue ? 1 : 0) }
    }
    var ge: UInt32 {
        get { field(ARMState.ge) }
        set { setField(ARMState.ge, newValue) }
    }

    func d(_ n: Int) -> UInt64 { state[d: n] }
    func setD(_ n: Int, _ v: UInt64) { state[d: n] = v }
    func s(_ n: Int) -> UInt32 { field(ARMState.s(n)) }
    func setS(_ n: Int, _ v: UInt32) { setField(ARMState.s(n), v) }
    func setDouble(_ n: Int, _ v: Double) { setD(n, v.bitPattern) }
    func double(_ n: Int) -> Double { Double(bitPattern: d(n)) }
    func setFloat(_ n: Int, _ v: Float) { setS(n, v.bitPattern) }
    func float(_ n: Int) -> Float { Float(bitPattern: s(n)) }

    // MARK: Memory access

    func load32(_ a: UInt32) -> UInt32 { memory.loadUnaligned(fromByteOffset: Int(a), as: UInt32.self) }
    func store32(_ a: UInt32, _ v: UInt32) { memory.storeBytes(of: v, toByteOffset: Int(a), as: UInt32.self) }
    func load8(_ a: UInt32) -> UInt8 { memory.load(fromByteOffset: Int(a), as: UInt8.self) }
    func store8(_ a: UInt32, _ v: UInt8) { memory.storeBytes(of: v, toByteOffset: Int(a), as: UInt8.self) }
    func store16(_ a: UInt32, _ v: UInt16) { memory.storeBytes(of: v, toByteOffset: Int(a), as: UInt16.self) }
    func load64(_ a: UInt32) -> UInt64 { memory.loadUnaligned(fromByteOffset: Int(a), as: UInt64.self) }
    func store64(_ a: UInt32, _ v: UInt64) { memory.storeBytes(of: v, toByteOffset: Int(a), as: UInt64.self) }
    func bytes(_ a: UInt32, _ count: Int) -> [UInt8] { (0..<count).map { load8(a + UInt32($0)) } }
    func setBytes(_ a: UInt32, _ values: [UInt8]) {
        for (i, v) in values.enumerated() { store8(a + UInt32(i), v) }
    }
}

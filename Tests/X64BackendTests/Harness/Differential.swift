// Runs one IR block on both backends from the same inputs and compares what they leave: the
// exit, every guest-state byte, every guest-memory byte (and the alias window above 4 GiB), and
// the host MXCSR exception flags. The interpreter is the reference: a difference is reported
// with the block's text, its inputs and both results.

import CHost
import Glibc
import IR
import IRInterpreter
import X64Assembler
import X64Backend

/// How a block left, in the interpreter's terms; the JIT's exits are mapped onto it.
enum Observed: Equatable, CustomStringConvertible {
    case exit(BlockExit)
    /// The JIT stopped at the block's entry because the exit-request flag was set.
    case exitRequest
    /// The JIT's lookup_and_goto missed the jump cache (no entry was planted for its key).
    case lookupMiss
    /// A chain miss whose patch field is not one of the block's goto_tb sites.
    case strayChain(offset: Int)
    case unknown(kind: UInt64, payload: UInt64)
    case compileError(String)

    var description: String {
        switch self {
        case .exit(.chain(let slot)): "goto_tb slot \(slot)"
        case .exit(.lookup(let pc, let flags)): "lookup pc 0x\(String(pc, radix: 16)) flags 0x\(String(flags, radix: 16))"
        case .exit(.exit(let reason, let payload)): "exit_tb \(reason) 0x\(String(payload, radix: 16))"
        case .exitRequest: "exit request"
        case .lookupMiss: "jump-cache miss"
        case .strayChain(let offset): "chain miss at unknown field +\(offset)"
        case .unknown(let kind, let payload): "unknown exit kind 0x\(String(kind, radix: 16)) payload 0x\(String(payload, radix: 16))"
        case .compileError(let e): "compile error \(e)"
        }
    }
}

/// What one backend left behind (the state and memory stay in its buffers).
struct Outcome {
    var exit: Observed
    var mxcsr: UInt32
}

/// A block compiled and prepared for both backends, reusable over many inputs.
struct PreparedCase {
    var block: Block
    var prepared: PreparedBlock
    var code: UnsafeMutableRawPointer?
    var compileError: String?
    /// Offsets (in the code) of the goto_tb patch fields, in op order, with their slots.
    var chainSites: [(offset: Int, slot: Int)]
}

final class Differential {
    static let exitRequestOffset = 1016
    static let defaultMXCSR: UInt32 = 0x1f80

    let interpreter = GuestBuffers()
    let jit = GuestBuffers()
    let arena = CodeArena()
    let jumpCache: UnsafeMutableRawPointer
    var compiler: X64Compiler
    let features: HostFeatures
    private var registers: UnsafeMutablePointer<UInt64>
    private var registerCount = 0
    private var planted: [UnsafeMutableRawPointer] = []

    init(features: HostFeatures = HostCPU.features) {
        self.features = features
        compiler = X64Compiler(features: features, exitRequestOffset: Self.exitRequestOffset)
        jumpCache = .allocate(byteCount: JITABI.jumpCacheEntries * JITABI.jumpCacheEntrySize, alignment: 64)
        registers = .allocate(capacity: 1)
        clearJumpCache()
    }

    deinit {
        jumpCache.deallocate()
        registers.deallocate()
    }

    /// Every entry all ones: pc ~0 with flags ~0 is no key a block can look up (flags are 32
    /// bits), so the code field is never read.
    func clearJumpCache() {
        memset(jumpCache, 0xff, JITABI.jumpCacheEntries * JITABI.jumpCacheEntrySize)
        planted.removeAll()
    }

    /// Every entry zero except slot 0, which is all ones: the engine's lazily zero-filled cache
    /// (EngineThread), where only the all-zero key (pc 0, flags 0) could match a zero entry and
    /// it always lands in slot 0.
    func zeroJumpCache() {
        memset(jumpCache, 0, JITABI.jumpCacheEntries * JITABI.jumpCacheEntrySize)
        memset(jumpCache, 0xff, 16)
        planted.removeAll()
    }

    /// Makes the jump cache send key (pc, flags) to `code`.
    func plant(pc: UInt64, flags: UInt64, code: UnsafeRawPointer) {
        let e = jumpCache + JITABI.jumpCacheIndex(pc: pc, flags: flags) * JITABI.jumpCacheEntrySize
        e.storeBytes(of: pc, as: UInt64.self)
        e.storeBytes(of: flags, toByteOffset: 8, as: UInt64.self)
        e.storeBytes(of: UInt64(UInt(bitPattern: code)), toByteOffset: 16, as: UInt64.self)
        planted.append(e)
    }

    /// Clears only the entries planted since the last clear.
    func unplant() {
        for e in planted { memset(e, 0xff, JITABI.jumpCacheEntrySize) }
        planted.removeAll()
    }

    func prepare(_ block: Block) -> PreparedCase {
        let prepared = PreparedBlock(block)
        switch compiler.compile(block) {
        case .success(let compiled):
            let code = arena.place(compiled)
            return PreparedCase(block: block, prepared: prepared, code: code, compileError: nil,
                                chainSites: Self.chainSites(compiled.bytes, block))
        case .failure(let error):
            return PreparedCase(block: block, prepared: prepared, code: nil, compileError: "\(error)", chainSites: [])
        }
    }

    /// The goto_tb sites: `jmp rel32 0` followed by `lea rdx, [rip - 11]` (the address of that
    /// rel32 field), in code order, which is op order.
    static func chainSites(_ bytes: [UInt8], _ block: Block) -> [(offset: Int, slot: Int)] {
        let slots = block.ops.filter { $0.opcode == .gotoTB }.map { Int($0.aux) }
        var fields: [Int] = []
        let pattern: [UInt8] = [0xe9, 0, 0, 0, 0, 0x48, 0x8d, 0x15, 0xf5, 0xff, 0xff, 0xff]
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == 0xe9 && Array(bytes[i..<i + pattern.count]) == pattern {
                fields.append(i + 1)
                i += pattern.count
            } else {
                i += 1
            }
        }
        // A pattern inside an immediate would break the pairing; then only an all-one-slot block
        // can be mapped.
        if fields.count != slots.count {
            return Set(slots).count == 1 ? fields.map { ($0, slots[0]) } : []
        }
        return zip(fields, slots).map { ($0, $1) }
    }

    // MARK: Running

    func runInterpreter(_ c: PreparedCase, _ image: GuestImage, mxcsr: UInt32) -> Outcome {
        interpreter.load(image)
        if registerCount < c.prepared.valueCount + 1 {
            registers.deallocate()
            registerCount = c.prepared.valueCount + 1
            registers = .allocate(capacity: registerCount)
        }
        registers.initialize(repeating: 0, count: registerCount)
        chost_set_mxcsr(mxcsr)
        let exit = Interpreter.run(c.prepared, state: interpreter.state, memory: interpreter.memory, registers: registers)
        let flags = chost_get_mxcsr()
        chost_set_mxcsr(Self.defaultMXCSR)
        return Outcome(exit: .exit(exit), mxcsr: flags)
    }

    /// Runs the compiled code. `lookupKey`: the key to plant in the jump cache (pointing at the
    /// hit stub) before running, if any.
    func runJIT(_ c: PreparedCase, _ image: GuestImage, mxcsr: UInt32, lookupKey: (pc: UInt64, flags: UInt32)?) -> Outcome {
        jit.load(image)
        guard let code = c.code else {
            return Outcome(exit: .compileError(c.compileError ?? "?"), mxcsr: 0)
        }
        unplant()
        if let key = lookupKey { plant(pc: key.pc, flags: UInt64(key.flags), code: arena.lookupHitStub) }
        chost_set_mxcsr(mxcsr)
        let result = chost_jit_enter(arena.entry, jit.state, jit.memory, jumpCache, code)
        let flags = chost_get_mxcsr()
        chost_set_mxcsr(Self.defaultMXCSR)
        let observed: Observed
        switch result.kind & 0xff {
        case JITABI.Exit.chainMiss.rawValue:
            let offset = Int(bitPattern: UInt(result.payload)) - Int(bitPattern: code)
            if let site = c.chainSites.first(where: { $0.offset == offset }) {
                observed = .exit(.chain(slot: site.slot))
            } else {
                observed = .strayChain(offset: offset)
            }
        case JITABI.Exit.lookupMiss.rawValue:
            observed = .lookupMiss
        case JITABI.Exit.exitRequest.rawValue:
            observed = .exitRequest
        case JITABI.Exit.exitTB.rawValue:
            // Above the reason, an alignment check's exit carries its host address.
            if let reason = ExitReason(rawValue: UInt8(truncatingIfNeeded: result.kind >> 8)),
               result.kind >> 16 == 0 || reason == .alignmentFault {
                observed = .exit(.exit(reason, payload: result.payload))
            } else {
                observed = .unknown(kind: result.kind, payload: result.payload)
            }
        case CodeArena.lookupHitKind:
            observed = .exit(.lookup(pc: result.payload, flags: UInt32(truncatingIfNeeded: result.kind >> 8)))
        default:
            observed = .unknown(kind: result.kind, payload: result.payload)
        }
        return Outcome(exit: observed, mxcsr: flags)
    }

    /// Runs both backends; nil when they agree, else a report. With `plantLookup`, a lookup the
    /// interpreter makes is planted in the jump cache so the JIT must hit it; without, the JIT
    /// must miss.
    func compare(_ c: PreparedCase, _ image: GuestImage, mxcsr: UInt32 = Differential.defaultMXCSR,
                 plantLookup: Bool = true) -> String? {
        let expected = runInterpreter(c, image, mxcsr: mxcsr)
        var key: (UInt64, UInt32)? = nil
        if plantLookup, case .exit(.lookup(let pc, let flags)) = expected.exit { key = (pc, flags) }
        let actual = runJIT(c, image, mxcsr: mxcsr, lookupKey: key)
        var problems: [String] = []
        var exitAgrees = actual.exit == expected.exit
        if !plantLookup, case .exit(.lookup) = expected.exit, actual.exit == .lookupMiss { exitAgrees = true }
        if !exitAgrees { problems.append("exit: interpreter \(expected.exit), JIT \(actual.exit)") }
        if memcmp(interpreter.state, jit.state, GuestBuffers.stateSize) != 0 {
            problems.append("state differs:\n" + Self.wordDiff(interpreter.stateBytes, jit.stateBytes, limit: 12))
        }
        if memcmp(interpreter.memory, jit.memory, GuestBuffers.windowSize) != 0 {
            problems.append("memory differs:\n" + Self.wordDiff(interpreter.memoryBytes, jit.memoryBytes, limit: 12))
        }
        if jit.aliasTouched || interpreter.aliasTouched { problems.append("the JIT wrote above 4 GiB (an i32 address did not wrap)") }
        if expected.mxcsr & 0x3f != actual.mxcsr & 0x3f {
            problems.append("MXCSR flags: interpreter 0x\(String(expected.mxcsr & 0x3f, radix: 16)), JIT 0x\(String(actual.mxcsr & 0x3f, radix: 16))")
        }
        if problems.isEmpty { return nil }
        return "JIT disagrees with the interpreter (features \(features.summary), MXCSR 0x\(String(mxcsr, radix: 16)))\n"
            + c.block.text() + "inputs:\n" + Self.inputs(c.block, image) + problems.joined(separator: "\n")
    }

    /// Prepares and compares once.
    func compare(_ block: Block, _ image: GuestImage, mxcsr: UInt32 = Differential.defaultMXCSR,
                 plantLookup: Bool = true) -> String? {
        let c = prepare(block)
        defer { c.prepared.deallocate() }
        return compare(c, image, mxcsr: mxcsr, plantLookup: plantLookup)
    }

    /// Runs only the JIT (for behaviour the interpreter leaves to the engine).
    func runJITOnly(_ block: Block, _ image: GuestImage, lookupKey: (pc: UInt64, flags: UInt32)? = nil) -> Outcome {
        let c = prepare(block)
        defer { c.prepared.deallocate() }
        return runJIT(c, image, mxcsr: Self.defaultMXCSR, lookupKey: lookupKey)
    }

    /// Runs only the interpreter.
    func runInterpreterOnly(_ block: Block, _ image: GuestImage, mxcsr: UInt32 = Differential.defaultMXCSR) -> Outcome {
        let c = prepare(block)
        defer { c.prepared.deallocate() }
        return runInterpreter(c, image, mxcsr: mxcsr)
    }

    // MARK: Reporting

    /// 8-byte words that differ: offset, interpreter value, JIT value.
    static func wordDiff(_ a: [UInt8], _ b: [UInt8], limit: Int) -> String {
        var lines: [String] = []
        var offset = 0
        while offset < a.count {
            let end = Swift.min(offset + 8, a.count)
            if a[offset..<end] != b[offset..<end] {
                if lines.count == limit { lines.append("  ..."); break }
                lines.append("  [\(offset)] interpreter \(hexBytes(a[offset..<end])) JIT \(hexBytes(b[offset..<end]))")
            }
            offset += 8
        }
        return lines.joined(separator: "\n")
    }

    static func hexBytes(_ bytes: ArraySlice<UInt8>) -> String {
        // Little-endian word, most significant byte first.
        "0x" + bytes.reversed().map { String($0, radix: 16).leftPadded(2) }.joined()
    }

    /// The state words the block reads, with their input values.
    static func inputs(_ block: Block, _ image: GuestImage) -> String {
        var seen = Set<Int>()
        var out = ""
        for op in block.ops where op.opcode == .loadState {
            let offset = Int(op.imm), size = op.type.bits / 8
            guard seen.insert(offset).inserted, offset + size <= image.state.count else { continue }
            out += "  [\(offset)].\(op.type.name) = \(hexBytes(image.state[offset..<offset + size]))\n"
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

extension HostFeatures {
    var summary: String {
        [movbe ? "movbe" : nil, lzcnt ? "lzcnt" : nil, popcnt ? "popcnt" : nil, bmi1 ? "bmi1" : nil]
            .compactMap { $0 }.joined(separator: ",").nilIfEmpty ?? "baseline"
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// What this host's CPU offers (the engine's detection).
enum HostCPU {
    static let features: HostFeatures = HostFeatures.detected ?? .baseline

    /// The feature sets worth testing: this host's, and none of the optional extensions (the
    /// fallback sequences). popcnt stays: the backend requires it.
    static var variants: [HostFeatures] {
        let none = HostFeatures(movbe: false, lzcnt: false, popcnt: true, bmi1: false)
        return features.movbe || features.lzcnt || features.bmi1 ? [features, none] : [features]
    }
}

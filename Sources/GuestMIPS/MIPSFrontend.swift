// The MIPS frontend the engine drives: block keys from the guest state, and the translation
// loop (fetch in the block's byte order, a branch and its delay slot as one unit, block ends).

import IR
import MIPSDecoder

public struct MIPSFrontend: Frontend {
    static let pageSize: UInt32 = 4096

    public init() {}

    public var exitRequestOffset: Int { MIPSState.exitRequest }

    /// BlockKey.flags are the state's MIPSMode bits.
    public func blockKey(state: UnsafeRawPointer) -> BlockKey {
        let pc = state.load(fromByteOffset: MIPSState.pc, as: UInt32.self)
        let mode = state.load(fromByteOffset: MIPSState.mode, as: UInt32.self) & MIPSMode.all.rawValue
        return BlockKey(pc: UInt64(pc), flags: mode)
    }

    /// Resume byte 1 marks a delay slot: the state resumes at its branch (the branch re-runs,
    /// as after an exception whose EPC is the branch).
    public func resume(at pc: UInt64, resume: UInt8, of key: BlockKey, state: UnsafeMutableRawPointer) {
        let restart = UInt32(truncatingIfNeeded: pc) &- (resume == 1 ? 4 : 0)
        state.storeBytes(of: restart, toByteOffset: MIPSState.pc, as: UInt32.self)
    }

    public mutating func translate<C: CodeSource>(_ key: BlockKey, code: C, maxInstructions: Int) -> Block {
        var t = Translator(key: key)
        let start = UInt32(truncatingIfNeeded: key.pc)
        let bigEndian = t.bigEndian
        let page = start & ~(Self.pageSize - 1)
        var pc = start
        var count = 0
        if start & 3 != 0 {
            // An instruction fetch from an unaligned address: an address error (SIGBUS).
            t.pc = start
            t.exit(.alignmentFault, payload: UInt64(start), resumeAfter: false)
            return t.b.finish(guestSize: 0, instructionCount: 0)
        }
        var word = Self.fetch(code, at: pc, bigEndian: bigEndian)
        while true {
            // End before the size limit and before crossing into the next page (a delay slot
            // is the exception: it always goes with its branch).
            if count >= maxInstructions || pc & ~(Self.pageSize - 1) != page {
                endBlock(&t, at: pc)
                break
            }
            guard let current = word else {
                if count == 0 {
                    fetchFault(&t, at: pc, restart: pc)
                } else {
                    endBlock(&t, at: pc)
                }
                break
            }
            let following = Self.fetch(code, at: pc &+ 4, bigEndian: bigEndian)
            t.pc = pc
            t.word = current
            t.ended = false
            t.slotAvailable = following != nil
            t.b.insnStart(UInt64(pc))
            translateOne(&t, current)
            if t.slotMissing {
                // A branch whose delay slot cannot be fetched: the exception is the branch's.
                if count == 0 {
                    fetchFault(&t, at: pc &+ 4, restart: pc)
                } else {
                    endBlock(&t, at: pc)
                }
                break
            }
            count += 1
            if t.pending != nil, let slot = following {
                t.beginDelaySlot(word: slot)
                translateOne(&t, slot)
                t.finishBranch()
                count += 1
                pc &+= 8
                guard t.continues else { break }
                t.continues = false
                word = Self.fetch(code, at: pc, bigEndian: bigEndian)
                continue
            }
            pc &+= 4
            if t.ended { break }
            word = following
        }
        t.emitDeferredExits()
        t.emitDeferredNaNPaths()
        if let head = t.loopHead { t.b.placeAtStart(head) }
        return t.b.finish(guestSize: pc &- start, instructionCount: UInt32(count))
    }

    /// Leaves the block to `pc` as the next block's start.
    func endBlock(_ t: inout Translator, at pc: UInt32) {
        t.jump(to: pc)
    }

    /// Code at `address` cannot be fetched: a fetch fault (SIGSEGV) whose payload is that
    /// address; the state's pc is `restart` (the branch, when it is its delay slot).
    func fetchFault(_ t: inout Translator, at address: UInt32, restart: UInt32) {
        t.pc = restart
        t.delaySlotOf = nil
        t.exit(.fetchFault, payload: UInt64(address), resumeAfter: false)
    }

    func translateOne(_ t: inout Translator, _ word: UInt32) {
        if !Translator.joinsNaNChain(word) { t.flushNaNChecks(resumeAt: t.inDelaySlot ? nil : t.pc) }
        var v = MIPS32Decoding(t: t)
        if !MIPS32Decoder.decode(word, &v) { v.t.undefined() }
        t = v.t
    }

    /// The instruction word at pc in the guest's byte order.
    static func fetch<C: CodeSource>(_ code: C, at pc: UInt32, bigEndian: Bool) -> UInt32? {
        guard let w = code.fetch32(UInt64(pc)) else { return nil }
        return bigEndian ? w.byteSwapped : w
    }

    public func disassemble<C: CodeSource>(_ block: Block, code: C) -> String {
        var out = ""
        let bigEndian = block.key.flags & MIPSMode.bigEndian.rawValue != 0
        for op in block.ops where op.opcode == .insnStart {
            let pc = UInt32(truncatingIfNeeded: op.imm)
            guard let word = Self.fetch(code, at: pc, bigEndian: bigEndian) else { continue }
            out += "0x\(String(pc, radix: 16).leftPadded(8)):  \(String(word, radix: 16).leftPadded(8))  "
                + MIPSDisassembler.describe(word) + (op.aux == 1 ? "  (delay slot)" : "") + "\n"
        }
        return out
    }
}

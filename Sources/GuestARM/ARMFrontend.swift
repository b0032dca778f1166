// The ARM frontend the engine drives: block keys from the guest state, and the translation
// loop (fetch, conditional execution, IT blocks, block ends).

import ARMDecoder
import IR

public struct ARMFrontend: Frontend {
    /// BlockKey.flags: bit 0 Thumb, bit 1 big-endian data (CPSR.E), bit 2 default-NaN mode
    /// (FPSCR.DN: VFP arithmetic translates differently), bit 3 flush-to-zero mode (FPSCR.FZ:
    /// VFP arithmetic goes through the helpers of ARMHelpers+FlushToZero), bits 8-15 ITSTATE.
    public static let thumbFlag: UInt32 = 1
    public static let bigEndianFlag: UInt32 = 2
    public static let defaultNaNFlag: UInt32 = 4
    public static let flushToZeroFlag: UInt32 = 8
    public static let itShift: UInt32 = 8

    static let pageSize: UInt32 = 4096

    public init() {}

    public var exitRequestOffset: Int { ARMState.exitRequest }

    public func blockKey(state: UnsafeRawPointer) -> BlockKey {
        let pc = state.load(fromByteOffset: ARMState.pc, as: UInt32.self)
        let thumb = state.load(fromByteOffset: ARMState.thumb, as: UInt32.self)
        let be = state.load(fromByteOffset: ARMState.bigEndian, as: UInt32.self)
        let it = state.load(fromByteOffset: ARMState.itState, as: UInt32.self)
        let fpscr = state.load(fromByteOffset: ARMState.fpscr, as: UInt32.self)
        let dn = fpscr >> 25 & 1, fz = fpscr >> 24 & 1
        let flags = (thumb != 0 ? Self.thumbFlag : 0) | (be != 0 ? Self.bigEndianFlag : 0) | dn * Self.defaultNaNFlag
            | fz * Self.flushToZeroFlag
            | (it & 0xff) << Self.itShift
        return BlockKey(pc: UInt64(pc), flags: flags)
    }

    public func resume(at pc: UInt64, resume: UInt8, of key: BlockKey, state: UnsafeMutableRawPointer) {
        state.storeBytes(of: UInt32(truncatingIfNeeded: pc), toByteOffset: ARMState.pc, as: UInt32.self)
        state.storeBytes(of: UInt32(resume), toByteOffset: ARMState.itState, as: UInt32.self)
    }

    public mutating func translate<C: CodeSource>(_ key: BlockKey, code: C, maxInstructions: Int, into block: inout Block) {
        // The builder takes the block's arrays over (so they stay uniquely referenced and grow
        // in place) and hands them back at the end.
        var storage = Block(key: key)
        swap(&storage, &block)
        var t = Translator(key: key, reusing: consume storage)
        let start = UInt32(truncatingIfNeeded: key.pc)
        var pc = start
        var count = 0
        let page = start & ~(Self.pageSize - 1)
        while true {
            // End before the size limit and before crossing into the next page, so a change to
            // one code page never leaves a stale block reaching into it.
            if count >= maxInstructions || pc & ~(Self.pageSize - 1) != page {
                endBlock(&t, at: pc)
                break
            }
            guard let (word, size) = fetch(code, at: pc, thumb: t.thumb, first: count == 0) else {
                if count == 0 {
                    t.pc = pc
                    t.next = pc
                    t.exit(.fetchFault, payload: UInt64(pc), resumeAfter: false)
                } else {
                    endBlock(&t, at: pc)
                }
                break
            }
            t.pc = pc
            t.next = pc &+ size
            t.word = word
            t.ended = false
            t.b.insnStart(UInt64(pc), resume: UInt8(truncatingIfNeeded: t.itState))
            if t.thumb {
                translateThumb(&t, word, size: size)
            } else {
                translateA32(&t, word)
            }
            count += 1
            pc = t.next
            if t.ended { break }
            t.itState = t.nextITState
        }
        t.emitDeferredExits()
        if let head = t.loopHead { t.b.placeAtStart(head) }
        block = t.b.finish(guestSize: pc &- start, instructionCount: UInt32(count))
    }

    /// Leaves the block to `pc` as the next block's start.
    func endBlock(_ t: inout Translator, at pc: UInt32) {
        t.pc = pc
        t.next = pc
        t.nextITState = t.itState
        t.jump(to: pc)
    }

    /// The instruction word at pc and its size. A 32-bit Thumb instruction is the first
    /// halfword << 16 | the second. An instruction that crosses into the next page is fetched
    /// only as a block's first instruction.
    func fetch<C: CodeSource>(_ code: C, at pc: UInt32, thumb: Bool, first: Bool) -> (UInt32, UInt32)? {
        if !thumb {
            guard let w = code.fetch32(UInt64(pc)) else { return nil }
            return (w, 4)
        }
        guard let hw1 = code.fetch16(UInt64(pc)) else { return nil }
        guard ThumbDecoding.isWide(hw1) else { return (UInt32(hw1), 2) }
        let second = pc &+ 2
        if second & (Self.pageSize - 1) == 0 && !first { return nil }
        guard let hw2 = code.fetch16(UInt64(second)) else { return nil }
        return (UInt32(hw1) << 16 | UInt32(hw2), 4)
    }

    func translateA32(_ t: inout Translator, _ word: UInt32) {
        let cond = word >> 28
        if cond == 0xf {
            withUnsafeMutablePointer(to: &t) { p in
                var v = A32UncondDecoding(translator: p)
                if !A32UncondDecoder.decode(word, &v) { p.pointee.undefined() }
            }
            return
        }
        if cond < 14 && (word >> 24) & 0xf == 0b1010 {
            // B<c>: imm24 sign-extended, times 4.
            let offset = UInt32(bitPattern: (Int32(bitPattern: word << 8) >> 8) &<< 2)
            t.conditionalBranch(.condition(cond), to: t.pcRead &+ offset)
            return
        }
        t.beginConditional(cond)
        withUnsafeMutablePointer(to: &t) { p in
            var v = A32Decoding(translator: p)
            if !A32Decoder.decode(word, &v) { p.pointee.undefined() }
        }
        t.endConditional()
    }

    func translateThumb(_ t: inout Translator, _ word: UInt32, size: UInt32) {
        let inIT = t.itState & 0xf != 0
        t.nextITState = inIT ? ThumbDecoding.advanceIT(t.itState) : 0
        if inIT { t.beginConditional(t.itState >> 4) }
        withUnsafeMutablePointer(to: &t) { p in
            if size == 2 {
                var v = T16Decoding(translator: p)
                if !T16Decoder.decode(word, &v) { p.pointee.undefined() }
            } else {
                var v = T32Decoding(translator: p)
                if !T32Decoder.decode(word, &v) { p.pointee.undefined() }
            }
        }
        if inIT { t.endConditional() }
    }

    public func disassemble<C: CodeSource>(_ block: Block, code: C) -> String {
        var out = ""
        for op in block.ops where op.opcode == .insnStart {
            let pc = UInt32(truncatingIfNeeded: op.imm)
            let thumb = block.key.flags & Self.thumbFlag != 0
            guard let (word, size) = fetch(code, at: pc, thumb: thumb, first: true) else { continue }
            let hex = size == 2 ? String(word, radix: 16).leftPadded(4) : String(word, radix: 16).leftPadded(8)
            out += "0x\(String(pc, radix: 16).leftPadded(8)):  \(hex.leftPadded(8, with: " "))  "
                + ARMDisassembler.describe(word, size: size, thumb: thumb) + "\n"
        }
        return out
    }
}

enum ThumbDecoding {
    /// A halfword starting a 32-bit Thumb instruction: 0b11101, 0b11110, 0b11111 in bits 15-11.
    static func isWide(_ hw: UInt16) -> Bool { hw >> 11 >= 0b11101 }

    /// ITAdvance(): the IT state of the next instruction.
    static func advanceIT(_ it: UInt32) -> UInt32 {
        it & 7 == 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f)
    }
}

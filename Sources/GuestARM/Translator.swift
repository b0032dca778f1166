// The translation context of one block: the IR being built, where we are in the guest code,
// and the pieces every instruction needs (register access, PC writes, block exits, conditional
// execution). The A32, Thumb, VFP and NEON visitors all work through one Translator.

import IR

/// One per block, never copied while it builds: the visitors reach it through a pointer
/// (ARMFrontend.translateA32, translateThumb), so the builder's arrays stay uniquely
/// referenced and grow in place.
struct Translator {
    /// The block being built.
    var b: IRBuilder
    /// The last flag-setting subtraction (cmp, subs): NZCV are the flags of x - y as long as
    /// nothing after op index `from` wrote them (Translator.flagsOfCompare checks).
    var compare: (x: Value, y: Value, result: Value, from: Int)?
    /// The last VCMP: FPSCR.NZCV hold the flags of comparing x with y (lt, eq, un as 0/1
    /// values) as long as nothing after op index `from` wrote FPSCR.
    var floatCompare: (x: Value, y: Value, lt: Value, eq: Value, un: Value, from: Int)?
    /// The last VMRS APSR_nzcv that copied floatCompare's flags: NZCV are those of comparing
    /// x with y as long as nothing after op index `from` wrote them.
    var floatFlags: (x: Value, y: Value, from: Int)?
    /// Under FPSCR.FZ, the latest results merged at the end of an operation's test (Translator
    /// +FlushToZero): the register holds the value as long as nothing after op index `from`
    /// wrote it. (The passes forget state fields at every label, so reads would go through the
    /// guest state.)
    var flushedResults: [(register: Int, double: Bool, value: Value, from: Int)] = []
    /// Address of the instruction being translated.
    var pc: UInt32 = 0
    /// Address of the instruction after it.
    var next: UInt32 = 0
    let thumb: Bool
    /// Data accesses are big-endian (CPSR.E).
    let bigEndian: Bool
    /// FPSCR.DN: every VFP NaN result is the default NaN.
    let defaultNaN: Bool
    /// FPSCR.FZ: VFP arithmetic flushes denormals as ARM does, through helpers.
    let flushToZero: Bool
    /// ITSTATE of the instruction being translated, and of the one after it.
    var itState: UInt32 = 0
    var nextITState: UInt32 = 0
    /// ITSTATE the guest state holds at the moment (the block's entry value until an exit
    /// writes another), so exits store it only when it changes.
    let entryITState: UInt32
    /// The current instruction's encoding (for undefined-instruction reports).
    var word: UInt32 = 0
    /// Set when the instruction ended the block on its executed path (a branch or an exit).
    var ended = false
    /// The label the current instruction's condition-failed path continues at.
    var skip: Label?
    /// The block's first op, when a branch back to the block's start loops inside the block
    /// (ARMFrontend places it when the block is done).
    var loopHead: Label?
    /// Taken sides of conditional branches the block continued past: each label leaves to its
    /// target through goto_tb slot 2, 3 (ARMFrontend emits them after the block's end).
    var deferredExits: [(label: Label, target: UInt32)] = []

    init(key: BlockKey, reusing storage: consuming Block) {
        b = IRBuilder(key: key, reusing: consume storage)
        thumb = key.flags & ARMFrontend.thumbFlag != 0
        bigEndian = key.flags & ARMFrontend.bigEndianFlag != 0
        defaultNaN = key.flags & ARMFrontend.defaultNaNFlag != 0
        flushToZero = key.flags & ARMFrontend.flushToZeroFlag != 0
        entryITState = (key.flags >> ARMFrontend.itShift) & 0xff
        itState = entryITState
    }

    // MARK: Registers

    /// The value of r[n] as an instruction reads it: r15 reads as the instruction's address
    /// plus 8 (A32) or 4 (Thumb).
    mutating func reg(_ n: UInt32) -> Value {
        if n == 15 { return b.const32(pcRead) }
        return b.loadState(.i32, ARMState.r(Int(n)))
    }
    var pcRead: UInt32 { pc &+ (thumb ? 4 : 8) }
    /// Align(PC, 4), as Thumb literal loads and ADR read it.
    var pcAligned: UInt32 { pcRead & ~3 }

    /// r[n] = v, for n < 15.
    mutating func setReg(_ n: UInt32, _ v: Value) { b.storeState(ARMState.r(Int(n)), v) }

    mutating func const32(_ v: UInt32) -> Value { b.const32(v) }

    // MARK: Writes to the PC (ARM ARM A2.3.1 pseudocode)

    enum PCWrite {
        /// BranchWritePC: stay in the current instruction set.
        case branch
        /// BXWritePC: bit 0 selects Thumb.
        case exchange
        /// ALUWritePC: exchange in ARM state, branch in Thumb state (ARMv7).
        case alu
        /// LoadWritePC: exchange.
        case load
    }

    /// Writes r[d] = v, where d may be the PC (then the block ends with the right branch).
    mutating func writeReg(_ d: UInt32, _ v: Value, _ kind: PCWrite) {
        if d == 15 { writePC(v, kind) } else { setReg(d, v) }
    }

    mutating func writePC(_ v: Value, _ kind: PCWrite) {
        let exchange = kind == .exchange || kind == .load || (kind == .alu && !thumb)
        let endianFlag = modeFlags
        let target: Value, flags: Value
        if exchange {
            let t = b.andi(v, 1)
            b.storeState(ARMState.thumb, t)
            target = b.andi(v, ~1)
            flags = endianFlag == 0 ? t : b.ori(t, UInt64(endianFlag))
        } else {
            target = b.andi(v, thumb ? ~1 : ~3)
            flags = b.const32((thumb ? ARMFrontend.thumbFlag : 0) | endianFlag)
        }
        b.storeState(ARMState.pc, target)
        // A write to the PC ends any IT block (it must be its last instruction).
        storeNextITState(0)
        b.lookupAndGoto(pc: target, flags: flags)
        ended = true
    }

    /// The key flags of the block at the next instruction in the current mode with `itState`.
    func keyFlags(itState: UInt32) -> UInt32 {
        (thumb ? ARMFrontend.thumbFlag : 0) | modeFlags | itState << ARMFrontend.itShift
    }

    /// The key flags besides Thumb and ITSTATE: data endianness, default-NaN and
    /// flush-to-zero modes.
    var modeFlags: UInt32 {
        (bigEndian ? ARMFrontend.bigEndianFlag : 0) | (defaultNaN ? ARMFrontend.defaultNaNFlag : 0)
            | (flushToZero ? ARMFrontend.flushToZeroFlag : 0)
    }

    // MARK: Block exits

    /// Ends the path with a direct branch to `target` (chainable through `slot`). A branch to
    /// the block's own start in the same mode loops inside the block while nobody asked the
    /// thread to stop (the exit-request flag, tested on every iteration): the passes can then
    /// keep guest registers in host registers across iterations (Passes+Loops.swift). When
    /// the flag is up it leaves as any branch does, and the next block's entry check stops.
    mutating func jump(to target: UInt32, thumb toThumb: Bool? = nil, slot: Int = 0) {
        let nextIT = toThumb == false ? 0 : nextITState
        if UInt64(target) == b.block.key.pc && (toThumb ?? thumb) == thumb && nextIT == entryITState {
            let head = loopHead ?? b.newLabel()
            loopHead = head
            let stop = b.newLabel()
            b.brcond(.ne, b.loadState(.i32, ARMState.exitRequest), b.const32(0), stop)
            b.br(head)
            b.label(stop)
        }
        if let toThumb, toThumb != thumb { b.storeState(ARMState.thumb, b.const32(toThumb ? 1 : 0)) }
        b.storeState(ARMState.pc, b.const32(target))
        storeNextITState(toThumb == false ? 0 : nextITState)
        b.gotoTB(slot: slot)
        ended = true
    }

    /// Ends the path returning to the engine's caller with `reason`; the state's pc is the
    /// next instruction when `resumeAfter`, else this one.
    mutating func exit(_ reason: ExitReason, payload: UInt64 = 0, resumeAfter: Bool) {
        b.storeState(ARMState.pc, b.const32(resumeAfter ? next : pc))
        storeNextITState(resumeAfter ? nextITState : itState)
        b.exitTB(reason, payload: payload)
        ended = true
    }

    /// An Alignment fault unless `address` is a multiple of `alignment` (a power of two; 1
    /// checks nothing): the path leaves at this instruction, nothing of it done, with the
    /// address in the state's faultAddress (ARMState.faultAddressInState). One test of the low
    /// bits on the path that goes on.
    mutating func exit(ifMisaligned address: Value, alignment: UInt32) {
        guard alignment > 1 else { return }
        let aligned = b.newLabel()
        b.brcond(.eq, b.andi(address, UInt64(alignment - 1)), b.const32(0), aligned, hint: .coldFallThrough)
        b.storeState(ARMState.faultAddress, address)
        b.storeState(ARMState.pc, b.const32(pc))
        storeNextITState(itState)
        b.exitTB(.alignmentFault, payload: ARMState.faultAddressInState)
        b.label(aligned)
    }

    /// The current instruction is undefined: SIGILL at this pc.
    mutating func undefined() {
        exit(.undefined, payload: UInt64(word), resumeAfter: false)
    }

    mutating func storeNextITState(_ value: UInt32) {
        if thumb && value != entryITState { b.storeState(ARMState.itState, b.const32(value)) }
    }

    // MARK: Conditional execution

    /// Starts conditional execution of the current instruction: when `cond` fails, control
    /// continues at the label `endConditional` places. AL (and 1111) need nothing.
    mutating func beginConditional(_ cond: UInt32) {
        guard cond < 14 else { return }
        let l = b.newLabel()
        branch(ifNot: cond, to: l)
        skip = l
    }

    /// Closes the current instruction's condition: when the executed path ended the block, the
    /// condition-failed path must leave the block too, to the next instruction.
    mutating func endConditional() {
        guard let l = skip else { return }
        skip = nil
        b.label(l)
        if ended { jump(to: next, slot: 1) }
    }
}

// Linear-scan register allocation over the intervals of one block. Integer values get one of
// the allocatable general registers or a stack slot; float and v128 values an XMM register or a
// slot (a v128 two slots in a row).
// rax, rcx and rdx are never allocated: the lowering uses them as scratch (and x86 wants them
// for division, shift counts and cmpxchg). Values that live across a helper call take a
// callee-saved register or a slot.
//
// When the registers run out, the interval that ends last gives its register up (Poletto and
// Sarkar's heuristic), and a value loaded from a guest state field that nothing writes while it
// lives is never copied to a slot: it is re-read from the state field (its "home").

import IR

/// Where a value lives while it is live.
enum Location: Equatable {
    /// A general register by its x86 number (0 rax ... 15 r15).
    case gpr(UInt8)
    /// An XMM register by number.
    case xmm(UInt8)
    /// An 8-byte slot of the spill area: [rsp + slot * 8].
    case slot(Int)
    /// The guest state field it was loaded from: [r15 + offset], unchanged while it lives.
    case state(Int32)
}

/// An interval holding a register or a slot, and where.
struct ActiveInterval {
    var end: Int
    var value: Int
    var location: Location
    var crossesCall: Bool
}

enum Registers {
    /// x86 numbers: rbx 3, rbp 5, rsi 6, rdi 7, r8-r13. r14 (guest memory) and r15 (guest state)
    /// are pinned; rsp is the stack. The free lists are stacks: the last one listed is taken
    /// first.
    static let callerSaved: [UInt8] = [6, 7, 8, 9, 10, 11]
    static let calleeSaved: [UInt8] = [3, 13, 12, 5]
    /// rbx, rbp, r12, r13 as a bit set.
    static let calleeSavedMask: UInt32 = 1 << 3 | 1 << 5 | 1 << 12 | 1 << 13
    /// xmm0-xmm13; xmm14 and xmm15 are scratch.
    static let xmmCount: UInt8 = 14

    @inline(__always)
    static func isCalleeSaved(_ r: UInt8) -> Bool { calleeSavedMask & (1 << UInt32(r & 31)) != 0 }
}

extension X64Compiler {
    /// Gives every interval a location (`ValueInfo.location`) and sets `slotCount`; a value
    /// with a home (`ValueInfo.home`) that gets no register lives in its state field.
    mutating func allocateRegisters(_ ops: UnsafeBufferPointer<Op>) {
        let info = values.pointer
        freeCaller.removeAll()
        for r in Registers.callerSaved { freeCaller.append(r) }
        freeCallee.removeAll()
        for r in Registers.calleeSaved { freeCallee.append(r) }
        freeXMM.removeAll()
        for r in 0..<Registers.xmmCount { freeXMM.append(r) }
        freeSlots.removeAll()
        active.removeAll()
        var slots = 0

        @inline(__always) func home(_ value: Int) -> Int32? { self.home(value, ops) }
        /// Where a value goes that gets no register: its home, or a slot. A value moved out of its
        /// register after it started (`fresh`) needs a slot nobody used since its start: a new
        /// one, not one an interval freed meanwhile.
        func memory(_ value: Int, fresh: Bool = false) -> Location {
            if let offset = home(value) { return .state(offset) }
            if valueTypes[value] == .v128 {
                // Two slots in a row, never handed out again in this block.
                slots += 2
                return .slot(slots - 2)
            }
            if !fresh, let s = freeSlots.popLast() { return .slot(s) }
            slots += 1
            return .slot(slots - 1)
        }

        func release(_ location: Location, of value: Int) {
            if valueTypes[value] == .v128, case .slot = location { return }
            switch location {
            case .gpr(let r):
                if Registers.isCalleeSaved(r) { freeCallee.append(r) } else { freeCaller.append(r) }
            case .xmm(let r):
                freeXMM.append(r)
            case .slot(let s):
                freeSlots.append(s)
            case .state:
                break
            }
        }

        // The earliest end among the active intervals, or less: when it is not before an
        // interval's start, nothing expires and the walk is skipped. (The expiry walk makes it
        // exact; an entry taken out by a hint may leave it low, which only costs a walk.)
        var earliestEnd = Int.max
        for i in 0..<intervals.count {
            let interval = intervals[i]
            // Expire intervals that ended before this one starts, in order, freeing their places.
            if earliestEnd < interval.start {
                earliestEnd = Int.max
                var kept = 0
                for k in 0..<active.count {
                    let entry = active[k]
                    if entry.end < interval.start {
                        release(entry.location, of: entry.value)
                    } else {
                        active[kept] = entry
                        kept += 1
                        earliestEnd = min(earliestEnd, entry.end)
                    }
                }
                active.removeLast(active.count - kept)
            }

            let index = Int(interval.value.index)
            let isFloat = interval.type.isXMM
            var location: Location? = nil
            var hinted: Int? = nil
            if Int(info[index].hintAt) == interval.start {
                // The hinted operand when its last use defines this value; a commutative op's
                // second operand when the first lives on.
                func dying(_ operand: UInt32) -> Int? {
                    for k in 0..<active.count where active[k].value == Int(operand) && active[k].end == interval.start {
                        return k
                    }
                    return nil
                }
                let second = info[index].hintSecond
                hinted = dying(info[index].hintOperand) ?? (second == UInt32.max ? nil : dying(second))
            }
            if let k = hinted, case .gpr(let r) = active[k].location, !isFloat, !interval.crossesCall || Registers.isCalleeSaved(r) {
                // The operand's last use defines this value: same register, no copy.
                active.remove(at: k)
                location = .gpr(r)
            } else if let k = hinted, case .xmm(let r) = active[k].location, isFloat, !interval.crossesCall {
                active.remove(at: k)
                location = .xmm(r)
            } else if isFloat {
                // Every XMM register is caller-saved: values across calls go to memory.
                if !interval.crossesCall, let r = freeXMM.popLast() { location = .xmm(r) }
            } else if interval.crossesCall {
                if let r = freeCallee.popLast() { location = .gpr(r) }
            } else if let r = freeCaller.popLast() {
                location = .gpr(r)
            } else if let r = freeCallee.popLast() {
                location = .gpr(r)
            }
            if location == nil && home(index) == nil && !(isFloat && interval.crossesCall) {
                // No register free: take one from the live interval that is cheapest to move to
                // memory, one with a home first, else the one that ends last, if it ends after
                // this one.
                var best = -1
                for k in 0..<active.count {
                    let usable: Bool
                    switch active[k].location {
                    case .gpr(let r): usable = !isFloat && (!interval.crossesCall || Registers.isCalleeSaved(r))
                    case .xmm: usable = isFloat
                    default: usable = false
                    }
                    guard usable else { continue }
                    if best < 0 {
                        best = k
                        continue
                    }
                    let hk = home(active[k].value) != nil, hb = home(active[best].value) != nil
                    if hk != hb ? hk : active[k].end > active[best].end { best = k }
                }
                if best >= 0, home(active[best].value) != nil || active[best].end > interval.end {
                    location = active[best].location
                    let moved = memory(active[best].value, fresh: true)
                    info[active[best].value].location = moved
                    active[best].location = moved
                }
            }
            let chosen = location ?? memory(index)
            info[index].location = chosen
            active.append(ActiveInterval(end: interval.end, value: index, location: chosen, crossesCall: interval.crossesCall))
            earliestEnd = min(earliestEnd, interval.end)
        }
        slotCount = slots
    }
}

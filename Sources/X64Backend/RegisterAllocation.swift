// Linear-scan register allocation over the intervals of one block. Integer values get one of
// the allocatable general registers or a stack slot; float values an XMM register or a slot.
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

struct Allocation {
    /// Per value index; nil for values never defined or used.
    var locations: [Location?]
    /// Spill slots used.
    var slotCount: Int

    func location(_ v: Value) -> Location? {
        Int(v.index) < locations.count ? locations[Int(v.index)] : nil
    }
}

enum RegisterAllocator {
    /// x86 numbers: rbx 3, rbp 5, rsi 6, rdi 7, r8-r13. r14 (guest memory) and r15 (guest state)
    /// are pinned; rsp is the stack.
    static let callerSaved: [UInt8] = [6, 7, 8, 9, 10, 11]
    static let calleeSaved: [UInt8] = [3, 13, 12, 5]
    /// xmm0-xmm13; xmm14 and xmm15 are scratch.
    static let xmmRegisters: [UInt8] = Array(0...13)

    /// A value that may take over the register of the operand that dies where it is defined:
    /// `value` defined at op `at` from `operand` (a two-address op: `mov dst, a; op dst, b`
    /// loses its mov when dst and a share a register).
    struct Hint {
        var at: Int
        var operand: Int
    }

    /// `homes[v]`: the state offset value v can be re-read from while it lives, if any.
    static func allocate(_ intervals: [Interval], valueCount: Int, hints: [Hint?] = [], homes: [Int32?] = []) -> Allocation {
        var locations = [Location?](repeating: nil, count: valueCount)
        var freeCaller = callerSaved, freeCallee = calleeSaved, freeXMM = xmmRegisters
        var slots = 0
        var freeSlots: [Int] = []
        // Intervals holding a register or a slot, with where.
        var active: [(end: Int, value: Int, location: Location, crossesCall: Bool)] = []

        func release(_ location: Location) {
            switch location {
            case .gpr(let r):
                if calleeSaved.contains(r) { freeCallee.append(r) } else { freeCaller.append(r) }
            case .xmm(let r):
                freeXMM.append(r)
            case .slot(let s):
                freeSlots.append(s)
            case .state:
                break
            }
        }
        func home(_ value: Int) -> Int32? { value < homes.count ? homes[value] : nil }
        /// Where a value goes that gets no register: its home, or a slot. A value moved out of its
        /// register after it started (`fresh`) needs a slot nobody used since its start: a new
        /// one, not one an interval freed meanwhile.
        func memory(_ value: Int, fresh: Bool = false) -> Location {
            if let offset = home(value) { return .state(offset) }
            let s = (fresh ? nil : freeSlots.popLast()) ?? { slots += 1; return slots - 1 }()
            return .slot(s)
        }

        for interval in intervals {
            // Expire intervals that ended before this one starts.
            active.removeAll { entry in
                guard entry.end < interval.start else { return false }
                release(entry.location)
                return true
            }
            let index = Int(interval.value.index)
            let isFloat = interval.type.isFloat
            var location: Location? = nil
            if index < hints.count, let hint = hints[index], hint.at == interval.start, !isFloat,
               let k = active.firstIndex(where: { $0.value == hint.operand && $0.end == interval.start }),
               case .gpr(let r) = active[k].location, !interval.crossesCall || calleeSaved.contains(r) {
                // The operand's last use defines this value: same register, no copy.
                active.remove(at: k)
                location = .gpr(r)
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
                var best: Int? = nil
                for (k, entry) in active.enumerated() {
                    let usable: Bool
                    switch entry.location {
                    case .gpr(let r): usable = !isFloat && (!interval.crossesCall || calleeSaved.contains(r))
                    case .xmm: usable = isFloat
                    default: usable = false
                    }
                    guard usable else { continue }
                    func better(_ a: Int, than b: Int) -> Bool {
                        let ha = home(active[a].value) != nil, hb = home(active[b].value) != nil
                        return ha != hb ? ha : active[a].end > active[b].end
                    }
                    if best == nil || better(k, than: best!) { best = k }
                }
                if let k = best, home(active[k].value) != nil || active[k].end > interval.end {
                    location = active[k].location
                    let moved = memory(active[k].value, fresh: true)
                    locations[active[k].value] = moved
                    active[k].location = moved
                }
            }
            let chosen = location ?? memory(index)
            locations[index] = chosen
            active.append((interval.end, index, chosen, interval.crossesCall))
        }
        return Allocation(locations: locations, slotCount: slots)
    }
}

// Linear-scan register allocation over the intervals of one block. Integer values get one of
// the allocatable general registers or a stack slot; float values an XMM register or a slot.
// rax, rcx and rdx are never allocated: the lowering uses them as scratch (and x86 wants them
// for division, shift counts and cmpxchg). Values that live across a helper call take a
// callee-saved register or a slot.

import IR

/// Where a value lives while it is live.
enum Location: Equatable {
    /// A general register by its x86 number (0 rax ... 15 r15).
    case gpr(UInt8)
    /// An XMM register by number.
    case xmm(UInt8)
    /// An 8-byte slot of the spill area: [rsp + slot * 8].
    case slot(Int)
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
    /// x86 numbers: rbx 3, rbp 5, rsi 6, rdi 7, r8-r12. r13 (jump cache), r14 (guest memory) and
    /// r15 (guest state) are pinned; rsp is the stack.
    static let callerSaved: [UInt8] = [6, 7, 8, 9, 10, 11]
    static let calleeSaved: [UInt8] = [3, 12, 5]
    /// xmm0-xmm13; xmm14 and xmm15 are scratch.
    static let xmmRegisters: [UInt8] = Array(0...13)

    /// A value that may take over the register of the operand that dies where it is defined:
    /// `value` defined at op `at` from `operand` (a two-address op: `mov dst, a; op dst, b`
    /// loses its mov when dst and a share a register).
    struct Hint {
        var at: Int
        var operand: Int
    }

    static func allocate(_ intervals: [Interval], valueCount: Int, hints: [Hint?] = []) -> Allocation {
        var locations = [Location?](repeating: nil, count: valueCount)
        var freeCaller = callerSaved, freeCallee = calleeSaved, freeXMM = xmmRegisters
        var slots = 0
        var freeSlots: [Int] = []
        // Active intervals holding a register, with the register.
        var active: [(end: Int, value: Int, location: Location)] = []

        for interval in intervals {
            // Expire intervals that ended before this one starts.
            active.removeAll { entry in
                guard entry.end < interval.start else { return false }
                switch entry.location {
                case .gpr(let r):
                    if calleeSaved.contains(r) { freeCallee.append(r) } else { freeCaller.append(r) }
                case .xmm(let r):
                    freeXMM.append(r)
                case .slot(let s):
                    freeSlots.append(s)
                }
                return true
            }
            func slot() -> Location {
                let s = freeSlots.popLast() ?? { slots += 1; return slots - 1 }()
                return .slot(s)
            }
            let location: Location
            let index = Int(interval.value.index)
            if index < hints.count, let hint = hints[index], hint.at == interval.start, !interval.type.isFloat,
               let k = active.firstIndex(where: { $0.value == hint.operand && $0.end == interval.start }),
               case .gpr(let r) = active[k].location, !interval.crossesCall || calleeSaved.contains(r) {
                // The operand's last use defines this value: same register, no copy.
                active.remove(at: k)
                location = .gpr(r)
            } else if interval.type.isFloat {
                // Every XMM register is caller-saved: values across calls go to memory.
                if !interval.crossesCall, let r = freeXMM.popLast() { location = .xmm(r) } else { location = slot() }
            } else if interval.crossesCall {
                if let r = freeCallee.popLast() { location = .gpr(r) } else { location = slot() }
            } else if let r = freeCaller.popLast() {
                location = .gpr(r)
            } else if let r = freeCallee.popLast() {
                location = .gpr(r)
            } else {
                location = slot()
            }
            locations[Int(interval.value.index)] = location
            active.append((interval.end, Int(interval.value.index), location))
        }
        return Allocation(locations: locations, slotCount: slots)
    }
}

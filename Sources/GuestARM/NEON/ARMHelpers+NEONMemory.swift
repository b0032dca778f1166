// The Advanced SIMD element and structure loads and stores (A7.7) as one helper over the
// register file and guest memory.

import IR

/// The shape of a VLDn/VSTn, packed in one UInt32.
struct NEONTransfer {
    enum Kind: UInt32 { case multiple = 0, lane = 1, allLanes = 2 }
    var kind: Kind
    var load: Bool
    /// Elements per structure, 1-4.
    var structures: UInt32
    /// First register, register increment between structure members, and (multiple) the
    /// number of register groups or (all lanes) the number of registers each member fills.
    var d: UInt32, increment: UInt32, groups: UInt32
    /// log2 of the element size in bytes.
    var size: UInt32
    /// Lane index of the single-lane forms.
    var index: UInt32

    var packed: UInt32 {
        kind.rawValue | (load ? 4 : 0) | (structures - 1) << 3 | d << 5 | (increment - 1) << 10
            | (groups - 1) << 11 | size << 14 | index << 16
    }
    init(kind: Kind, load: Bool, structures: UInt32, d: UInt32, increment: UInt32, groups: UInt32, size: UInt32, index: UInt32) {
        (self.kind, self.load, self.structures, self.d, self.increment, self.groups, self.size, self.index)
            = (kind, load, structures, d, increment, groups, size, index)
    }
    init(_ v: UInt64) {
        let p = UInt32(truncatingIfNeeded: v)
        kind = Kind(rawValue: p & 3) ?? .multiple
        load = p & 4 != 0
        structures = (p >> 3 & 3) + 1
        d = p >> 5 & 31
        increment = (p >> 10 & 1) + 1
        groups = (p >> 11 & 7) + 1
        size = p >> 14 & 3
        index = p >> 16 & 7
    }

    /// Bytes transferred (for writeback).
    var byteCount: UInt32 {
        switch kind {
        case .multiple: return 8 * groups * structures
        case .lane, .allLanes: return structures << size
        }
    }
}

extension ARMHelpers {
    /// b = the guest address. Little-endian element order (the data endianness is checked by
    /// the translator).
    static let neonTransfer: HelperFunction = { state, a, address, _ in
        let t = NEONTransfer(a)
        guard let memory = ARMStatePointer(state).memoryBase else { return 0 }
        var guest = UInt32(truncatingIfNeeded: address)
        let bytes = 1 << Int(t.size)
        func move(register r: UInt32, element e: Int) {
            let reg = state + ARMState.d(Int(r & 31)) + e * bytes
            let mem = memory + Int(guest)
            if t.load { reg.copyMemory(from: mem, byteCount: bytes) } else { mem.copyMemory(from: reg, byteCount: bytes) }
            guest &+= UInt32(bytes)
        }
        switch t.kind {
        case .multiple:
            let elements = 8 / bytes
            for g in 0..<t.groups {
                for e in 0..<elements {
                    for s in 0..<t.structures { move(register: t.d + g + s * t.increment, element: e) }
                }
            }
        case .lane:
            for s in 0..<t.structures { move(register: t.d + s * t.increment, element: Int(t.index)) }
        case .allLanes:
            for s in 0..<t.structures {
                let value = memory + Int(guest)
                for r in 0..<t.groups {
                    let reg = state + ARMState.d(Int((t.d + s * t.increment + r) & 31))
                    for e in 0..<(8 / bytes) { (reg + e * bytes).copyMemory(from: value, byteCount: bytes) }
                }
                guest &+= UInt32(bytes)
            }
        }
        return 0
    }
}

// The alignment an element or structure load/store (A7.7) demands of its address, from the
// encoding's align, index_align or a field (the `:64`, `:128`, ... of `[Rn:64]`), per form as
// the ARM ARM's decode pseudocode gives it (A8.8.320-A8.8.331 for VLDn, A8.8.404-A8.8.415 for
// VSTn, which decode alike). An address that is not a multiple of it is an Alignment fault
// whatever SCTLR.A says, and Linux does not fix NEON accesses up: SIGBUS, BUS_ADRALN.
// nil is an encoding the same pseudocode calls UNDEFINED.

enum NEONAlignment {
    /// VLDn/VSTn (multiple n-element structures): `type` (bits 11:8) and `align` (5:4).
    /// Alignment is 1 for align 00, else 4 << align bytes (64, 128 or 256 bits).
    static func multiple(structures: UInt32, type: UInt32, size: UInt32, align: UInt32) -> UInt32? {
        switch structures {
        case 1:
            // One or three registers cannot ask for more than 64 bits, two for more than 128.
            if (type == 0b0111 || type == 0b0110) && align & 2 != 0 { return nil }
            if type == 0b1010 && align == 3 { return nil }
        case 2:
            if size == 3 || ((type == 0b1000 || type == 0b1001) && align == 3) { return nil }
        case 3:
            // Three registers: 64 bits at most (align<0>).
            if size == 3 || align & 2 != 0 { return nil }
        default:
            if size == 3 { return nil }
        }
        return align == 0 ? 1 : 4 << align
    }

    /// VLDn/VSTn (single n-element structure to/from one lane): `index_align` (bits 7:4).
    static func lane(structures: UInt32, size: UInt32, indexAlign ia: UInt32) -> UInt32? {
        switch (structures, size) {
        case (1, 0): return ia & 1 != 0 ? nil : 1
        case (1, 1): return ia & 2 != 0 ? nil : ia & 1 == 0 ? 1 : 2
        case (1, 2):
            // index_align<1:0> is 00 (no alignment) or 11 (32 bits).
            if ia & 4 != 0 || (ia & 3 != 0 && ia & 3 != 3) { return nil }
            return ia & 3 == 0 ? 1 : 4
        case (2, 0): return ia & 1 == 0 ? 1 : 2
        case (2, 1): return ia & 1 == 0 ? 1 : 4
        case (2, 2): return ia & 2 != 0 ? nil : ia & 1 == 0 ? 1 : 8
        case (3, 0), (3, 1): return ia & 1 != 0 ? nil : 1
        case (3, 2): return ia & 3 != 0 ? nil : 1
        case (4, 0): return ia & 1 == 0 ? 1 : 4
        case (4, 1): return ia & 1 == 0 ? 1 : 8
        case (4, 2): return ia & 3 == 3 ? nil : ia & 3 == 0 ? 1 : 4 << (ia & 3)
        default: return nil
        }
    }

    /// VLDn (single n-element structure to all lanes): the `a` bit (4).
    static func allLanes(structures: UInt32, size: UInt32, a: UInt32) -> UInt32? {
        let ebytes: UInt32 = 1 << size
        switch structures {
        case 1: return size == 3 || (size == 0 && a != 0) ? nil : a == 0 ? 1 : ebytes
        case 2: return size == 3 ? nil : a == 0 ? 1 : 2 * ebytes
        case 3: return size == 3 || a != 0 ? nil : 1
        default:
            // size 11 is four 32-bit elements aligned to 128 bits, and needs a = 1.
            if size == 3 { return a == 0 ? nil : 16 }
            return a == 0 ? 1 : size == 2 ? 8 : 4 * ebytes
        }
    }
}

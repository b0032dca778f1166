// The contract between generated code, the entry trampoline and the engine: which host
// registers are pinned, how the stack frame looks, how blocks leave, and the layout of the
// jump cache generated code probes.

import X64Assembler

public enum JITABI {
    /// Guest state base (r15), guest memory base (r14). The jump cache table's address is in a
    /// frame slot (`jumpCacheSlot`), read only by indirect branches, so r13 holds values.
    @inlinable public static var stateRegister: GPR { .r15 }
    @inlinable public static var memoryRegister: GPR { .r14 }

    /// Spill slots: [rsp + 8 * k] for k < spillSlots. The trampoline reserves them once; blocks
    /// chain into each other without touching rsp. Odd number of 8-byte slots + the six pushes
    /// + the return address keep rsp 16-byte aligned for helper calls.
    public static let spillSlots = 511
    static var frameSize: Int32 { Int32(spillSlots * 8) }
    /// The slots the allocator does not hand out: three for helper arguments, one for the jump
    /// cache table's address, eight (64 bytes) for the vector float ops (Lowering+Vector.swift).
    public static let reservedSlots = 12
    public static var jumpCacheSlot: Int { spillSlots - 4 }

    /// Exit kinds returned in rax (the payload in rdx).
    public enum Exit: UInt64 {
        /// A goto_tb found no chained successor; payload: executable address of the rel32 field
        /// to patch. The guest state holds the successor's pc.
        case chainMiss = 0
        /// A lookup_and_goto missed the jump cache; the guest state holds the pc.
        case lookupMiss = 1
        /// The exit-request flag was set at a block's entry.
        case exitRequest = 2
        /// exit_tb: the reason is bits 8-15 of the kind, the payload is the exit's. Bits 16-63:
        /// 0 for an exit_tb op; for an alignment fault of a memory op, the host address of its
        /// check (code addresses are below 2^47), which the engine maps to the guest
        /// instruction as it does a host fault's pc.
        case exitTB = 3
        /// A guest memory access in translated code faulted (the host fault handler resumed at
        /// the exit stub; CHOST_JIT_EXIT_FAULT). Payload: the guest address. The handler keeps
        /// the host pc, which the engine maps back to the guest instruction.
        case fault = 4
    }

    /// Jump cache: `jumpCacheEntries` entries of 32 bytes: pc (u64), flags (u64), code (u64),
    /// unused. Generated code and the engine compute the same index.
    public static let jumpCacheBits = 12
    public static var jumpCacheEntries: Int { 1 << jumpCacheBits }
    public static let jumpCacheEntrySize = 32

    @inline(__always)
    public static func jumpCacheIndex(pc: UInt64, flags: UInt64) -> Int {
        Int(truncatingIfNeeded: ((pc >> 1) ^ (pc >> 13) ^ flags) & UInt64(jumpCacheEntries - 1))
    }
}

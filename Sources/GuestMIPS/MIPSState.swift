// GuestMIPS: the MIPS32 Release 2 guest (o32 user mode, big and little endian, with the FPU in
// FR=0 and FR=1 modes and legacy or IEEE 754-2008 NaNs). It owns the CPU state layout, the
// translators from guest instructions to IR (files named after the manual's instruction
// groups), the helpers those call, and the frontend the engine drives. Decoding is generated
// from the specs in Sources/MIPSDecoder/Specs.
//
// This file: the guest-state layout, declared once as byte offsets. Translators address fields
// through these offsets (load_state/store_state), Swift code through MIPSStatePointer; nothing
// depends on Swift's struct layout, and a test pins every offset.

/// Byte offsets of the MIPS guest-state block.
public enum MIPSState {
    /// GPR 0-31 (i32 each). GPR 0 is always zero: translators never store to it.
    @inline(__always) public static func gpr(_ n: Int) -> Int { n * 4 }
    public static let sp = 29 * 4, ra = 31 * 4

    /// The pc of the next instruction to run at block boundaries. Never a delay slot: an
    /// instruction in a delay slot that faults or traps restarts at its branch, as the hardware's
    /// EPC does (Cause.BD), so the state needs no "in a delay slot" mode.
    public static let pc = 128
    /// The multiply/divide result registers.
    public static let hi = 132, lo = 136

    /// FCSR (FPU control/status register 31) without its condition codes: RM (1:0), flags
    /// (6:2), enables (11:7), cause (17:12), ABS2008 (19), NAN2008 (18), FS (24).
    public static let fcsr = 140
    /// The eight FPU condition codes FCC7-FCC0 in bits 7:0 (FCSR bits 31:25 and 23 hold them
    /// architecturally; CFC1/CTC1 assemble and split them).
    public static let fcc = 144
    /// UserLocal, what RDHWR $29 reads (the TLS pointer set_thread_area sets).
    public static let userLocal = 148
    /// Nonzero: stop at the next block boundary (i32).
    public static let exitRequest = 152
    /// The translation mode (`MIPSMode` bits), which is also the block key's flags: byte order,
    /// FR, NaN encoding, alignment checking. Set by the loader and by prctl(PR_SET_FP_MODE).
    public static let mode = 156

    /// The LL/SC link: the address of the last LL (i64, all ones when no link is held) and the
    /// word it loaded (i64, zero-extended).
    public static let llAddress = 160
    public static let llValue = 168

    /// The guest memory base (host pointer as i64), for helpers that touch guest memory.
    public static let memoryBase = 176

    /// The 32 FPRs in 256 bytes. FR=1: FPR n is 64 bits at fprBase + 8n. FR=0: FPR n is 32 bits
    /// at fprBase + 4n, so the even/odd pair that holds a double is one little-endian 64-bit
    /// field (the even register the low word), as the architecture pairs them.
    public static let fprBase = 256

    /// The 32 bits of FPR n that single-precision and word operations use.
    @inline(__always) public static func fpr32(_ n: Int, fr: Bool) -> Int { fprBase + (fr ? 8 * n : 4 * n) }
    /// The 64-bit field of FPR n in FR=1 mode, or of the even/odd pair n, n + 1 in FR=0 mode
    /// (n even).
    @inline(__always) public static func fpr64(_ n: Int, fr: Bool) -> Int { fprBase + (fr ? 8 * n : 4 * n) }

    /// Size of the whole block.
    public static let size = 512
}

/// The translation mode bits in `MIPSState.mode`, which are the block key's flags: code
/// translated for one mode is never run in another.
public struct MIPSMode: OptionSet, Sendable, Hashable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Data accesses and instruction fetches are big-endian (a mips, not mipsel, program).
    public static let bigEndian = MIPSMode(rawValue: 1)
    /// Status.FR = 1: 32 64-bit FPRs (the FP64 and FPXX-on-FR=1 ABIs); clear: 16 even/odd pairs.
    public static let fr = MIPSMode(rawValue: 2)
    /// FCSR.NAN2008 (and ABS2008): IEEE 754-2008 NaN encoding; clear: MIPS legacy NaNs, whose
    /// quiet bit is clear.
    public static let nan2008 = MIPSMode(rawValue: 4)
    /// Unaligned word and halfword accesses raise an address error (SIGBUS), as the hardware
    /// and qemu do. Clear: they are made as the kernel's fix-up makes them by default
    /// (TIF_FIXADE), unaligned but correct.
    public static let strictAlignment = MIPSMode(rawValue: 8)

    public static let all: MIPSMode = [.bigEndian, .fr, .nan2008, .strictAlignment]
}

/// Typed access to one MIPS guest-state block, for Swift code outside translated blocks
/// (syscalls, signal frames, the loader).
public struct MIPSStatePointer: @unchecked Sendable {
    public let raw: UnsafeMutableRawPointer

    public init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

    /// Allocates a zeroed state block with no LL link (the caller frees it with `deallocate`).
    public static func allocate() -> MIPSStatePointer {
        let p = UnsafeMutableRawPointer.allocate(byteCount: MIPSState.size, alignment: 16)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: MIPSState.size)
        p.storeBytes(of: ~0, toByteOffset: MIPSState.llAddress, as: UInt64.self)
        return MIPSStatePointer(p)
    }

    public func deallocate() { raw.deallocate() }

    @inline(__always) func u32(_ offset: Int) -> UInt32 { raw.load(fromByteOffset: offset, as: UInt32.self) }
    @inline(__always) func set(_ offset: Int, _ v: UInt32) { raw.storeBytes(of: v, toByteOffset: offset, as: UInt32.self) }

    /// GPR n; writes to GPR 0 are dropped, so it stays zero.
    public subscript(gpr n: Int) -> UInt32 {
        get { u32(MIPSState.gpr(n)) }
        nonmutating set { if n != 0 { set(MIPSState.gpr(n), newValue) } }
    }

    public var pc: UInt32 {
        get { u32(MIPSState.pc) }
        nonmutating set { set(MIPSState.pc, newValue) }
    }
    public var sp: UInt32 {
        get { u32(MIPSState.sp) }
        nonmutating set { set(MIPSState.sp, newValue) }
    }
    public var hi: UInt32 {
        get { u32(MIPSState.hi) }
        nonmutating set { set(MIPSState.hi, newValue) }
    }
    public var lo: UInt32 {
        get { u32(MIPSState.lo) }
        nonmutating set { set(MIPSState.lo, newValue) }
    }
    public var userLocal: UInt32 {
        get { u32(MIPSState.userLocal) }
        nonmutating set { set(MIPSState.userLocal, newValue) }
    }
    public var exitRequest: Bool {
        get { u32(MIPSState.exitRequest) != 0 }
        nonmutating set { set(MIPSState.exitRequest, newValue ? 1 : 0) }
    }
    /// The translation mode. Changing FR moves the FPR contents to the other layout
    /// (`setFRMode`); this setter does not, so use it only on a fresh state.
    public var mode: MIPSMode {
        get { MIPSMode(rawValue: u32(MIPSState.mode)) }
        nonmutating set { set(MIPSState.mode, newValue.rawValue) }
    }
    public var memoryBase: UnsafeMutableRawPointer? {
        get { UnsafeMutableRawPointer(bitPattern: UInt(raw.load(fromByteOffset: MIPSState.memoryBase, as: UInt64.self))) }
        nonmutating set {
            raw.storeBytes(of: UInt64(UInt(bitPattern: newValue)), toByteOffset: MIPSState.memoryBase, as: UInt64.self)
        }
    }

    /// Drops the LL link (the kernel clears LLbit on every exception return, so a signal or a
    /// syscall between LL and SC makes the SC fail).
    public func clearLink() {
        raw.storeBytes(of: ~0, toByteOffset: MIPSState.llAddress, as: UInt64.self)
    }

    // MARK: FPU registers

    var frMode: Bool { mode.contains(.fr) }

    /// The 32 bits of FPR n (a single or a word), in either FR mode.
    public subscript(fpr32 n: Int) -> UInt32 {
        get { u32(MIPSState.fpr32(n, fr: frMode)) }
        nonmutating set { set(MIPSState.fpr32(n, fr: frMode), newValue) }
    }

    /// The 64 bits of double register n: FPR n in FR=1 mode, the pair FPR n+1:FPR n in FR=0
    /// mode (n even; the odd register n is the pair's high word for odd n).
    public subscript(fpr64 n: Int) -> UInt64 {
        get { raw.load(fromByteOffset: MIPSState.fpr64(frMode ? n : n & ~1, fr: frMode), as: UInt64.self) }
        nonmutating set { raw.storeBytes(of: newValue, toByteOffset: MIPSState.fpr64(frMode ? n : n & ~1, fr: frMode), as: UInt64.self) }
    }

    /// Switches Status.FR, moving the registers as the kernel's mode switch does: each FPR
    /// keeps its low 32 bits (what singles and words use); FR=1 to FR=0 drops the high halves.
    public func setFRMode(_ on: Bool) {
        guard on != frMode else { return }
        var low = [UInt32](repeating: 0, count: 32)
        for n in 0..<32 { low[n] = self[fpr32: n] }
        for offset in stride(from: MIPSState.fprBase, to: MIPSState.size, by: 8) {
            raw.storeBytes(of: UInt64(0), toByteOffset: offset, as: UInt64.self)
        }
        var m = mode
        if on { m.insert(.fr) } else { m.remove(.fr) }
        mode = m
        for n in 0..<32 { self[fpr32: n] = low[n] }
    }
}

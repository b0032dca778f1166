// GuestARM: the ARMv7-A guest (A32, Thumb-2, VFP, the NEON subset glibc uses). It owns the CPU
// state layout, the translators from guest instructions to IR (files named after the manual's
// sections), the helpers those call, and the frontend the engine drives. Decoding is generated
// from the specs in Sources/ARMDecoder/Specs.
//
// This file: the guest-state layout, declared once as byte offsets. Translators address fields
// through these offsets (load_state/store_state), Swift code through ARMStatePointer; nothing
// depends on Swift's struct layout, and a test pins every offset.

/// Byte offsets of the ARM guest-state block.
public enum ARMState {
    /// r0-r15 (i32 each); r15 holds the pc of the next instruction to run at block boundaries.
    @inline(__always) public static func r(_ n: Int) -> Int { n * 4 }
    public static let sp = 13 * 4, lr = 14 * 4, pc = 15 * 4

    // Flags, each in its own i32 so that dead flag stores can be removed one by one.
    /// Bit 31 is N.
    public static let nf = 64
    /// Zero exactly when Z is set.
    public static let zf = 68
    /// 0 or 1: C.
    public static let cf = 72
    /// Bit 31 is V.
    public static let vf = 76
    /// 0 or 1: the sticky saturation flag Q.
    public static let qf = 80
    /// GE[3:0] in bits 3:0.
    public static let ge = 84

    /// 1 in Thumb state.
    public static let thumb = 88
    /// ITSTATE (CPSR.IT[7:0]) of the next instruction.
    public static let itState = 92
    /// 1 when data accesses are big-endian (CPSR.E, SETEND).
    public static let bigEndian = 96

    /// TPIDRURO (the TLS register user space reads with mrc p15, 0, rX, c13, c0, 3).
    public static let tpidruro = 100
    /// TPIDRURW (user read/write thread register, c13, c0, 2).
    public static let tpidrurw = 104
    /// FPSCR.
    public static let fpscr = 108
    /// The FPSCR bits a write keeps (the others read as zero): VMSR and a signal return.
    public static let fpscrWritable = ARMHelpers.writableFPSCR
    /// Nonzero: stop at the next block boundary (i32).
    public static let exitRequest = 112
    /// The guest address of an alignment fault the translator detected itself (i32): an
    /// `.alignmentFault` exit whose payload is `faultAddressInState` names it here. (The NEON
    /// alignment hints ask for up to 32 bytes; an IR memory op checks at most its own size, 8
    /// bytes, and carries the address in its exit, which a frontend's exit_tb cannot.)
    public static let faultAddress = 116
    /// The payload of such an exit: above every 32-bit guest address.
    public static let faultAddressInState: UInt64 = 1 << 32

    /// The exclusive monitor: the address of the last load-exclusive (i64, all ones when clear)
    /// and the value it loaded (i64; 32-bit and smaller values zero-extended).
    public static let exclusiveAddress = 120
    public static let exclusiveValue = 128

    /// The guest memory base (host pointer as i64), for helpers that touch guest memory.
    public static let memoryBase = 136

    /// d0-d31 (8 bytes each). s(2n) is the low half of d(n), s(2n+1) the high half; q(n) is
    /// d(2n) (low) and d(2n+1).
    @inline(__always) public static func d(_ n: Int) -> Int { 256 + n * 8 }
    @inline(__always) public static func s(_ n: Int) -> Int { 256 + n * 4 }

    /// Size of the whole block.
    public static let size = 512
}

/// Typed access to one ARM guest-state block, for Swift code outside translated blocks
/// (syscalls, signal frames, the loader).
public struct ARMStatePointer: @unchecked Sendable {
    public let raw: UnsafeMutableRawPointer

    public init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

    /// Allocates a zeroed state block (the caller frees it with `deallocate`).
    public static func allocate() -> ARMStatePointer {
        let p = UnsafeMutableRawPointer.allocate(byteCount: ARMState.size, alignment: 16)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: ARMState.size)
        p.storeBytes(of: ~0, toByteOffset: ARMState.exclusiveAddress, as: UInt64.self)
        return ARMStatePointer(p)
    }

    public func deallocate() { raw.deallocate() }

    @inline(__always) func u32(_ offset: Int) -> UInt32 { raw.load(fromByteOffset: offset, as: UInt32.self) }
    @inline(__always) func set(_ offset: Int, _ v: UInt32) { raw.storeBytes(of: v, toByteOffset: offset, as: UInt32.self) }

    public subscript(register n: Int) -> UInt32 {
        get { u32(ARMState.r(n)) }
        nonmutating set { set(ARMState.r(n), newValue) }
    }

    public var pc: UInt32 {
        get { u32(ARMState.pc) }
        nonmutating set { set(ARMState.pc, newValue) }
    }
    public var sp: UInt32 {
        get { u32(ARMState.sp) }
        nonmutating set { set(ARMState.sp, newValue) }
    }
    public var thumb: Bool {
        get { u32(ARMState.thumb) != 0 }
        nonmutating set { set(ARMState.thumb, newValue ? 1 : 0) }
    }
    public var itState: UInt32 {
        get { u32(ARMState.itState) }
        nonmutating set { set(ARMState.itState, newValue) }
    }
    public var tpidruro: UInt32 {
        get { u32(ARMState.tpidruro) }
        nonmutating set { set(ARMState.tpidruro, newValue) }
    }
    public var fpscr: UInt32 {
        get { u32(ARMState.fpscr) }
        nonmutating set { set(ARMState.fpscr, newValue) }
    }
    public var exitRequest: Bool {
        get { u32(ARMState.exitRequest) != 0 }
        nonmutating set { set(ARMState.exitRequest, newValue ? 1 : 0) }
    }
    public var faultAddress: UInt32 {
        get { u32(ARMState.faultAddress) }
        nonmutating set { set(ARMState.faultAddress, newValue) }
    }
    /// The guest address an `.alignmentFault` exit with `payload` names.
    public func alignmentFaultAddress(payload: UInt64) -> UInt32 {
        payload == ARMState.faultAddressInState ? faultAddress : UInt32(truncatingIfNeeded: payload)
    }
    public var memoryBase: UnsafeMutableRawPointer? {
        get { UnsafeMutableRawPointer(bitPattern: UInt(raw.load(fromByteOffset: ARMState.memoryBase, as: UInt64.self))) }
        nonmutating set {
            raw.storeBytes(of: UInt64(UInt(bitPattern: newValue)), toByteOffset: ARMState.memoryBase, as: UInt64.self)
        }
    }

    /// CPSR as user mode sees it (APSR plus the execution state bits): N Z C V Q, IT, GE, E, T,
    /// mode USR.
    public var cpsr: UInt32 {
        get {
            var v: UInt32 = 0x10  // USR mode
            if Int32(bitPattern: u32(ARMState.nf)) < 0 { v |= 1 << 31 }
            if u32(ARMState.zf) == 0 { v |= 1 << 30 }
            if u32(ARMState.cf) != 0 { v |= 1 << 29 }
            if Int32(bitPattern: u32(ARMState.vf)) < 0 { v |= 1 << 28 }
            if u32(ARMState.qf) != 0 { v |= 1 << 27 }
            let it = u32(ARMState.itState)
            v |= (it & 3) << 25 | (it >> 2) << 10
            v |= (u32(ARMState.ge) & 0xf) << 16
            if u32(ARMState.bigEndian) != 0 { v |= 1 << 9 }
            if thumb { v |= 1 << 5 }
            return v
        }
        nonmutating set {
            set(ARMState.nf, newValue & (1 << 31))
            set(ARMState.zf, newValue & (1 << 30) != 0 ? 0 : 1)
            set(ARMState.cf, newValue >> 29 & 1)
            set(ARMState.vf, newValue << 3 & (1 << 31))
            set(ARMState.qf, newValue >> 27 & 1)
            set(ARMState.itState, (newValue >> 25 & 3) | (newValue >> 10 & 0x3f) << 2)
            set(ARMState.ge, newValue >> 16 & 0xf)
            set(ARMState.bigEndian, newValue >> 9 & 1)
            thumb = newValue & (1 << 5) != 0
        }
    }

    /// d register n as raw bits.
    public subscript(d n: Int) -> UInt64 {
        get { raw.load(fromByteOffset: ARMState.d(n), as: UInt64.self) }
        nonmutating set { raw.storeBytes(of: newValue, toByteOffset: ARMState.d(n), as: UInt64.self) }
    }
}

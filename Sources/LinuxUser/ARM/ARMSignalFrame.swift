// ARM signal frames, laid out as the ARM kernel lays them out (arch/arm/kernel/signal.c and
// its ucontext.h): a handler with SA_SIGINFO gets an rt_sigframe (siginfo, then a ucontext,
// then the return code), one without gets a sigframe (the ucontext and the return code). The
// ucontext holds the sigcontext (r0-r15, cpsr, fault address), the blocked mask, and in its
// register space the VFP registers. sigreturn/rt_sigreturn read them back from sp.

import GuestARM
import GuestMemory
import LinuxABI

enum ARMSignalFrame {
    // ucontext offsets.
    static let ucFlags = 0, ucStack = 8, trapNumber = 20, errorCode = 24, oldMask = 28, registers = 32
    static let cpsr = 96, faultAddress = 100, sigmask = 104, regspace = 232, ucontextSize = 744
    // The VFP record at the start of the register space: magic, size, d0-d31, fpscr, fpexc.
    static let vfpMagic: UInt32 = 0x5646_5001, vfpSize: UInt32 = 288
    static let vfpRegisters = regspace + 8, vfpStatus = regspace + 8 + 256, vfpException = regspace + 8 + 264
    /// sigframe: the ucontext, then four words of return code; rt_sigframe: siginfo first.
    static let frameSize = ucontextSize + 16, rtFrameSize = 128 + ucontextSize + 16
    /// Where Mirage keeps the return code in the kuser page (the kernel's sigpage): six words,
    /// ARM sigreturn, Thumb sigreturn, ARM rt_sigreturn... indexed as the kernel indexes them.
    static let returnCodeAddress: UInt32 = 0xffff_0500
    static let returnCodes: [UInt32] = [
        0xe3a0_7077,  // mov r7, #119 (sigreturn)
        0xef00_0077,  // svc #119
        0xdf00_2777,  // Thumb: movs r7, #119; svc #0
        0xe3a0_70ad,  // mov r7, #173 (rt_sigreturn)
        0xef00_00ad,  // svc #173
        0xdf00_27ad,  // Thumb: movs r7, #173; svc #0
    ]
    static let plainFlags: UInt32 = 0x5ac3_c35a  // uc_flags of a sigframe: no trap_no looks like it

    /// Builds the frame for `info` on the guest's stack (or its alternate stack) and points
    /// the registers at the handler. false when the frame cannot be written.
    static func push(_ info: GuestSignalInfo, _ action: GuestSignalAction, savedMask: GuestSignalSet,
                     state: ARMStatePointer, thread: GuestThread) -> Bool {
        let process = thread.process
        let be = process.bigEndian
        let rt = action.hostFlags & GuestProcess.saSigInfo != 0
        let sp = UInt64(state.sp)
        let alternate = thread.alternateStack
        let onAlternate = thread.onAlternateStack(sp)
        var top = sp
        if action.hostFlags & GuestProcess.saOnStack != 0 && alternate.size != 0 && !onAlternate { top = alternate.base + alternate.size }
        let size = rt ? rtFrameSize : frameSize
        let frame = UInt32(truncatingIfNeeded: (top &- UInt64(size)) & ~7)
        var bytes = [UInt8](repeating: 0, count: size)
        let uc = rt ? 128 : 0
        if rt {
            bytes.replaceSubrange(0..<128, with: info.bytes(process.abi))
            bytes.put32(UInt32(truncatingIfNeeded: alternate.base), at: uc + ucStack, bigEndian: be)
            bytes.put32(UInt32(thread.alternateStackFlags(sp)), at: uc + ucStack + 4, bigEndian: be)
            bytes.put32(UInt32(truncatingIfNeeded: alternate.size), at: uc + ucStack + 8, bigEndian: be)
        } else {
            bytes.put32(plainFlags, at: uc + ucFlags, bigEndian: be)
        }
        for r in 0..<16 { bytes.put32(state[register: r], at: uc + registers + 4 * r, bigEndian: be) }
        bytes.put32(state.cpsr, at: uc + cpsr, bigEndian: be)
        if isFault(info.signal) && info.code > 0 {
            bytes.put32(14, at: uc + trapNumber, bigEndian: be)
            bytes.put32(info.faultAddress, at: uc + faultAddress, bigEndian: be)
        }
        bytes.put32(savedMask.low32, at: uc + oldMask, bigEndian: be)
        bytes.put32(savedMask.low32, at: uc + sigmask, bigEndian: be)
        bytes.put32(UInt32(truncatingIfNeeded: savedMask.low64 >> 32), at: uc + sigmask + 4, bigEndian: be)
        bytes.put32(vfpMagic, at: uc + regspace, bigEndian: be)
        bytes.put32(vfpSize, at: uc + regspace + 4, bigEndian: be)
        for d in 0..<32 {
            let v = state[d: d]
            // A 64-bit register in the guest's order: its two words, low first on little-endian.
            bytes.put32(UInt32(truncatingIfNeeded: be ? v >> 32 : v), at: uc + vfpRegisters + 8 * d, bigEndian: be)
            bytes.put32(UInt32(truncatingIfNeeded: be ? v : v >> 32), at: uc + vfpRegisters + 8 * d + 4, bigEndian: be)
        }
        // The cumulative flags still pending in MXCSR belong in the saved FPSCR, as VMRS sees them.
        bytes.put32(state.foldedFPSCR(), at: uc + vfpStatus, bigEndian: be)
        bytes.put32(0x4000_0000, at: uc + vfpException, bigEndian: be)  // FPEXC.EN
        // The return code goes on the stack too, as the ABI promises; lr points at the copy in
        // the kuser page, which is executable.
        let thumbHandler = action.handler & 1 != 0
        let index = (thumbHandler ? 2 : 0) + (rt ? 3 : 0)
        for i in 0..<2 { bytes.put32(returnCodes[index + i < returnCodes.count ? index + i : index], at: uc + ucontextSize + 4 * i, bigEndian: be) }
        guard process.space.write(bytes, at: GuestAddress(UInt64(frame))) else { return false }

        let returnAddress = action.hostFlags & GuestProcess.saRestorer != 0 ? UInt32(truncatingIfNeeded: action.restorer)
            : returnCodeAddress + UInt32(index * 4) + (thumbHandler ? 1 : 0)
        state[register: 0] = UInt32(bitPattern: info.signal)
        if rt {
            state[register: 1] = frame
            state[register: 2] = frame + UInt32(uc)
        }
        state.sp = frame
        state[register: 14] = returnAddress
        // NZCVQ, the IT state and E cleared; GE kept; T from the handler address.
        state.cpsr = state.cpsr & ~(0xf800_0000 | 0x0600_fc00 | 0x200) & ~0x20 | (thumbHandler ? 0x20 : 0)
        state.pc = UInt32(truncatingIfNeeded: action.handler) & ~1
        state.raw.storeBytes(of: UInt64.max, toByteOffset: ARMState.exclusiveAddress, as: UInt64.self)
        return true
    }

    static func isFault(_ signal: Int32) -> Bool { [4, 5, 7, 8, 11].contains(signal) }

    /// sigreturn (rt: rt_sigreturn): the registers, mask and VFP state back from the frame at
    /// sp. false for a frame that is misaligned, unreadable or not Mirage's (the kernel sends
    /// SIGSEGV then).
    static func restore(rt: Bool, state: ARMStatePointer, thread: GuestThread) -> Bool {
        let process = thread.process
        let be = process.bigEndian
        let sp = state.sp
        guard sp & 7 == 0 else { return false }
        let uc = UInt64(sp) + (rt ? 128 : 0)
        guard let bytes = process.space.read(at: GuestAddress(uc), count: ucontextSize) else { return false }
        let magic = bytes.get32(at: regspace, bigEndian: be), size = bytes.get32(at: regspace + 4, bigEndian: be)
        guard magic == vfpMagic && size == vfpSize else { return false }
        let mask = UInt64(bytes.get32(at: sigmask, bigEndian: be)) | UInt64(bytes.get32(at: sigmask + 4, bigEndian: be)) << 32
        thread.setSignalMask(GuestSignalSet(low: mask))
        for r in 0..<16 { state[register: r] = bytes.get32(at: registers + 4 * r, bigEndian: be) }
        // Only what user mode may change: flags, GE, IT, E, T.
        let saved = bytes.get32(at: cpsr, bigEndian: be)
        state.cpsr = saved & (0xf800_0000 | 0x0600_fc00 | 0x000f_0000 | 0x200 | 0x20)
        if state.thumb { state.pc &= ~1 } else { state.pc &= ~3 }
        for d in 0..<32 {
            let first = UInt64(bytes.get32(at: vfpRegisters + 8 * d, bigEndian: be))
            let second = UInt64(bytes.get32(at: vfpRegisters + 8 * d + 4, bigEndian: be))
            state[d: d] = be ? first << 32 | second : second << 32 | first
        }
        // As the hardware's FPSCR write: bits it does not implement read as zero afterwards.
        state.fpscr = bytes.get32(at: vfpStatus, bigEndian: be) & ARMState.fpscrWritable
        state.loadHostFloatEnvironment()
        if rt {
            let base = UInt64(bytes.get32(at: ucStack, bigEndian: be)), flags = bytes.get32(at: ucStack + 4, bigEndian: be)
            let size = UInt64(bytes.get32(at: ucStack + 8, bigEndian: be))
            if flags & 2 != 0 { thread.alternateStack = (0, 0) } else if size >= 2048 { thread.alternateStack = (base, size) }
        }
        state.raw.storeBytes(of: UInt64.max, toByteOffset: ARMState.exclusiveAddress, as: UInt64.self)
        return true
    }
}

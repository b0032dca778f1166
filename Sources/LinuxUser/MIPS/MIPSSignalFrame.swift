// MIPS o32 signal frames, laid out as the kernel lays them out (LinuxABI's sigframe,
// rt_sigframe, ucontext and sigcontext layouts): a handler with SA_SIGINFO gets an
// rt_sigframe (argument save area, siginfo, ucontext), one without gets a sigframe (argument
// save area, sigcontext, mask). The sigcontext holds the pc, every GPR, HI and LO in 64-bit
// slots, the FPU registers and FCSR. MIPS has no SA_RESTORER: the kernel returns through code
// in its vDSO; Mirage's is on the signal page (`MIPSSignalPage`), where $ra points.

import GuestMIPS
import GuestMemory
import LinuxABI

enum MIPSSignalFrame {
    /// Where each part of a frame lies, from the ABI's layouts; nil when one is missing.
    struct Geometry {
        var size: Int
        var sigcontext: Int
        var mask: Int
        /// rt_sigframe only: the siginfo and the ucontext.
        var info: Int?
        var ucontext: Int?
        var contextLayout: StructLayout
        var ucontextLayout: StructLayout?

        init?(rt: Bool, layouts: StructLayouts) {
            guard let sc = layouts[.sigcontext] else { return nil }
            contextLayout = sc
            if rt {
                guard let frame = layouts[.rtSigframe], let uc = layouts[.ucontext],
                      let infoField = frame.field(named: "rs_info"), let ucField = frame.field(named: "rs_uc"),
                      let mcontext = uc.field(named: "uc_mcontext"), let sigmask = uc.field(named: "uc_sigmask.sig")
                else { return nil }
                size = frame.size
                info = infoField.offset
                ucontext = ucField.offset
                ucontextLayout = uc
                sigcontext = ucField.offset + mcontext.offset
                mask = ucField.offset + sigmask.offset
            } else {
                guard let frame = layouts[.sigframe], let scField = frame.field(named: "sf_sc"),
                      let maskField = frame.field(named: "sf_mask.sig")
                else { return nil }
                size = frame.size
                sigcontext = scField.offset
                mask = maskField.offset
            }
        }
    }

    /// sc_used_math: the FPU state is in the context (USED_FP), saved with FR=1 (USED_FR1).
    static let usedFP: UInt64 = 1, usedFR1: UInt64 = 2
    /// The room the kernel leaves below the interrupted sp (for its FPU emulator's
    /// trampoline) before the frame.
    static let stackGap: UInt64 = 32

    /// Builds the frame for `info` on the guest's stack (or its alternate stack) and points
    /// the registers at the handler. false when the frame cannot be written.
    static func push(_ info: GuestSignalInfo, _ action: GuestSignalAction, savedMask: GuestSignalSet,
                     state: MIPSStatePointer, thread: GuestThread) -> Bool {
        let process = thread.process
        let abi = process.abi
        let rt = action.hostFlags & GuestProcess.saSigInfo != 0
        guard let geometry = Geometry(rt: rt, layouts: abi.layouts) else { return false }
        let sp = UInt64(state.sp)
        let alternate = thread.alternateStack
        let onAlternate = thread.onAlternateStack(sp)
        var top = sp &- stackGap
        if action.hostFlags & GuestProcess.saOnStack != 0 && alternate.size != 0 && !onAlternate { top = alternate.base + alternate.size }
        let frame = (top &- UInt64(geometry.size)) & ~7 & 0xffff_ffff
        var bytes = [UInt8](repeating: 0, count: geometry.size)
        let written = bytes.withUnsafeMutableBytes { buffer -> Bool in
            let context = UnsafeMutableRawBufferPointer(rebasing: buffer[geometry.sigcontext...])
            guard let writer = StructWriter(geometry.contextLayout, byteOrder: abi.byteOrder, into: context) else { return false }
            save(state, into: writer)
            let mask = UnsafeMutableRawBufferPointer(rebasing: buffer[geometry.mask...])
            for word in 0..<4 {
                let value = UInt32(truncatingIfNeeded: savedMask.bits >> UInt128(32 * word))
                mask.storeBytes(of: abi.byteOrder == .big ? value.bigEndian : value.littleEndian, toByteOffset: 4 * word, as: UInt32.self)
            }
            if let infoOffset = geometry.info, let ucOffset = geometry.ucontext, let ucLayout = geometry.ucontextLayout {
                let siginfo = info.bytes(abi)
                guard infoOffset + siginfo.count <= buffer.count else { return false }
                for (i, byte) in siginfo.enumerated() { buffer[infoOffset + i] = byte }
                let uc = UnsafeMutableRawBufferPointer(rebasing: buffer[ucOffset...])
                guard let ucWriter = StructWriter(ucLayout, byteOrder: abi.byteOrder, into: uc) else { return false }
                ucWriter.set("uc_stack.ss_sp", alternate.base & 0xffff_ffff)
                ucWriter.set("uc_stack.ss_size", alternate.size & 0xffff_ffff)
                ucWriter.set("uc_stack.ss_flags", signed: thread.alternateStackFlags(sp))
            }
            return true
        }
        guard written, process.space.write(bytes, at: GuestAddress(frame)) else { return false }

        let frame32 = UInt32(frame)
        state[gpr: 4] = UInt32(bitPattern: info.signal)
        state[gpr: 5] = rt ? frame32 + UInt32(geometry.info ?? 0) : 0
        state[gpr: 6] = rt ? frame32 + UInt32(geometry.ucontext ?? 0) : frame32 + UInt32(geometry.sigcontext)
        state.sp = frame32
        state[gpr: 31] = rt ? MIPSSignalPage.rtSigreturnAddress : MIPSSignalPage.sigreturnAddress
        // Position-independent handlers find their GOT from $t9, their own address.
        let handler = UInt32(truncatingIfNeeded: action.handler)
        state[gpr: 25] = handler
        state.pc = handler
        state.clearLink()
        return true
    }

    /// The registers into a sigcontext: the pc, GPRs, HI and LO zero-extended to their 64-bit
    /// slots; the FPU registers (with FR=0 only the even ones, each the 64-bit pair) and FCSR.
    static func save(_ state: MIPSStatePointer, into writer: StructWriter) {
        writer.zero()
        writer.set("sc_pc", UInt64(state.pc))
        for r in 1..<32 { writer.set("sc_regs", UInt64(state[gpr: r]), index: r) }
        writer.set("sc_mdhi", UInt64(state.hi))
        writer.set("sc_mdlo", UInt64(state.lo))
        let fr = state.mode.contains(.fr)
        writer.set("sc_used_math", usedFP | (fr ? usedFR1 : 0))
        for n in stride(from: 0, to: 32, by: fr ? 1 : 2) { writer.set("sc_fpregs", state[fpr64: n], index: n) }
        writer.set("sc_fpc_csr", UInt64(state.fcsr))
    }

    /// sigreturn (rt: rt_sigreturn): the registers, mask and FPU state back from the frame at
    /// sp. false for a frame that cannot be read (the kernel sends SIGSEGV then).
    static func restore(rt: Bool, state: MIPSStatePointer, thread: GuestThread) -> Bool {
        let process = thread.process
        let abi = process.abi
        guard let geometry = Geometry(rt: rt, layouts: abi.layouts),
              let bytes = process.space.read(at: GuestAddress(UInt64(state.sp)), count: geometry.size)
        else { return false }
        return bytes.withUnsafeBytes { buffer -> Bool in
            let context = UnsafeRawBufferPointer(rebasing: buffer[geometry.sigcontext...])
            guard let reader = StructReader(geometry.contextLayout, byteOrder: abi.byteOrder, from: context) else { return false }
            var mask: UInt128 = 0
            for word in 0..<4 {
                let raw = buffer.loadUnaligned(fromByteOffset: geometry.mask + 4 * word, as: UInt32.self)
                mask |= UInt128(abi.byteOrder == .big ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)) << UInt128(32 * word)
            }
            thread.setSignalMask(GuestSignalSet(bits: mask))
            state.pc = UInt32(truncatingIfNeeded: reader.get("sc_pc") ?? 0)
            for r in 1..<32 { state[gpr: r] = UInt32(truncatingIfNeeded: reader.get("sc_regs", index: r) ?? 0) }
            state.hi = UInt32(truncatingIfNeeded: reader.get("sc_mdhi") ?? 0)
            state.lo = UInt32(truncatingIfNeeded: reader.get("sc_mdlo") ?? 0)
            if (reader.get("sc_used_math") ?? 0) & usedFP != 0 {
                let fr = state.mode.contains(.fr)
                for n in stride(from: 0, to: 32, by: fr ? 1 : 2) { state[fpr64: n] = reader.get("sc_fpregs", index: n) ?? 0 }
                state.fcsr = UInt32(truncatingIfNeeded: reader.get("sc_fpc_csr") ?? 0)
            }
            state.loadHostFloatEnvironment()
            if let ucOffset = geometry.ucontext, let ucLayout = geometry.ucontextLayout,
               let uc = StructReader(ucLayout, byteOrder: abi.byteOrder, from: UnsafeRawBufferPointer(rebasing: buffer[ucOffset...])) {
                let base = uc.get("uc_stack.ss_sp") ?? 0, size = uc.get("uc_stack.ss_size") ?? 0
                let flags = uc.get("uc_stack.ss_flags") ?? 0
                if flags & 2 != 0 { thread.alternateStack = (0, 0) } else if size >= 2048 { thread.alternateStack = (base, size) }
            }
            state.clearLink()
            return true
        }
    }
}

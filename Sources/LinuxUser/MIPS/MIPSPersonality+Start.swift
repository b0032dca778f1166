// A MIPS o32 program's first moment, as the kernel sets it up: the translation mode from the
// ELF headers (byte order, NaN encoding, FR mode) and the registers at the entry point.

import ELFLoader
import GuestMIPS
import GuestMemory
import LinuxABI

extension MIPSPersonality {
    /// Where the top-down search for free address space starts: below the stack and the
    /// kernel's 128 MiB gap for it, under TASK_SIZE (0x7fff8000), as mmap_base on a 32-bit
    /// kernel; the upper 2 GiB are the kernel's on MIPS.
    static let mmapTop: GuestAddress = 0x7700_0000

    /// The mode the kernel runs the program in: its byte order; 2008 NaNs when e_flags says
    /// EF_MIPS_NAN2008; FR=1 when the program's or its dynamic linker's FP ABI needs 64-bit
    /// FPRs (arch/mips/kernel/elf.c; FPXX, Debian's default, runs with FR=0 on Release 2).
    static func mode(bigEndian: Bool, program: (ELFFile, LoadedImage), interpreter: (ELFFile, LoadedImage)?,
                     space: GuestAddressSpace) -> MIPSMode {
        var mode: MIPSMode = bigEndian ? [.bigEndian] : []
        if program.0.flags & MIPSKernel.ELFFlags.nan2008 != 0 { mode.insert(.nan2008) }
        let needsFR = [program, interpreter].compactMap { $0 }.contains { file, image in
            MIPSKernel.FPABI.needsFR(fpABI(of: file, image: image, space: space))
        }
        if needsFR { mode.insert(.fr) }
        return mode
    }

    /// The FP ABI a file declares: fp_abi of its PT_MIPS_ABIFLAGS record (read where the
    /// loader mapped it: the record is in a loaded segment), or for an older file without
    /// one, FP64 when e_flags has EF_MIPS_FP64 and double otherwise.
    static func fpABI(of file: ELFFile, image: LoadedImage, space: GuestAddressSpace) -> UInt8 {
        if let header = file.programHeaders.first(where: { $0.type == MIPSKernel.abiFlagsSegment }),
           header.fileSize >= UInt64(MIPSKernel.abiFlagsSize),
           let record = space.read(at: GuestAddress((header.virtualAddress &+ image.loadBias) & 0xffff_ffff),
                                   count: MIPSKernel.abiFlagsSize)
        {
            return record[MIPSKernel.abiFlagsFPABIOffset]
        }
        return file.flags & MIPSKernel.ELFFlags.fp64 != 0 ? MIPSKernel.FPABI.old64 : MIPSKernel.FPABI.double
    }

    /// Registers at the entry point: all zero but sp and pc (start_thread and ELF_PLAT_INIT
    /// clear them), so $v0, which glibc's __start passes on as the rtld_fini function, is
    /// null for a static program; the dynamic linker sets it for the program it starts.
    static func initialState(entry: GuestAddress, stackPointer: GuestAddress, memoryBase: UnsafeMutableRawPointer,
                             mode: MIPSMode) -> MIPSStatePointer {
        let state = MIPSStatePointer.allocate()
        state.mode = mode
        state.sp = UInt32(truncatingIfNeeded: stackPointer.rawValue)
        state.pc = UInt32(truncatingIfNeeded: entry.rawValue)
        state.memoryBase = memoryBase
        state.loadHostFloatEnvironment()
        return state
    }
}

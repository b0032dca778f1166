// Setting up what /proc/self shows, once the program, its dynamic linker and the stack are in
// place: the start-up facts, the file ranges of both images, and the process name.

import CHost
import ELFLoader
import Glibc
import GuestMemory
import Host
import LinuxABI

extension ProcState {
    static func launched(
        program: ELFFile, image: LoadedImage, executablePath: String, interpreter: (file: ELFFile, image: LoadedImage)?,
        layout: StackLayout, space: GuestAddressSpace, abi: GuestABI, sysroot: String?
    ) -> ProcState {
        let facts = StartupFacts(file: program, bias: image.loadBias, layout: layout, space: space,
                                 wordSize: abi.wordSize, bigEndian: abi.byteOrder == .big)
        let state = ProcState(startup: facts, sysroot: sysroot)
        state.recordImage(program, bias: image.loadBias, hostPath: executablePath, pageSize: space.pageSize)
        if let interpreter {
            state.recordImage(interpreter.file, bias: interpreter.image.loadBias,
                              hostPath: Launcher.absolutePath(interpreter.file.path), pageSize: space.pageSize)
        }
        return state
    }

    /// Gives the host process the name the kernel would give the guest (the last component of
    /// the path it was started from, at most 15 bytes: TASK_COMM_LEN), so /proc/self/comm,
    /// the comm field of /proc/self/stat, PR_GET_NAME and ps all show the guest program.
    static func nameProcess(after program: String) {
        let base = program.split(separator: "/").last.map(String.init) ?? program
        var bytes = Array(base.utf8.prefix(15)) + [0]
        _ = bytes.withUnsafeMutableBytes { Host.rawSyscall(HOST_SYS_prctl, 15 /* PR_SET_NAME */, Int(bitPattern: $0.baseAddress)) }
    }
}

// Starting a guest program: validate the file, pick the guest, build its address space,
// load it (and its dynamic linker), lay out the stack, and enter the CPU loop. Every failure
// before the first guest instruction is one line on stderr naming the file and exit status 1.

import CHost
import ELFLoader
import Engine
import Glibc
import GuestARM
import GuestMIPS
import GuestMemory
import Host
import LinuxABI

public enum Launcher {
    /// Runs the program in `options` to completion; never returns.
    public static func run(_ options: RunOptions) -> Never {
        switch prepare(options) {
        case .failure(let error):
            fail(error.message)
        case .success(let start):
            start()
        }
    }

    /// A failure to start, with the one line to print.
    public struct LaunchError: Error {
        public var message: String
    }

    static func fail(_ message: String) -> Never {
        var line = "mirage: " + message + "\n"
        line.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
        Termination.exit(status: 1)
    }

    /// Everything up to the first guest instruction; the returned closure enters the guest.
    static func prepare(_ options: RunOptions) -> Result<() -> Never, LaunchError> {
        let file: ELFFile
        do {
            if let fd = options.programDescriptor {
                file = try ELFFile.open(descriptor: fd, path: options.program)
            } else {
                file = try ELFFile.open(path: options.program)
            }
        } catch { return .failure(LaunchError(message: error.description)) }
        let arch: GuestArch
        switch GuestSelection.choose(for: file, program: options.program, required: options.requiredArch) {
        case .failure(let e): return .failure(e)
        case .success(let chosen): arch = chosen
        }
        guard let abi = GuestABI.forArch(arch), let personality = GuestPersonality.forArch(arch) else {
            return .failure(LaunchError(message: "no ABI tables for \(GuestSelection.describe(arch))"))
        }

        let space: GuestAddressSpace
        do { space = try GuestAddressSpace(addressBits: 32) } catch {
            return .failure(LaunchError(message: error.description))
        }
        if let top = personality.mmapTop { space.mmapTop = top }

        // The dynamic linker, when the program names one.
        var interpreterFile: ELFFile?
        var sysroot = options.sysroot
        if let interpreter = file.interpreter {
            switch findInterpreter(interpreter, sysroot: options.sysroot, crossSysroot: personality.crossSysroot, program: options.program) {
            case .failure(let e): return .failure(e)
            case .success(let (found, root)):
                interpreterFile = found
                sysroot = root
            }
        }

        let image: LoadedImage
        do { image = try load(file, into: space, loadBias: nil) } catch { return .failure(LaunchError(message: error.description)) }
        var interpreterImage: LoadedImage?
        if let interpreterFile {
            do { interpreterImage = try load(interpreterFile, into: space, loadBias: nil) } catch {
                return .failure(LaunchError(message: error.description))
            }
            // The heap follows the program, not the dynamic linker.
            space.setBrk(start: image.highestAddress.roundedUp(to: space.pageSize) ?? image.highestAddress)
        }

        // Self-modifying-code detection and fatal faults: one byte per guest page.
        let pages = Int(space.size / space.pageSize)
        if let table = mmap(nil, pages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0), table != MAP_FAILED {
            chost_fault_setup(space.base, space.size, table.assumingMemoryBound(to: UInt8.self))
            _ = chost_fault_install()
        }

        if let problem = mapArchPages(arch, space) { return .failure(LaunchError(message: problem)) }

        let executablePath = absolutePath(options.program)
        let random: [UInt8]
        do { random = try Host.randomBytes(count: 16) } catch { random = [UInt8](repeating: 0x5a, count: 16) }
        let auxv = InitialStack.standardAuxv(
            image: image, interpreterBase: interpreterImage.map { GuestAddress($0.loadBias) }, pageSize: space.pageSize,
            hwcap: personality.hwcap, hwcap2: personality.hwcap2, uid: UInt64(getuid()), euid: UInt64(geteuid()),
            gid: UInt64(getgid()), egid: UInt64(getegid()), secure: options.secure)
        let stack = InitialStack(
            top: personality.stackTop, size: options.stackSize, wordSize: abi.wordSize, bigEndian: abi.byteOrder == .big,
            executable: image.executableStack, arguments: [options.argv0 ?? options.program] + options.arguments,
            environment: options.environment, execFilename: options.program, platform: personality.platform,
            randomBytes: random, auxv: auxv)
        let layout: StackLayout
        do { layout = try stack.build(in: space) } catch { return .failure(LaunchError(message: "\(options.program): \(error.description)")) }

        let process = GuestProcess(space: space, abi: abi, log: options.log, executablePath: executablePath, sysroot: sysroot)
        process.proc = ProcState.launched(
            program: file, image: image, executablePath: executablePath,
            interpreter: interpreterFile.flatMap { f in interpreterImage.map { (f, $0) } },
            layout: layout, space: space, abi: abi, sysroot: sysroot)
        ProcState.nameProcess(after: options.program)
        if let sysroot = options.sysroot { process.relaunchOptions = ["-L", sysroot] }
        // A program the guest executes is traced too, as strace -f would (to stderr).
        if options.log.enabled(.strace) && options.log.fd == 2 { process.relaunchOptions.append("-strace") }
        let entry = interpreterImage?.entry ?? image.entry
        switch arch {
        case .arm:
            let state = ARMPersonality.initialState(entry: entry, stackPointer: layout.stackPointer, memoryBase: space.base)
            return .success(enter(ARMCPULoop.self, engine: ARMCPULoop.makeEngine(process: process, options: options.engine),
                                  process: process, state: state.raw))
        case .mips, .mipsel:
            let mode = MIPSPersonality.mode(bigEndian: arch == .mips, program: (file, image),
                                            interpreter: interpreterFile.flatMap { f in interpreterImage.map { (f, $0) } }, space: space)
            let state = MIPSPersonality.initialState(entry: entry, stackPointer: layout.stackPointer, memoryBase: space.base, mode: mode)
            return .success(enter(MIPSCPULoop.self, engine: MIPSCPULoop.makeEngine(process: process, options: options.engine),
                                  process: process, state: state.raw))
        case .aarch64, .ppc:
            return .failure(LaunchError(message: "no CPU loop for \(GuestSelection.describe(arch))"))
        }
    }

    /// The pages the arch's kernel maps into every process: ARM's kuser helpers, the MIPS
    /// signal return code. nil, or what went wrong.
    static func mapArchPages(_ arch: GuestArch, _ space: GuestAddressSpace) -> String? {
        switch arch {
        case .arm:
            ARMPersonality.mapKuserPage(space) ? nil : "cannot map the ARM kuser helper page at 0xffff0000"
        case .mips, .mipsel:
            MIPSSignalPage.map(space, bigEndian: arch == .mips) ? nil
                : "cannot map the MIPS signal return page at 0x\(String(MIPSSignalPage.address, radix: 16))"
        case .aarch64, .ppc:
            nil
        }
    }

    /// The main thread on `state`, ready to run: the closure enters the guest.
    static func enter<Loop: CPULoop>(_ loop: Loop.Type, engine: Engine<Loop.GuestFrontend, GuestCode>, process: GuestProcess,
                                     state: UnsafeMutableRawPointer) -> () -> Never {
        let exitFlag = state.advanced(by: engine.frontend.exitRequestOffset).assumingMemoryBound(to: UInt32.self)
        let thread = GuestThread(process: process, engineThread: engine.makeThread(exitFlag: exitFlag), isMain: true)
        let loop = Loop(process: process, thread: thread, state: state, engine: engine)
        // The main thread's exit(2) with other threads alive ends only it, as on Linux.
        return { chost_thread_exit(loop.run()) }
    }

    /// Finds the dynamic linker: under the sysroot (-L), else under the Debian cross sysroot
    /// for the arch, else at its own path (a foreign chroot).
    static func findInterpreter(_ path: String, sysroot: String?, crossSysroot: String, program: String) -> Result<(ELFFile, String?), LaunchError> {
        var candidates: [String?] = []
        if let sysroot { candidates.append(sysroot) } else { candidates += [crossSysroot, nil] }
        for root in candidates {
            let full = (root ?? "") + path
            if access(full, F_OK) == 0 {
                do { return .success((try ELFFile.open(path: full), root)) } catch {
                    return .failure(LaunchError(message: error.description))
                }
            }
        }
        let tried = sysroot.map { " under \($0)" } ?? ""
        return .failure(LaunchError(message: "\(program): needs the dynamic linker \(path), which was not found\(tried); "
            + "pass the directory that holds the guest's /lib with -L (for Debian's cross packages: -L \(crossSysroot))"))
    }

    /// What a guest's execve of another guest program runs: this mirage by its path, or
    /// through /proc/self/exe when that path is not reachable from here (a chroot entered
    /// through binfmt_misc's F flag, where mirage lives outside the root). Nil when neither
    /// works (a chroot without /proc): the kernel's binfmt_misc entry is then the way.
    static func launcherPath() -> String? {
        let resolved = absolutePath("/proc/self/exe")
        if resolved.hasPrefix("/"), resolved != "/proc/self/exe", access(resolved, X_OK) == 0 { return resolved }
        return access("/proc/self/exe", X_OK) == 0 ? "/proc/self/exe" : nil
    }

    static func absolutePath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

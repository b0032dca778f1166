// One guest's Linux ABI as a value: LinuxUser holds one and asks it for every number, flag and
// layout that differs between guests. Tables are built on first use of an arch (a few dozen
// small arrays), not at process start.

public struct GuestABI: Sendable {
    public let arch: GuestArch
    public let byteOrder: ByteOrder
    /// Bytes in a long and a pointer (4 for the 32-bit guests, 8 for AArch64).
    public let wordSize: Int
    public let syscallConvention: SyscallConvention

    public let errnos: ConstantTable<Constant>
    public let signals: SignalNumbers
    /// sigaction's sa_flags.
    public let sigactionFlags: FlagTable
    /// sigprocmask's `how`.
    public let sigprocmaskHow: ConstantTable<Constant>
    /// sigaltstack's ss_flags.
    public let sigaltstackFlags: FlagTable
    /// siginfo's si_code values for signals a process, timer or queue sent (SI_USER, SI_QUEUE,
    /// SI_TIMER, ...): MIPS numbers three of them differently. Codes of the kernel's own
    /// signals (SEGV_MAPERR, CLD_EXITED, ...) are the same on every arch and are not rows.
    public let signalCodes: ConstantTable<Constant>

    /// open/openat/fcntl(F_GETFL, F_SETFL) flags.
    public let openFlags: FlagTable
    public let fcntlCommands: ConstantTable<FcntlCommand>
    /// struct flock's l_type.
    public let lockTypes: ConstantTable<Constant>
    /// The *at calls' "current directory" dirfd (-100 on every arch).
    public let atFDCWD: Int32
    public let atFlags: FlagTable

    public let protFlags: FlagTable
    public let mapFlags: FlagTable
    public let mremapFlags: FlagTable

    public let clockIDs: ConstantTable<Constant>
    public let ioctls: ConstantTable<IoctlRequest>
    /// termios/termio contents (TCGETS, TCGETA) and the TIOCM modem-line bits.
    public let termios: TermiosABI
    /// poll/ppoll's events and revents bits (MIPS's POLLWRNORM is POLLOUT).
    public let pollEvents: FlagTable
    public let rlimitResources: ConstantTable<Constant>
    /// RLIM_INFINITY as a guest's word-sized struct rlimit says it (prlimit64 always uses ~0).
    public let rlimitInfinity: UInt64

    public let layouts: StructLayouts

    public init(
        arch: GuestArch, byteOrder: ByteOrder, wordSize: Int, syscallConvention: SyscallConvention,
        errnos: ConstantTable<Constant>, signals: SignalNumbers, sigactionFlags: FlagTable,
        sigprocmaskHow: ConstantTable<Constant>, sigaltstackFlags: FlagTable, openFlags: FlagTable,
        fcntlCommands: ConstantTable<FcntlCommand>, lockTypes: ConstantTable<Constant>, atFDCWD: Int32,
        atFlags: FlagTable, protFlags: FlagTable, mapFlags: FlagTable, mremapFlags: FlagTable,
        clockIDs: ConstantTable<Constant>, ioctls: ConstantTable<IoctlRequest>,
        rlimitResources: ConstantTable<Constant>, rlimitInfinity: UInt64, layouts: StructLayouts,
        signalCodes: ConstantTable<Constant>? = nil, termios: TermiosABI? = nil, pollEvents: FlagTable? = nil
    ) {
        self.arch = arch
        self.byteOrder = byteOrder
        self.wordSize = wordSize
        self.syscallConvention = syscallConvention
        self.errnos = errnos
        self.signals = signals
        self.sigactionFlags = sigactionFlags
        self.sigprocmaskHow = sigprocmaskHow
        self.sigaltstackFlags = sigaltstackFlags
        self.openFlags = openFlags
        self.fcntlCommands = fcntlCommands
        self.lockTypes = lockTypes
        self.atFDCWD = atFDCWD
        self.atFlags = atFlags
        self.protFlags = protFlags
        self.mapFlags = mapFlags
        self.mremapFlags = mremapFlags
        self.clockIDs = clockIDs
        self.ioctls = ioctls
        self.rlimitResources = rlimitResources
        self.rlimitInfinity = rlimitInfinity
        self.layouts = layouts
        // The asm-generic values unless the arch says otherwise: what ARM and the host use.
        self.signalCodes = signalCodes ?? AsmGeneric.signalCodes
        self.termios = termios ?? AsmGeneric.termios
        self.pollEvents = pollEvents ?? AsmGeneric.pollEvents
    }

    /// The ABI Mirage gives `arch`, or nil for a guest whose tables are not written yet.
    public static func forArch(_ arch: GuestArch) -> GuestABI? {
        switch arch {
        case .arm: .arm
        case .mips: .mips
        case .mipsel: .mipsel
        case .aarch64, .ppc: nil
        }
    }

    /// The call a guest syscall number names; nil for numbers the guest does not have (ENOSYS).
    public func syscall(number: UInt32) -> Syscall? {
        switch arch {
        case .arm: ARMSyscalls.syscall(number: number)
        case .mips, .mipsel: MIPSSyscalls.syscall(number: number)
        case .aarch64, .ppc: nil
        }
    }

    /// The guest's number for a call; nil when the guest does not have it.
    public func number(of syscall: Syscall) -> UInt32? {
        switch arch {
        case .arm: ARMSyscalls.number(of: syscall)
        case .mips, .mipsel: MIPSSyscalls.number(of: syscall)
        case .aarch64, .ppc: nil
        }
    }
}

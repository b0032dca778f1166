// Struct layouts as data: name, size, alignment and each field's offset, size and signedness,
// per arch. Nothing depends on how Swift would lay out a struct; LinuxABITests checks every
// number against offsetof/sizeof printed by a program built with the guest's cross compiler.

/// One field of a guest struct. Arrays are one field with `count` elements of `size` bytes
/// (utsname's strings, termios' c_cc, sigset words); nested structs are flattened with dotted
/// names (`stx_atime.tv_sec`, `sa_mask.sig`).
public struct Field: Sendable {
    public var name: StaticString
    public var offset: Int
    /// Bytes per element: 1, 2, 4 or 8 for integers; byte arrays have size 1.
    public var size: Int
    /// Elements: 1 for a scalar; 0 for a flexible array member (linux_dirent64's d_name).
    public var count: Int
    /// Whether the C type is signed (reads sign-extend it).
    public var signed: Bool

    public init(_ name: StaticString, _ offset: Int, _ size: Int, count: Int = 1, signed: Bool = false) {
        self.name = name
        self.offset = offset
        self.size = size
        self.count = count
        self.signed = signed
    }

    /// Bytes the whole field covers (size * count).
    public var byteCount: Int { size * count }

    /// Whether `value`, read as a signed number, can be stored in one element unchanged.
    public func holds(_ value: Int64) -> Bool {
        if size >= 8 { return signed || value >= 0 }
        let bits = UInt64(size * 8)
        if signed {
            let limit = Int64(1) << (bits - 1)
            return value >= -limit && value < limit
        }
        return value >= 0 && UInt64(value) >> bits == 0
    }

    /// Whether `value`, read as an unsigned number, can be stored in one element unchanged.
    public func holds(unsigned value: UInt64) -> Bool {
        if signed { return value <= UInt64(Int64.max) && holds(Int64(value)) }
        return size >= 8 || value >> UInt64(size * 8) == 0
    }
}

/// The layout of one struct on one arch.
public struct StructLayout: Sendable {
    /// The C name the kernel uses (`stat64`, `__kernel_timespec`, `sigaction` for the kernel's).
    public var name: StaticString
    public var size: Int
    public var alignment: Int
    public var fields: [Field]

    public init(_ name: StaticString, size: Int, alignment: Int, _ fields: [Field]) {
        self.name = name
        self.size = size
        self.alignment = alignment
        self.fields = fields
    }

    /// The field with this name (a linear scan over at most a few dozen fields).
    public func field(named name: StaticString) -> Field? {
        for field in fields where sameName(field.name, name) { return field }
        return nil
    }
}

/// The structs LinuxABI describes. A guest that lacks one (AArch64 has no stat64) has no
/// layout for it.
public enum StructKind: Int, CaseIterable, Sendable {
    /// The kernel's `struct stat` (x86-64 host, AArch64 newfstatat).
    case stat
    /// 32-bit arches' fstat64/fstatat64 result.
    case stat64
    case statx
    /// The old timespec with a `long` tv_sec (__kernel_old_timespec).
    case timespec
    /// __kernel_timespec: 64-bit tv_sec and tv_nsec (the *_time64 calls).
    case kernelTimespec
    /// __kernel_old_timeval.
    case timeval
    case timezone
    case iovec
    /// new_utsname, what uname(2) fills.
    case utsname
    case rlimit
    /// prlimit64's record.
    case rlimit64
    /// The kernel's termios (what TCGETS fills), not the C library's.
    case termios
    /// The old struct termio (TCGETA): 16-bit flag words.
    case termio
    case winsize
    case linuxDirent64
    /// The kernel's sigaction as rt_sigaction reads it.
    case sigaction
    /// The old sigaction of sys_sigaction (one-word mask).
    case oldSigaction
    /// The kernel's sigset_t (_NSIG bits).
    case sigset
    case stack
    /// The kernel's 128-byte siginfo_t: signo, errno and code (MIPS: signo, code, errno), then
    /// the union as words (`_sifields`), whose meaning depends on the signal and code.
    case siginfo
    case sysinfo
    case tms
    case pollfd
    case epollEvent
    /// statfs(2)'s record: the host's (x86-64: all fields 64-bit), and a 32-bit guest's where
    /// it is not statfs64's (MIPS).
    case statfs
    case statfs64
    case rusage
    /// The 32-bit-offset lock record (fcntl F_GETLK on 32-bit arches).
    case flock
    case flock64
    case fOwnerEx
    /// The kernel's user_msghdr (sendmsg/recvmsg).
    case msghdr
    /// sendmmsg/recvmmsg's record: a msghdr and the byte count.
    case mmsghdr
    /// A control message header; its data follows at the header size rounded to a long.
    case cmsghdr
    /// What a read of a signalfd returns, one record per signal.
    case signalfdSiginfo
    /// MIPS o32's signal context (registers in 64-bit slots, FPU, HI/LO), the handler's view
    /// of the interrupted thread.
    case sigcontext
    /// The kernel's ucontext (MIPS: flags, link, stack_t, sigcontext, blocked mask).
    case ucontext
    /// The frame of a handler without SA_SIGINFO (MIPS: argument save area, sigcontext, mask).
    case sigframe
    /// The frame of an SA_SIGINFO handler (MIPS: argument save area, siginfo, ucontext).
    case rtSigframe
}

/// All the layouts of one arch, indexed by kind.
public struct StructLayouts: Sendable {
    private var table: [StructLayout?]

    public init(_ layouts: KeyValuePairs<StructKind, StructLayout>) {
        table = Array(repeating: nil, count: StructKind.allCases.count)
        for (kind, layout) in layouts { table[kind.rawValue] = layout }
    }

    /// The layouts of all `parts` in one table (a later part's layout of a kind wins): lets
    /// each subject keep its layouts in its own file.
    public init(merging parts: StructLayouts...) {
        table = Array(repeating: nil, count: StructKind.allCases.count)
        for part in parts {
            for (index, layout) in part.table.enumerated() where layout != nil { table[index] = layout }
        }
    }

    public subscript(_ kind: StructKind) -> StructLayout? {
        table[kind.rawValue]
    }

    /// Every layout present, in `StructKind` order.
    public var all: [(kind: StructKind, layout: StructLayout)] {
        StructKind.allCases.compactMap { kind in table[kind.rawValue].map { (kind, $0) } }
    }
}

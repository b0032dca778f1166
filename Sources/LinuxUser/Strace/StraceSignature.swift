// What `-strace` knows about a syscall: the kind of each argument and of the result, so one
// formatter prints every call the way strace(1) does. Arguments are listed in the order the
// call takes them; a kind that spans two registers (a 64-bit offset on a 32-bit guest) takes
// both, starting at an even register when the guest's convention aligns pairs (ARM EABI).

/// How one argument is shown.
enum StraceArgument: Sendable {
    /// Signed decimal (int, pid_t, off_t of a 32-bit guest).
    case int
    /// Unsigned decimal (size_t, unsigned counts).
    case unsigned
    /// 0x-prefixed hex: values whose meaning the table does not know.
    case hex
    /// A guest address: NULL or 0x-prefixed hex.
    case pointer
    /// A descriptor: decimal.
    case fd
    /// A *at call's directory descriptor: AT_FDCWD or decimal.
    case dirfd
    /// A NUL-terminated path, quoted, never shortened.
    case path
    /// A NUL-terminated string, quoted, shortened to the string limit.
    case string
    /// Bytes the call reads from guest memory; their count is argument `count` (by index in
    /// this list). Quoted and shortened.
    case bytesIn(count: Int)
    /// Bytes the call wrote, as many as its result: shown after a success, else the pointer.
    case bytesOut
    /// A path the call wrote (getcwd), NUL-terminated: shown after a success.
    case pathOut
    /// Bit flags, symbolic.
    case flags(StraceFlags)
    /// One value of an enumeration, symbolic (decimal when unknown).
    case constant(StraceConstants)
    /// open's flags: the access mode first, then the other flags.
    case openFlags
    /// A mode: octal with a leading 0.
    case mode
    /// open's mode: shown only when the flags argument at `flags` has O_CREAT or O_TMPFILE.
    case openMode(flags: Int)
    /// A signal number: SIGINT, or decimal.
    case signal
    /// Pointer to a signal set (in: read at the call; out: shown after a success).
    case sigset(out: Bool)
    /// Pointer to a sigaction (rt_sigaction's new or old action).
    case sigaction(out: Bool)
    /// Pointer to a timespec of 32-bit (`wide` false) or 64-bit (`wide` true) time.
    case timespec(wide: Bool, out: Bool)
    /// Pointer to a timeval, written by the call.
    case timevalOut
    /// Pointer to a struct itimerval (setitimer's new value; `out`: the old one it wrote).
    case itimerval(out: Bool)
    /// Pointer to a stack_t (sigaltstack's new stack; `out`: the old one it wrote).
    case signalStack(out: Bool)
    /// Pointer to a stat64 / statx the call filled.
    case statOut
    case statxOut
    /// Pointer to a struct utsname the call filled.
    case utsnameOut
    /// Pointer to an iovec array of argument `count` entries; `out`: the call filled the
    /// buffers (readv), as many bytes as its result.
    case iovec(count: Int, out: Bool)
    /// int[2] the call filled (pipe, socketpair).
    case fdPairOut
    /// Pointer to an int / a 64-bit value the call wrote: [value].
    case intOut
    case int64Out
    /// Pointer to a wait status the call wrote.
    case waitStatusOut
    /// Pointer to the siginfo waitid filled: the child's report, `{}` when none was ready.
    case childInfoOut
    /// Pointer to a getdents64 buffer: the number of records the call wrote.
    case direntsOut
    /// A NULL-terminated array of strings (execve's argv).
    case stringArray
    /// A NULL-terminated array of strings shown as a count (execve's envp).
    case environment
    /// A 64-bit value in a register pair, low word first on a little-endian guest.
    case offset64
    /// A 64-bit value as two arguments, high word first (_llseek).
    case offsetHighLow
    /// mmap2's offset: in 4096-byte units, shown in bytes, hex.
    case pageOffset
    /// fcntl's third argument, as the command in argument `command` wants it (may be absent).
    case fcntlArgument(command: Int)
    /// ioctl's request: its name, or hex.
    case ioctlRequest
    /// clone's flags: CLONE_* and the exit signal in the low byte.
    case cloneFlags
    /// futex's operation; the arguments after it depend on it and follow it here.
    case futexOperation
}

/// How the result is shown when the call succeeds (failures are always -1 ERRNO (text)).
enum StraceResult: Sendable {
    case int
    /// An address (mmap, brk): hex.
    case pointer
    /// A mode (umask): octal.
    case mode
    /// The call does not return (exit, exit_group): `= ?`.
    case none
}

/// One call's description.
struct StraceSignature: Sendable {
    var arguments: [StraceArgument]
    var result: StraceResult = .int

    init(_ arguments: [StraceArgument], result: StraceResult = .int) {
        self.arguments = arguments
        self.result = result
    }
}

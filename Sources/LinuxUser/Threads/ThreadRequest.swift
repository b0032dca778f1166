// clone(2) for a thread: the flags Linux defines (the same numbers on every arch), what a
// thread clone must and must not ask for, and the request the arch's CPU loop carries out.

/// A new guest thread asked for by clone: where it starts and what the kernel does for it.
struct ThreadRequest {
    /// The new thread's stack pointer (0: the parent's).
    var stack: UInt64
    /// CLONE_SETTLS: the new thread's TLS register value.
    var tls: UInt64?
    /// CLONE_PARENT_SETTID: the tid is stored here before clone returns.
    var parentTID: UInt64?
    /// CLONE_CHILD_SETTID: the tid is stored here, in the child, before it runs.
    var childSetTID: UInt64?
    /// CLONE_CHILD_CLEARTID: zeroed and futex-woken when the thread ends.
    var childClearTID: UInt64?
}

enum CloneFlags {
    static let vm: UInt32 = 0x100, fs: UInt32 = 0x200, files: UInt32 = 0x400, sighand: UInt32 = 0x800
    static let vfork: UInt32 = 0x4000, thread: UInt32 = 0x1_0000, sysvsem: UInt32 = 0x4_0000
    static let setTLS: UInt32 = 0x8_0000, parentSetTID: UInt32 = 0x10_0000, childClearTID: UInt32 = 0x20_0000
    static let detached: UInt32 = 0x40_0000, untraced: UInt32 = 0x80_0000, childSetTID: UInt32 = 0x100_0000
    static let pidfd: UInt32 = 0x1000, ptrace: UInt32 = 0x2000, parent: UInt32 = 0x8000
    /// Namespaces, cgroups, io contexts: not for a thread of an emulated process.
    static let namespaces: UInt32 = 0x0002_0000 | 0x0200_0000 | 0x0400_0000 | 0x0800_0000 | 0x1000_0000 | 0x2000_0000 | 0x4000_0000 | 0x8000_0000

    /// What a thread clone must share: memory, files, the filesystem context, signal handlers.
    static let threadRequired: UInt32 = vm | fs | files | sighand | thread
}

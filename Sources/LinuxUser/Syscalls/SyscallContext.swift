// One system call in flight: its arguments as the guest passed them, and the accessors every
// implementation uses to read guest memory safely and to report errors in the guest's numbers.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

/// What a syscall implementation returns: the guest's result register value, with failures as
/// -errno in the guest's numbering.
typealias SyscallResult = Int64

extension SyscallResult {
    /// A signal interrupted the call while it blocked (the kernel's ERESTARTSYS): the CPU loop
    /// runs it again after a handler with SA_RESTART, or when no handler runs; else EINTR.
    static let interrupted: SyscallResult = -512
    /// A signal was waiting, so the call never started (the kernel's ERESTARTNOINTR): the CPU
    /// loop delivers the signal and runs the call again.
    static let notStarted: SyscallResult = -513
}

struct SyscallContext {
    let process: GuestProcess
    /// The thread making the call.
    let thread: GuestThread
    /// The raw argument slots (already zero-extended from the guest's word size).
    var args: SyscallArguments
    /// Set by clone in a child that must start on a new stack.
    var childStack: UInt64?
    /// Set by clone for a new thread, which the arch's CPU loop starts (it owns the registers).
    var newThread: ThreadRequest?
    /// Set by a call that returns a second value in a register of its own (MIPS o32's pipe);
    /// the CPU loop writes it to `SyscallConvention.secondResultRegister` on success.
    var secondResult: UInt64?
    /// The guest's stack pointer at the call (sigaltstack asks whether it is on the
    /// alternate stack).
    var stackPointer: UInt64 = 0

    var space: GuestAddressSpace { process.space }
    var abi: GuestABI { process.abi }

    func arg(_ i: Int) -> UInt64 {
        switch i {
        case 0: args.0
        case 1: args.1
        case 2: args.2
        case 3: args.3
        case 4: args.4
        case 5: args.5
        default: args.6
        }
    }
    /// A 32-bit guest int argument, sign-extended.
    func int(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: arg(i)) }
    func address(_ i: Int) -> GuestAddress { GuestAddress(arg(i)) }
    /// A 64-bit argument passed in the register pair starting at `i` (low word first on a
    /// little-endian guest).
    func pair(_ i: Int) -> UInt64 {
        let lo = arg(i) & 0xffff_ffff, hi = arg(i + 1) & 0xffff_ffff
        return process.bigEndian ? lo << 32 | hi : hi << 32 | lo
    }

    // MARK: Results

    /// -errno in the guest's numbering, for a host errno.
    func fail(_ hostErrno: Int32) -> SyscallResult { -SyscallResult(abi.untranslateErrno(hostErrno)) }
    /// A host raw syscall result (value or -host errno) as a guest result.
    func forward(_ hostResult: Int) -> SyscallResult {
        if hostResult == Host.notStarted { return .notStarted }
        if hostResult == -Int(EINTR) { return .interrupted }
        return hostResult < 0 && hostResult > -4096 ? fail(Int32(-hostResult)) : SyscallResult(hostResult)
    }

    // MARK: Guest memory

    /// A host pointer to `length` guest bytes, or nil when any of them is not accessible (EFAULT).
    func pointer(_ address: GuestAddress, _ length: UInt64, write: Bool) -> UnsafeMutableRawPointer? {
        if length == 0 { return space.base + Int(address.rawValue & 0xffff_ffff) }
        guard let p = space.pointer(to: address, length: length, access: write ? .write : .read) else { return nil }
        // The host kernel will write here: pages holding translated code must take writes again
        // (a write-protected page would make the host call fail with EFAULT).
        if write {
            var page = address.rawValue / space.pageSize
            let last = (address.rawValue + length - 1) / space.pageSize
            while page <= last {
                _ = chost_fault_unprotect_page(page)
                page += 1
            }
        }
        return p
    }

    /// A NUL-terminated guest string (a path), or the errno to fail with.
    func string(_ address: GuestAddress, maxLength: Int = 4096) -> Result<[UInt8], CErrno> {
        guard let bytes = space.readCString(at: address, maxLength: maxLength) else { return .failure(CErrno(EFAULT)) }
        return .success(bytes)
    }

    /// Runs `body` with a C string for a guest path; EFAULT when unreadable.
    func withPath(_ i: Int, _ body: (UnsafePointer<CChar>) -> SyscallResult) -> SyscallResult {
        switch string(address(i)) {
        case .failure(let e): return fail(e.value)
        case .success(let bytes):
            if bytes.count >= 4096 { return fail(ENAMETOOLONG) }
            let path = process.hostPath(bytes)
            return path.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
            }
        }
    }

    /// Writes a struct of `layout` at guest `address`, filled by `fill`. False on EFAULT.
    func writeStruct(_ kind: StructKind, at address: GuestAddress, _ fill: (StructWriter) -> Void) -> Bool {
        guard let layout = abi.layouts[kind],
              let p = pointer(address, UInt64(layout.size), write: true),
              let writer = StructWriter(layout, byteOrder: abi.byteOrder,
                                        into: UnsafeMutableRawBufferPointer(start: p, count: layout.size))
        else { return false }
        writer.zero()
        fill(writer)
        return true
    }

    /// Reads a struct of `layout` at guest `address`.
    func readStruct<T>(_ kind: StructKind, at address: GuestAddress, _ read: (StructReader) -> T?) -> T? {
        guard let layout = abi.layouts[kind],
              let p = pointer(address, UInt64(layout.size), write: false),
              let reader = StructReader(layout, byteOrder: abi.byteOrder,
                                        from: UnsafeRawBufferPointer(start: p, count: layout.size))
        else { return nil }
        return read(reader)
    }
}

/// A host errno value carried in a Result.
struct CErrno: Error {
    var value: Int32
    init(_ value: Int32) { self.value = value }
}

extension GuestProcess {
    /// The host path for a guest path: with a sysroot, absolute paths that exist under it are
    /// taken from there (as qemu's -L does); NUL-terminated.
    func hostPath(_ guest: [UInt8]) -> [UInt8] {
        var path = guest
        if let sysroot, guest.first == UInt8(ascii: "/") {
            let candidate = Array(sysroot.utf8) + guest
            var c = candidate + [0]
            let exists = c.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { access($0, F_OK) == 0 }
            }
            if exists { path = candidate }
        }
        return path + [0]
    }
}

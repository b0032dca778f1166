// Executable memory for translated code, W^X: one shared memory object mapped twice, writable
// at one address and executable at another, so no page is ever writable and executable at
// once. Code is written (and chaining jumps patched) through the writable view and run from
// the executable one; x86 keeps instruction fetch coherent with those stores. When memfd is
// not available (an old kernel, a seccomp filter) one read-write-execute mapping stands in.

import CHost
import Glibc
import Host

final class CodeMemory {
    let writable: UnsafeMutableRawPointer
    let executable: UnsafeMutableRawPointer
    let size: Int
    private(set) var used = 0
    /// The writable view's pages up to here are in place (see `allocate`).
    private var populated = 0
    /// Bytes of code memory put in place at a time: four pages, one madvise instead of four
    /// page faults (a write fault on shared memory faults in one page). Small: with cold
    /// blocks interpreted first, a short program compiles a few KiB of code.
    private static let populateStep = 16 * 1024

    /// Bytes from the writable view to the executable one.
    var delta: Int { executable - writable }

    init?(size: Int) {
        self.size = size
        let fd = Int32(truncatingIfNeeded: "mirage-code".withCString { Host.rawSyscall(HOST_SYS_memfd_create, Int(bitPattern: $0), 1 /* MFD_CLOEXEC */) })
        if fd >= 0, ftruncate(fd, off_t(size)) == 0,
           let rw = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), rw != MAP_FAILED,
           let rx = mmap(nil, size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0), rx != MAP_FAILED {
            close(fd)
            writable = rw
            executable = rx
            return
        }
        if fd >= 0 { close(fd) }
        guard let rwx = mmap(nil, size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              rwx != MAP_FAILED else { return nil }
        writable = rwx
        executable = rwx
    }

    deinit {
        munmap(writable, size)
        if executable != writable { munmap(executable, size) }
    }

    /// Room for `count` bytes at `alignment`; nil when the region is full (flush and retry).
    func allocate(_ count: Int, alignment: Int = 16) -> (writable: UnsafeMutableRawPointer, executable: UnsafeMutableRawPointer)? {
        let start = (used + alignment - 1) & ~(alignment - 1)
        guard start + count <= size else { return nil }
        used = start + count
        if used > populated { populate() }
        return (writable + start, executable + start)
    }

    /// Puts the writable view's pages in place up to the next step past `used`. A kernel
    /// without MADV_POPULATE_WRITE (before 5.14) refuses it: the pages then fault in one by
    /// one as before.
    @inline(never)
    private func populate() {
        let end = min(size, (used + Self.populateStep - 1) & ~(Self.populateStep - 1))
        if madvise(writable + populated, end - populated, MADV_POPULATE_WRITE) != 0 {
            populated = size
            return
        }
        populated = end
    }

    /// Before fork: the memory object is shared, and a parent that went on translating and
    /// patching would change the child's code under it. A snapshot taken now, before the fork,
    /// becomes the child's private copy (`adoptInChild`); the parent drops it (`dropSnapshot`).
    func snapshotForFork() -> Int32 {
        guard executable != writable else { return -1 }  // a private RWX mapping is copied by fork
        let fd = Int32(truncatingIfNeeded: "mirage-code".withCString {
            Host.rawSyscall(HOST_SYS_memfd_create, Int(bitPattern: $0), 1 /* MFD_CLOEXEC */)
        })
        guard fd >= 0, ftruncate(fd, off_t(size)) == 0,
              let copy = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), copy != MAP_FAILED else {
            if fd >= 0 { close(fd) }
            return -1
        }
        copy.copyMemory(from: writable, byteCount: used)
        munmap(copy, size)
        return fd
    }

    /// In the child: the snapshot replaces the shared object at the same two addresses, so every
    /// code pointer stays valid and nothing the parent does reaches this process.
    func adoptInChild(_ snapshot: Int32) {
        guard snapshot >= 0 else { return }
        _ = mmap(writable, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, snapshot, 0)
        _ = mmap(executable, size, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED, snapshot, 0)
        close(snapshot)
    }

    func dropSnapshot(_ snapshot: Int32) {
        if snapshot >= 0 { close(snapshot) }
    }

    /// Everything after `mark` (a value of `used`) is free again.
    func reset(to mark: Int) { used = mark }

    /// The writable address of executable address `p`.
    func writableAddress(_ p: UnsafeRawPointer) -> UnsafeMutableRawPointer { writable + (p - UnsafeRawPointer(executable)) }

    /// Whether `p` points into the executable view.
    func contains(_ p: UInt) -> Bool {
        let base = UInt(bitPattern: executable)
        return p >= base && p < base + UInt(size)
    }
}

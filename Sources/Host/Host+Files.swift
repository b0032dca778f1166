// Host file calls the runtime needs for itself: open, read, pread, close, fstat.
//
// These throw `Errno` (typed throws) and retry EINTR, except close: Linux releases the
// descriptor even when close reports EINTR, so retrying could close someone else's fd.

import CHost
import Glibc
import SystemPackage

extension Host {
    /// openat(AT_FDCWD, path, flags, mode). O_CLOEXEC is always added: the runtime's own
    /// descriptors must not leak into programs the guest executes.
    public static func open(_ path: String, flags: Int32, mode: UInt32 = 0) throws(Errno) -> Int32 {
        let result = path.withCString { cPath in
            syscall(
                Int(SYS_openat), Int(AT_FDCWD), Int(bitPattern: UnsafeRawPointer(cPath)),
                Int(flags | O_CLOEXEC), Int(mode)
            )
        }
        return Int32(truncatingIfNeeded: try result.get())
    }

    /// read(2) into `buffer`; returns the byte count (0 at end of file).
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try syscall(Int(SYS_read), Int(fd), Int(bitPattern: buffer.baseAddress), buffer.count).get()
    }

    /// pread64(2) into `buffer` at `offset`; returns the byte count (0 at end of file).
    public static func pread(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, offset: Int64
    ) throws(Errno) -> Int {
        try syscall(
            Int(SYS_pread64), Int(fd), Int(bitPattern: buffer.baseAddress), buffer.count, Int(offset)
        ).get()
    }

    /// Reads until `buffer` is full or the file ends; returns the byte count.
    public static func preadFully(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, offset: Int64
    ) throws(Errno) -> Int {
        var done = 0
        while done < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
            let count = try pread(fd, into: rest, offset: offset + Int64(done))
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// close(2). Not retried on EINTR (the descriptor is gone either way on Linux).
    public static func close(_ fd: Int32) throws(Errno) {
        let result = rawSyscall(Int(SYS_close), Int(fd))
        if result < 0 && Errno(rawValue: Int32(-result)) != .interrupted {
            throw Errno(rawValue: Int32(-result))
        }
    }

    /// fstat(2). On x86-64 the kernel's struct stat and glibc's are the same layout.
    public static func fstat(_ fd: Int32) throws(Errno) -> stat {
        var status = stat()
        let result = withUnsafeMutablePointer(to: &status) { pointer in
            syscall(Int(SYS_fstat), Int(fd), Int(bitPattern: pointer))
        }
        _ = try result.get()
        return status
    }
}

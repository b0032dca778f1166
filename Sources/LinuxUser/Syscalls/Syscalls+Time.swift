// Clocks and sleeping: clock_gettime (32- and 64-bit time), clock_getres, gettimeofday,
// nanosleep, clock_nanosleep, times.

import CHost
import Glibc
import GuestMemory
import Host
import LinuxABI

extension SyscallContext {
    func clockID(_ i: Int) -> Int32? { abi.clockIDs.translate(UInt32(truncatingIfNeeded: arg(i))).map { Int32(bitPattern: $0) } }

    /// clock_gettime / clock_gettime64 / clock_getres*: `kind` is .timespec (32-bit time_t)
    /// or .kernelTimespec (64-bit).
    func clockGet(_ number: Int, _ kind: StructKind) -> SyscallResult {
        guard let clock = clockID(0) else { return fail(EINVAL) }
        var ts = timespec()
        let r = withUnsafeMutablePointer(to: &ts) { Host.rawSyscall(number, Int(clock), Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        if arg(1) == 0 { return 0 }
        guard writeStruct(kind, at: address(1), { _ = $0.write(ts) }) else { return fail(EFAULT) }
        return 0
    }

    func gettimeofday() -> SyscallResult {
        var tv = timeval()
        let r = withUnsafeMutablePointer(to: &tv) { Host.rawSyscall(HOST_SYS_gettimeofday, Int(bitPattern: $0), 0) }
        if r < 0 { return forward(r) }
        if arg(0) != 0 {
            guard writeStruct(.timeval, at: address(0), { _ = $0.write(tv) }) else { return fail(EFAULT) }
        }
        if arg(1) != 0 {
            guard writeStruct(.timezone, at: address(1), { _ in }) else { return fail(EFAULT) }
        }
        return 0
    }

    func readTimespec(_ kind: StructKind, _ i: Int) -> timespec? {
        readStruct(kind, at: address(i)) { $0.readTimespec(wordSize: abi.wordSize) }
    }

    /// nanosleep(req, rem) with the 32-bit timespec.
    func nanosleep() -> SyscallResult {
        guard var request = readTimespec(.timespec, 0) else { return fail(EFAULT) }
        var remaining = timespec()
        let r = withUnsafeMutablePointer(to: &request) { rq in
            withUnsafeMutablePointer(to: &remaining) { rm in
                Host.guestSyscall(HOST_SYS_nanosleep, Int(bitPattern: rq), Int(bitPattern: rm))
            }
        }
        if r == -Int(EINTR) && arg(1) != 0 { _ = writeStruct(.timespec, at: address(1), { _ = $0.write(remaining) }) }
        return forward(r)
    }

    /// clock_nanosleep(clock, flags, req, rem), 32- or 64-bit timespec.
    func clockNanosleep(_ kind: StructKind) -> SyscallResult {
        guard let clock = clockID(0) else { return fail(EINVAL) }
        guard var request = readTimespec(kind, 2) else { return fail(EFAULT) }
        var remaining = timespec()
        let flags = Int(int(1)) & Int(TIMER_ABSTIME)
        let r = withUnsafeMutablePointer(to: &request) { rq in
            withUnsafeMutablePointer(to: &remaining) { rm in
                Host.guestSyscall(HOST_SYS_clock_nanosleep, Int(clock), flags, Int(bitPattern: rq), Int(bitPattern: rm))
            }
        }
        if r == -Int(EINTR) && arg(3) != 0 && flags == 0 { _ = writeStruct(kind, at: address(3), { _ = $0.write(remaining) }) }
        return forward(r)
    }

    func times() -> SyscallResult {
        var t = tms()
        let r = withUnsafeMutablePointer(to: &t) { Host.rawSyscall(HOST_SYS_times, Int(bitPattern: $0)) }
        if r < 0 && r > -4096 { return forward(r) }
        if arg(0) != 0 {
            guard writeStruct(.tms, at: address(0), { $0.write(t) }) else { return fail(EFAULT) }
        }
        // clock_t is a 32-bit long on the guest: the tick count wraps as the kernel's does.
        return SyscallResult(Int32(truncatingIfNeeded: r))
    }
}

extension SyscallContext {
    /// utimensat(dirfd, path, times[2], flags) with 32- or 64-bit timespecs; a NULL path
    /// sets the times of dirfd itself (futimens), and NULL times means now.
    func utimensat(_ kind: StructKind) -> SyscallResult {
        var times = [timespec](repeating: timespec(), count: 2)
        let hasTimes = arg(2) != 0
        if hasTimes {
            guard let size = abi.layouts[kind]?.size else { return fail(ENOSYS) }
            for i in 0..<2 {
                guard let t = readStruct(kind, at: address(2) + UInt64(i * size), { $0.readTimespec(wordSize: abi.wordSize) })
                else { return fail(EFAULT) }
                times[i] = t
            }
        }
        return times.withUnsafeMutableBufferPointer { buffer in
            let timesArg = hasTimes ? Int(bitPattern: buffer.baseAddress) : 0
            if arg(1) == 0 {
                return forward(Host.guestSyscall(HOST_SYS_utimensat, dirfd(0), 0, timesArg, atFlags(3)))
            }
            return withPath(1) { path in
                forward(Host.guestSyscall(HOST_SYS_utimensat, dirfd(0), Int(bitPattern: path), timesArg, atFlags(3)))
            }
        }
    }

    /// getrusage(who, usage) with the guest's 32-bit timevals and longs.
    func getrusage() -> SyscallResult {
        var usage = rusage()
        let r = withUnsafeMutablePointer(to: &usage) { Host.rawSyscall(HOST_SYS_getrusage, Int(int(0)), Int(bitPattern: $0)) }
        if r < 0 { return forward(r) }
        guard writeStruct(.rusage, at: address(1), { $0.write(usage) }) else { return fail(EFAULT) }
        return 0
    }
}

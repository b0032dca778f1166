// Host randomness, time and resource limits for the runtime's own use.

import CHost
import Glibc
import SystemPackage

extension Host {
    /// Fills `buffer` from getrandom(2) (the urandom pool; blocks only before it is seeded).
    public static func getrandom(into buffer: UnsafeMutableRawBufferPointer) throws(Errno) {
        var done = 0
        while done < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
            done += try syscall(Int(SYS_getrandom), Int(bitPattern: rest.baseAddress), rest.count, 0).get()
        }
    }

    /// `count` random bytes from getrandom(2).
    public static func randomBytes(count: Int) throws(Errno) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var failure: Errno?
        bytes.withUnsafeMutableBytes { buffer in
            do throws(Errno) { try getrandom(into: buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }

    /// CLOCK_MONOTONIC in nanoseconds. Goes through glibc's vDSO path (no kernel entry);
    /// CLOCK_MONOTONIC cannot fail on Linux.
    public static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// A resource limit as (soft, hard); nil means unlimited.
    public struct ResourceLimit: Sendable, Equatable {
        public var soft: UInt64?
        public var hard: UInt64?

        public init(soft: UInt64?, hard: UInt64?) {
            self.soft = soft
            self.hard = hard
        }
    }

    /// prlimit64(0, resource, NULL, &old): the current limit `resource` (RLIMIT_AS, ...).
    public static func resourceLimit(_ resource: Int32) -> Result<ResourceLimit, Errno> {
        var limit = rlimit()
        let result = withUnsafeMutablePointer(to: &limit) { pointer in
            syscall(Int(SYS_prlimit64), 0, Int(resource), 0, Int(bitPattern: pointer))
        }
        return result.map { _ in
            // RLIM_INFINITY is all ones.
            func finite(_ value: rlim_t) -> UInt64? { value == rlim_t.max ? nil : UInt64(value) }
            return ResourceLimit(soft: finite(limit.rlim_cur), hard: finite(limit.rlim_max))
        }
    }
}

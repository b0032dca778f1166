// Host timespec/timeval (Glibc, 64-bit fields) <-> a guest's timespec, __kernel_timespec or
// timeval. The writers report a seconds value the guest's field cannot hold (a 32-bit time_t
// after 2038), which the kernel reports as EOVERFLOW.
import Glibc

extension StructWriter {
    @discardableResult
    public func write(_ ts: timespec) -> Bool {
        zero()
        let seconds = set("tv_sec", signed: Int64(ts.tv_sec))
        let nanoseconds = set("tv_nsec", signed: Int64(ts.tv_nsec))
        return seconds && nanoseconds
    }

    @discardableResult
    public func write(_ tv: timeval) -> Bool {
        zero()
        let seconds = set("tv_sec", signed: Int64(tv.tv_sec))
        let microseconds = set("tv_usec", signed: Int64(tv.tv_usec))
        return seconds && microseconds
    }
}

extension StructReader {
    /// A guest timespec or __kernel_timespec. The kernel ignores the upper half of a 64-bit
    /// tv_nsec from a 32-bit task (get_timespec64 truncates it), so this does too when the guest
    /// word is 4 bytes; pass `wordSize` from the GuestABI.
    public func readTimespec(wordSize: Int) -> timespec? {
        guard let seconds = getSigned("tv_sec"), var nanoseconds = getSigned("tv_nsec") else { return nil }
        if wordSize == 4 { nanoseconds = Int64(Int32(truncatingIfNeeded: nanoseconds)) }
        return timespec(tv_sec: Int(seconds), tv_nsec: Int(nanoseconds))
    }

    public func readTimeval() -> timeval? {
        guard let seconds = getSigned("tv_sec"), let microseconds = getSigned("tv_usec") else { return nil }
        return timeval(tv_sec: Int(seconds), tv_usec: Int(microseconds))
    }
}

// clockid_t values (linux/time.h: the same on every arch). Negative ids are the dynamic CPU
// clocks of another process or thread (~pid << 3 | kind, kernel/time/posix-cpu-timers.c) or
// fd-backed clocks; their encoding is arch-independent and they cross unchanged.
import Glibc

extension AsmGeneric {
    static let clockIDs = ConstantTable<Constant>([
        .init("CLOCK_REALTIME", 0, CLOCK_REALTIME),
        .init("CLOCK_MONOTONIC", 1, CLOCK_MONOTONIC),
        .init("CLOCK_PROCESS_CPUTIME_ID", 2, CLOCK_PROCESS_CPUTIME_ID),
        .init("CLOCK_THREAD_CPUTIME_ID", 3, CLOCK_THREAD_CPUTIME_ID),
        .init("CLOCK_MONOTONIC_RAW", 4, CLOCK_MONOTONIC_RAW),
        .init("CLOCK_REALTIME_COARSE", 5, CLOCK_REALTIME_COARSE),
        .init("CLOCK_MONOTONIC_COARSE", 6, CLOCK_MONOTONIC_COARSE),
        .init("CLOCK_BOOTTIME", 7, CLOCK_BOOTTIME),
        .init("CLOCK_REALTIME_ALARM", 8, CLOCK_REALTIME_ALARM),
        .init("CLOCK_BOOTTIME_ALARM", 9, CLOCK_BOOTTIME_ALARM),
        .init("CLOCK_TAI", 11, CLOCK_TAI),
    ])
}

extension GuestABI {
    /// Guest clockid -> host clockid; nil for an unknown non-negative id (the guest gets EINVAL).
    public func translateClockID(_ guest: Int32) -> Int32? {
        if guest < 0 { return guest }
        return clockIDs.translate(UInt32(guest)).map { Int32(bitPattern: $0) }
    }
}

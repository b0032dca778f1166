// Host rlimit, rusage and tms (Glibc) <-> a guest's. A 32-bit guest's struct rlimit holds
// limits in one word: host limits that do not fit become the guest's RLIM_INFINITY, as the
// kernel's compat getrlimit does, and the guest's infinity becomes the host's on the way in.
import Glibc

/// The host's RLIM_INFINITY (~0; Glibc's macro does not import into Swift).
let hostInfinity = rlim_t.max

extension StructWriter {
    /// Fills a guest rlimit or rlimit64. `infinity` is the guest's RLIM_INFINITY for this
    /// layout: `GuestABI.rlimitInfinity` for struct rlimit, ~0 for rlimit64.
    public func write(_ limit: rlimit, infinity: UInt64) {
        zero()
        for (name, value) in [("rlim_cur" as StaticString, UInt64(limit.rlim_cur)), ("rlim_max", UInt64(limit.rlim_max))] {
            let guest = value == UInt64(hostInfinity) || value > infinity ? infinity : value
            set(name, guest)
        }
    }

    /// Fills a guest rusage. Counters past a 32-bit guest's long are truncated as the kernel's
    /// compat put_compat_rusage truncates them.
    public func write(_ usage: rusage) {
        zero()
        set("ru_utime.tv_sec", signed: Int64(usage.ru_utime.tv_sec))
        set("ru_utime.tv_usec", signed: Int64(usage.ru_utime.tv_usec))
        set("ru_stime.tv_sec", signed: Int64(usage.ru_stime.tv_sec))
        set("ru_stime.tv_usec", signed: Int64(usage.ru_stime.tv_usec))
        set("ru_maxrss", signed: Int64(usage.ru_maxrss))
        set("ru_ixrss", signed: Int64(usage.ru_ixrss))
        set("ru_idrss", signed: Int64(usage.ru_idrss))
        set("ru_isrss", signed: Int64(usage.ru_isrss))
        set("ru_minflt", signed: Int64(usage.ru_minflt))
        set("ru_majflt", signed: Int64(usage.ru_majflt))
        set("ru_nswap", signed: Int64(usage.ru_nswap))
        set("ru_inblock", signed: Int64(usage.ru_inblock))
        set("ru_oublock", signed: Int64(usage.ru_oublock))
        set("ru_msgsnd", signed: Int64(usage.ru_msgsnd))
        set("ru_msgrcv", signed: Int64(usage.ru_msgrcv))
        set("ru_nsignals", signed: Int64(usage.ru_nsignals))
        set("ru_nvcsw", signed: Int64(usage.ru_nvcsw))
        set("ru_nivcsw", signed: Int64(usage.ru_nivcsw))
    }

    /// Fills a guest tms (clock ticks; truncated to a 32-bit guest's clock_t like the kernel).
    public func write(_ times: tms) {
        zero()
        set("tms_utime", signed: Int64(times.tms_utime))
        set("tms_stime", signed: Int64(times.tms_stime))
        set("tms_cutime", signed: Int64(times.tms_cutime))
        set("tms_cstime", signed: Int64(times.tms_cstime))
    }
}

extension StructReader {
    /// A guest rlimit or rlimit64 as the host's; the guest's `infinity` becomes RLIM_INFINITY.
    public func readRlimit(infinity: UInt64) -> rlimit? {
        guard let current = get("rlim_cur"), let maximum = get("rlim_max") else { return nil }
        return rlimit(
            rlim_cur: current == infinity ? hostInfinity : rlim_t(current),
            rlim_max: maximum == infinity ? hostInfinity : rlim_t(maximum))
    }
}

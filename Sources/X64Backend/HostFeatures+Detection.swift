// What the host CPU offers the code generator, read from the feature bits glibc collected at
// start-up (no CPUID of our own: each one traps to the hypervisor in a virtual machine).

import CHost

extension HostFeatures {
    /// This host's features; nil when the baseline Mirage needs (SSE4.1, POPCNT) is missing.
    public static var detected: HostFeatures? {
        let bits = chost_libc_cpu_features()
        guard bits & 1 != 0, bits & 2 != 0 else { return nil }
        return HostFeatures(movbe: bits & 4 != 0, lzcnt: bits & 8 != 0, popcnt: true, bmi1: bits & 16 != 0)
    }
}

// The engine reads the host's CPU features from glibc (chost_libc_cpu_features) instead of
// running CPUID itself: the bits must be the ones CPUID reports.

import CHost
import Testing

@Suite("Host features")
struct HostFeatureTests {
    @Test("glibc's feature bits are CPUID's: SSE4.1, POPCNT, MOVBE (leaf 1 ecx), LZCNT (0x80000001 ecx), BMI1 (7 ebx)")
    func libcMatchesCPUID() {
        var r: [UInt32] = [0, 0, 0, 0]
        var expected: UInt32 = 0
        if chost_cpuid(1, 0, &r) != 0 {
            if r[2] & (1 << 19) != 0 { expected |= 1 }
            if r[2] & (1 << 23) != 0 { expected |= 2 }
            if r[2] & (1 << 22) != 0 { expected |= 4 }
        }
        if chost_cpuid(0x8000_0001, 0, &r) != 0, r[2] & (1 << 5) != 0 { expected |= 8 }
        if chost_cpuid(7, 0, &r) != 0, r[1] & (1 << 3) != 0 { expected |= 16 }
        #expect(chost_libc_cpu_features() == expected)
    }
}

// The ARM kuser helper page at 0xffff0000 (the kernel's Documentation/arm/kernel_user_helpers):
// small routines at fixed addresses that old and static ARM code calls for TLS, atomic
// compare-and-swap and barriers. Mirage maps a page of real ARM code there, so the helpers
// are ordinary guest code to the translator: no special cases in the engine.
//
// The instruction words below are our own encodings of the routines described in the
// comments (each checked by GuestARMTests' decoder and by the kuser guest program).

enum KuserHelpers {
    static let pageAddress: UInt64 = 0xffff_0000

    /// (offset in the page, instruction words).
    static let routines: [(UInt32, [UInt32])] = [
        // 0xfe0 __kuser_get_tls: r0 = TPIDRURO.
        (0xfe0, [
            0xee1d_0f70,  // mrc   p15, 0, r0, c13, c0, 3
            0xe12f_ff1e,  // bx    lr
        ]),
        // 0xfc0 __kuser_cmpxchg(r0 = old, r1 = new, r2 = ptr): r0 = 0 and C set when *ptr was
        // old and is now new; r0 != 0 and C clear otherwise. Clobbers r3 and the flags.
        (0xfc0, [
            0xe192_3f9f,  // 1: ldrex   r3, [r2]
            0xe053_3000,  //    subs    r3, r3, r0
            0x0182_3f91,  //    strexeq r3, r1, [r2]
            0x0333_0001,  //    teqeq   r3, #1
            0x0aff_fffa,  //    beq     1b
            0xe273_0000,  //    rsbs    r0, r3, #0
            0xe12f_ff1e,  //    bx      lr
        ]),
        // 0xfa0 __kuser_memory_barrier.
        (0xfa0, [
            0xf57f_f05b,  // dmb   ish
            0xe12f_ff1e,  // bx    lr
        ]),
        // 0xf60 __kuser_cmpxchg64(r0 = &old, r1 = &new, r2 = ptr): as cmpxchg, 64-bit.
        (0xf60, [
            0xe92d_00f0,  //    push     {r4, r5, r6, r7}
            0xe1c0_40d0,  //    ldrd     r4, r5, [r0]
            0xe1c1_60d0,  //    ldrd     r6, r7, [r1]
            0xe1b2_0f9f,  // 1: ldrexd   r0, r1, [r2]
            0xe030_3004,  //    eors     r3, r0, r4
            0x0031_3005,  //    eorseq   r3, r1, r5
            0x01a2_3f96,  //    strexdeq r3, r6, r7, [r2]
            0x0333_0001,  //    teqeq    r3, #1
            0x0aff_fff9,  //    beq      1b
            0xe273_0000,  //    rsbs     r0, r3, #0
            0xe8bd_00f0,  //    pop      {r4, r5, r6, r7}
            0xe12f_ff1e,  //    bx       lr
        ]),
    ]

    /// __kuser_helper_version at 0xffc: 5 helpers' worth (cmpxchg64 needs version 5).
    static let versionOffset: UInt32 = 0xffc
    static let version: UInt32 = 5

    /// The page's 4096 bytes, little-endian words.
    static func page() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 4096)
        func put(_ word: UInt32, at offset: UInt32) {
            for i in 0..<4 { bytes[Int(offset) + i] = UInt8(truncatingIfNeeded: word >> (8 * UInt32(i))) }
        }
        for (offset, words) in routines {
            for (i, w) in words.enumerated() { put(w, at: offset + UInt32(i * 4)) }
        }
        put(version, at: versionOffset)
        // The signal return code (ARMSignalFrame.returnCodes), where a handler without
        // SA_RESTORER returns to, as to the kernel's sigpage.
        for (i, w) in ARMSignalFrame.returnCodes.enumerated() {
            put(w, at: ARMSignalFrame.returnCodeAddress - UInt32(pageAddress) + UInt32(i * 4))
        }
        return bytes
    }
}

// ARM EABI (armhf): asm-generic numbering for errno, signals, mmap, ioctls and rlimits; ARM's
// own open flags, sigaction flags and struct layouts; 64-bit lock commands of a 32-bit arch.

extension GuestABI {
    public static let arm = GuestABI(
        arch: .arm,
        byteOrder: .little,
        wordSize: 4,
        syscallConvention: .armEABI,
        errnos: AsmGeneric.errnos,
        signals: AsmGeneric.signals,
        sigactionFlags: ARMEABI.sigactionFlags,
        sigprocmaskHow: AsmGeneric.sigprocmaskHow,
        sigaltstackFlags: AsmGeneric.sigaltstackFlags,
        openFlags: ARMEABI.openFlags,
        fcntlCommands: ARMEABI.fcntlCommands,
        lockTypes: AsmGeneric.lockTypes,
        atFDCWD: AsmGeneric.atFDCWD,
        atFlags: AsmGeneric.atFlags,
        protFlags: AsmGeneric.protFlags,
        mapFlags: AsmGeneric.mapFlags,
        mremapFlags: AsmGeneric.mremapFlags,
        clockIDs: AsmGeneric.clockIDs,
        ioctls: AsmGeneric.ioctls,
        rlimitResources: AsmGeneric.rlimitResources,
        rlimitInfinity: AsmGeneric.rlimitInfinity32,
        layouts: StructLayouts(merging: .fixedWidth, .common32, .common32Messages, ARMEABI.layouts))
}

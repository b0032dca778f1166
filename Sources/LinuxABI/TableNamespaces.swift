// Where the per-subject tables live before `GuestABI` bundles them per arch.

/// Values the kernel's asm-generic headers define, shared by every arch that does not override
/// them (ARM and AArch64 for most subjects; MIPS and PowerPC for some).
enum AsmGeneric {}

/// Values particular to ARM EABI (arch/arm/include/uapi/asm).
enum ARMEABI {}

/// Values particular to MIPS's o32 ABI (arch/mips/include/uapi/asm), the same for big- and
/// little-endian guests: only `GuestABI.byteOrder` tells `.mips` from `.mipsel`.
enum MIPSO32 {}

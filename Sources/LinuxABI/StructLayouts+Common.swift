// Layouts that do not depend on the arch: structs whose uapi declaration fixes every field's
// width (__u32, __s64, short, int, long long), laid out alike by the host and by every guest
// Mirage knows, all of which align 64-bit integers to 8. Each arch's table takes `fixedWidth`
// whole; a struct moves out of it the day some arch lays it out its own way. Also the two
// layouts shared by more than one arch but not by all: new_utsname (its only ABI fact is
// char's signedness) and asm-generic's termios. LinuxABITests checks every arch's copy.

extension StructLayouts {
    /// The same on the x86-64 host and every guest.
    static let fixedWidth = StructLayouts([
        .statx: StructLayout("statx", size: 256, alignment: 8, [
            Field("stx_mask", 0, 4),
            Field("stx_blksize", 4, 4),
            Field("stx_attributes", 8, 8),
            Field("stx_nlink", 16, 4),
            Field("stx_uid", 20, 4),
            Field("stx_gid", 24, 4),
            Field("stx_mode", 28, 2),
            Field("stx_ino", 32, 8),
            Field("stx_size", 40, 8),
            Field("stx_blocks", 48, 8),
            Field("stx_attributes_mask", 56, 8),
            Field("stx_atime.tv_sec", 64, 8, signed: true),
            Field("stx_atime.tv_nsec", 72, 4),
            Field("stx_btime.tv_sec", 80, 8, signed: true),
            Field("stx_btime.tv_nsec", 88, 4),
            Field("stx_ctime.tv_sec", 96, 8, signed: true),
            Field("stx_ctime.tv_nsec", 104, 4),
            Field("stx_mtime.tv_sec", 112, 8, signed: true),
            Field("stx_mtime.tv_nsec", 120, 4),
            Field("stx_rdev_major", 128, 4),
            Field("stx_rdev_minor", 132, 4),
            Field("stx_dev_major", 136, 4),
            Field("stx_dev_minor", 140, 4),
            Field("stx_mnt_id", 144, 8),
            Field("stx_dio_mem_align", 152, 4),
            Field("stx_dio_offset_align", 156, 4),
        ]),
        .kernelTimespec: StructLayout("__kernel_timespec", size: 16, alignment: 8, [
            Field("tv_sec", 0, 8, signed: true),
            Field("tv_nsec", 8, 8, signed: true),
        ]),
        .timezone: StructLayout("timezone", size: 8, alignment: 4, [
            Field("tz_minuteswest", 0, 4, signed: true),
            Field("tz_dsttime", 4, 4, signed: true),
        ]),
        .rlimit64: StructLayout("rlimit64", size: 16, alignment: 8, [
            Field("rlim_cur", 0, 8),
            Field("rlim_max", 8, 8),
        ]),
        .winsize: StructLayout("winsize", size: 8, alignment: 2, [
            Field("ws_row", 0, 2),
            Field("ws_col", 2, 2),
            Field("ws_xpixel", 4, 2),
            Field("ws_ypixel", 6, 2),
        ]),
        .linuxDirent64: StructLayout("linux_dirent64", size: 24, alignment: 8, [
            Field("d_ino", 0, 8),
            Field("d_off", 8, 8, signed: true),
            Field("d_reclen", 16, 2),
            Field("d_type", 18, 1),
            Field("d_name", 19, 1, count: 0),
        ]),
        .pollfd: StructLayout("pollfd", size: 8, alignment: 4, [
            Field("fd", 0, 4, signed: true),
            Field("events", 4, 2, signed: true),
            Field("revents", 6, 2, signed: true),
        ]),
        .flock64: StructLayout("flock64", size: 32, alignment: 8, [
            Field("l_type", 0, 2, signed: true),
            Field("l_whence", 2, 2, signed: true),
            Field("l_start", 8, 8, signed: true),
            Field("l_len", 16, 8, signed: true),
            Field("l_pid", 24, 4, signed: true),
        ]),
        .fOwnerEx: StructLayout("f_owner_ex", size: 8, alignment: 4, [
            Field("type", 0, 4, signed: true),
            Field("pid", 4, 4, signed: true),
        ]),
    ])
}

extension StructLayout {
    /// new_utsname: six 65-byte strings on every arch; `signedChars` is whether the ABI's
    /// plain char is signed (x86-64 and MIPS yes, ARM no).
    static func newUtsname(signedChars: Bool) -> StructLayout {
        StructLayout("new_utsname", size: 390, alignment: 1, [
            Field("sysname", 0, 1, count: 65, signed: signedChars),
            Field("nodename", 65, 1, count: 65, signed: signedChars),
            Field("release", 130, 1, count: 65, signed: signedChars),
            Field("version", 195, 1, count: 65, signed: signedChars),
            Field("machine", 260, 1, count: 65, signed: signedChars),
            Field("domainname", 325, 1, count: 65, signed: signedChars),
        ])
    }
}

extension AsmGeneric {
    /// The kernel's termios of asm-generic/termbits.h (19 c_cc slots), which ARM and x86-64
    /// use; MIPS and PowerPC declare their own.
    static let termiosLayout = StructLayout("termios", size: 36, alignment: 4, [
        Field("c_iflag", 0, 4),
        Field("c_oflag", 4, 4),
        Field("c_cflag", 8, 4),
        Field("c_lflag", 12, 4),
        Field("c_line", 16, 1),
        Field("c_cc", 17, 1, count: 19),
    ])
}

// Layouts of the socket message structs and of signalfd's record that every 32-bit guest
// shares: 32-bit size_t and pointers in the msghdr family. signalfd_siginfo's fields are all
// fixed width, so the host's record is the same; only guests list it (layouts_net.c is built
// for the guests, not the host). Facts from arm-linux-gnueabihf-gcc and mips(el)-linux-gnu-gcc
// over the kernel's definitions (Tests/LinuxABITests/Layouts/layouts_net.c prints them;
// LinuxABITests compares).

extension StructLayouts {
    static let common32Messages = StructLayouts([
        .msghdr: StructLayout("user_msghdr", size: 28, alignment: 4, [
            Field("msg_name", 0, 4),
            Field("msg_namelen", 4, 4, signed: true),
            Field("msg_iov", 8, 4),
            Field("msg_iovlen", 12, 4),
            Field("msg_control", 16, 4),
            Field("msg_controllen", 20, 4),
            Field("msg_flags", 24, 4),
        ]),
        .mmsghdr: StructLayout("mmsghdr", size: 32, alignment: 4, [
            Field("msg_hdr.msg_name", 0, 4),
            Field("msg_hdr.msg_namelen", 4, 4, signed: true),
            Field("msg_hdr.msg_iov", 8, 4),
            Field("msg_hdr.msg_iovlen", 12, 4),
            Field("msg_hdr.msg_control", 16, 4),
            Field("msg_hdr.msg_controllen", 20, 4),
            Field("msg_hdr.msg_flags", 24, 4),
            Field("msg_len", 28, 4),
        ]),
        .cmsghdr: StructLayout("cmsghdr", size: 12, alignment: 4, [
            Field("cmsg_len", 0, 4),
            Field("cmsg_level", 4, 4, signed: true),
            Field("cmsg_type", 8, 4, signed: true),
        ]),
        .signalfdSiginfo: StructLayout("signalfd_siginfo", size: 128, alignment: 8, [
            Field("ssi_signo", 0, 4),
            Field("ssi_errno", 4, 4, signed: true),
            Field("ssi_code", 8, 4, signed: true),
            Field("ssi_pid", 12, 4),
            Field("ssi_uid", 16, 4),
            Field("ssi_fd", 20, 4, signed: true),
            Field("ssi_tid", 24, 4),
            Field("ssi_band", 28, 4),
            Field("ssi_overrun", 32, 4),
            Field("ssi_trapno", 36, 4),
            Field("ssi_status", 40, 4, signed: true),
            Field("ssi_int", 44, 4, signed: true),
            Field("ssi_ptr", 48, 8),
            Field("ssi_utime", 56, 8),
            Field("ssi_stime", 64, 8),
            Field("ssi_addr", 72, 8),
            Field("ssi_addr_lsb", 80, 2),
            Field("__pad2", 82, 2),
            Field("ssi_syscall", 84, 4, signed: true),
            Field("ssi_call_addr", 88, 8),
            Field("ssi_arch", 96, 4),
            Field("__pad", 100, 1, count: 28),
        ]),
    ])
}

// errno numbers. ARM, AArch64 and the host (x86-64) all use asm-generic/errno-base.h and
// asm-generic/errno.h; MIPS and PowerPC renumber parts of errno.h's range (35 and up) and get
// their own tables, which begin with the shared errno-base.h rows (1-34).
// Aliases (EWOULDBLOCK = EAGAIN, EDEADLOCK = EDEADLK on these arches) are not rows: one row per
// number keeps both directions unambiguous. The kernel-internal numbers 512 and up
// (ERESTARTSYS, ...) never reach user space.
import Glibc

extension AsmGeneric {
    /// errno as asm-generic numbers it: the guest column is the kernel's number, the host
    /// column Glibc's macro.
    static let errnos = ConstantTable<Constant>(errnoBase + errnosAbove34)

    /// errno 1-34 (asm-generic/errno-base.h). Every arch's errno.h includes errno-base.h, MIPS's
    /// and PowerPC's too, so these rows begin every guest's table.
    static let errnoBase: [Constant] = [
        .init("EPERM", 1, EPERM),
        .init("ENOENT", 2, ENOENT),
        .init("ESRCH", 3, ESRCH),
        .init("EINTR", 4, EINTR),
        .init("EIO", 5, EIO),
        .init("ENXIO", 6, ENXIO),
        .init("E2BIG", 7, E2BIG),
        .init("ENOEXEC", 8, ENOEXEC),
        .init("EBADF", 9, EBADF),
        .init("ECHILD", 10, ECHILD),
        .init("EAGAIN", 11, EAGAIN),
        .init("ENOMEM", 12, ENOMEM),
        .init("EACCES", 13, EACCES),
        .init("EFAULT", 14, EFAULT),
        .init("ENOTBLK", 15, ENOTBLK),
        .init("EBUSY", 16, EBUSY),
        .init("EEXIST", 17, EEXIST),
        .init("EXDEV", 18, EXDEV),
        .init("ENODEV", 19, ENODEV),
        .init("ENOTDIR", 20, ENOTDIR),
        .init("EISDIR", 21, EISDIR),
        .init("EINVAL", 22, EINVAL),
        .init("ENFILE", 23, ENFILE),
        .init("EMFILE", 24, EMFILE),
        .init("ENOTTY", 25, ENOTTY),
        .init("ETXTBSY", 26, ETXTBSY),
        .init("EFBIG", 27, EFBIG),
        .init("ENOSPC", 28, ENOSPC),
        .init("ESPIPE", 29, ESPIPE),
        .init("EROFS", 30, EROFS),
        .init("EMLINK", 31, EMLINK),
        .init("EPIPE", 32, EPIPE),
        .init("EDOM", 33, EDOM),
        .init("ERANGE", 34, ERANGE),
    ]

    /// asm-generic/errno.h's own numbers.
    private static let errnosAbove34: [Constant] = [
        .init("EDEADLK", 35, EDEADLK),
        .init("ENAMETOOLONG", 36, ENAMETOOLONG),
        .init("ENOLCK", 37, ENOLCK),
        .init("ENOSYS", 38, ENOSYS),
        .init("ENOTEMPTY", 39, ENOTEMPTY),
        .init("ELOOP", 40, ELOOP),
        .init("ENOMSG", 42, ENOMSG),
        .init("EIDRM", 43, EIDRM),
        .init("ECHRNG", 44, ECHRNG),
        .init("EL2NSYNC", 45, EL2NSYNC),
        .init("EL3HLT", 46, EL3HLT),
        .init("EL3RST", 47, EL3RST),
        .init("ELNRNG", 48, ELNRNG),
        .init("EUNATCH", 49, EUNATCH),
        .init("ENOCSI", 50, ENOCSI),
        .init("EL2HLT", 51, EL2HLT),
        .init("EBADE", 52, EBADE),
        .init("EBADR", 53, EBADR),
        .init("EXFULL", 54, EXFULL),
        .init("ENOANO", 55, ENOANO),
        .init("EBADRQC", 56, EBADRQC),
        .init("EBADSLT", 57, EBADSLT),
        .init("EBFONT", 59, EBFONT),
        .init("ENOSTR", 60, ENOSTR),
        .init("ENODATA", 61, ENODATA),
        .init("ETIME", 62, ETIME),
        .init("ENOSR", 63, ENOSR),
        .init("ENONET", 64, ENONET),
        .init("ENOPKG", 65, ENOPKG),
        .init("EREMOTE", 66, EREMOTE),
        .init("ENOLINK", 67, ENOLINK),
        .init("EADV", 68, EADV),
        .init("ESRMNT", 69, ESRMNT),
        .init("ECOMM", 70, ECOMM),
        .init("EPROTO", 71, EPROTO),
        .init("EMULTIHOP", 72, EMULTIHOP),
        .init("EDOTDOT", 73, EDOTDOT),
        .init("EBADMSG", 74, EBADMSG),
        .init("EOVERFLOW", 75, EOVERFLOW),
        .init("ENOTUNIQ", 76, ENOTUNIQ),
        .init("EBADFD", 77, EBADFD),
        .init("EREMCHG", 78, EREMCHG),
        .init("ELIBACC", 79, ELIBACC),
        .init("ELIBBAD", 80, ELIBBAD),
        .init("ELIBSCN", 81, ELIBSCN),
        .init("ELIBMAX", 82, ELIBMAX),
        .init("ELIBEXEC", 83, ELIBEXEC),
        .init("EILSEQ", 84, EILSEQ),
        .init("ERESTART", 85, ERESTART),
        .init("ESTRPIPE", 86, ESTRPIPE),
        .init("EUSERS", 87, EUSERS),
        .init("ENOTSOCK", 88, ENOTSOCK),
        .init("EDESTADDRREQ", 89, EDESTADDRREQ),
        .init("EMSGSIZE", 90, EMSGSIZE),
        .init("EPROTOTYPE", 91, EPROTOTYPE),
        .init("ENOPROTOOPT", 92, ENOPROTOOPT),
        .init("EPROTONOSUPPORT", 93, EPROTONOSUPPORT),
        .init("ESOCKTNOSUPPORT", 94, ESOCKTNOSUPPORT),
        .init("EOPNOTSUPP", 95, EOPNOTSUPP),
        .init("EPFNOSUPPORT", 96, EPFNOSUPPORT),
        .init("EAFNOSUPPORT", 97, EAFNOSUPPORT),
        .init("EADDRINUSE", 98, EADDRINUSE),
        .init("EADDRNOTAVAIL", 99, EADDRNOTAVAIL),
        .init("ENETDOWN", 100, ENETDOWN),
        .init("ENETUNREACH", 101, ENETUNREACH),
        .init("ENETRESET", 102, ENETRESET),
        .init("ECONNABORTED", 103, ECONNABORTED),
        .init("ECONNRESET", 104, ECONNRESET),
        .init("ENOBUFS", 105, ENOBUFS),
        .init("EISCONN", 106, EISCONN),
        .init("ENOTCONN", 107, ENOTCONN),
        .init("ESHUTDOWN", 108, ESHUTDOWN),
        .init("ETOOMANYREFS", 109, ETOOMANYREFS),
        .init("ETIMEDOUT", 110, ETIMEDOUT),
        .init("ECONNREFUSED", 111, ECONNREFUSED),
        .init("EHOSTDOWN", 112, EHOSTDOWN),
        .init("EHOSTUNREACH", 113, EHOSTUNREACH),
        .init("EALREADY", 114, EALREADY),
        .init("EINPROGRESS", 115, EINPROGRESS),
        .init("ESTALE", 116, ESTALE),
        .init("EUCLEAN", 117, EUCLEAN),
        .init("ENOTNAM", 118, ENOTNAM),
        .init("ENAVAIL", 119, ENAVAIL),
        .init("EISNAM", 120, EISNAM),
        .init("EREMOTEIO", 121, EREMOTEIO),
        .init("EDQUOT", 122, EDQUOT),
        .init("ENOMEDIUM", 123, ENOMEDIUM),
        .init("EMEDIUMTYPE", 124, EMEDIUMTYPE),
        .init("ECANCELED", 125, ECANCELED),
        .init("ENOKEY", 126, ENOKEY),
        .init("EKEYEXPIRED", 127, EKEYEXPIRED),
        .init("EKEYREVOKED", 128, EKEYREVOKED),
        .init("EKEYREJECTED", 129, EKEYREJECTED),
        .init("EOWNERDEAD", 130, EOWNERDEAD),
        .init("ENOTRECOVERABLE", 131, ENOTRECOVERABLE),
        .init("ERFKILL", 132, ERFKILL),
        .init("EHWPOISON", 133, EHWPOISON),
    ]
}

extension GuestABI {
    /// The errno a guest sees for a host errno. A host errno with no guest equivalent becomes
    /// EINVAL (22 on every Linux arch) rather than a number that means something else to the guest.
    public func untranslateErrno(_ host: Int32) -> Int32 {
        guard let guest = errnos.untranslate(UInt32(bitPattern: host)) else { return 22 }
        return Int32(bitPattern: guest)
    }

    /// The host errno for a guest errno (for calls that pass an errno in, like rt_sigqueueinfo).
    public func translateErrno(_ guest: Int32) -> Int32? {
        errnos.translate(UInt32(bitPattern: guest)).map { Int32(bitPattern: $0) }
    }
}

/* Prints the size, alignment and field offsets of every struct LinuxABI declares for a guest,
 * as the guest's own compiler lays them out. LinuxABITests compiles this with each cross
 * compiler, runs it under qemu-user and compares every number with the Swift tables.
 *
 * Output, one fact per line:
 *   NAME SIZE ALIGN
 *   NAME.FIELD OFFSET SIZE ELEMENT_SIZE SIGNED     (SIZE = ELEMENT_SIZE * count for arrays)
 *
 * The same file is built natively for the x86-64 host, whose kernel structs LinuxABI also
 * describes (StructLayouts.host); #if blocks pick the structs each kind of arch has, and the
 * fields where MIPS o32 lays a struct out its own way (stat64, statfs64, sigaction).
 *
 * Only kernel uapi headers are included (never glibc's <sys/stat.h>, <signal.h>, <termios.h>,
 * whose structs are glibc's own and differ from what the syscalls read and write). Where the
 * uapi has no declaration, the struct is declared here from the kernel's definition, named in
 * a comment; the compiler then supplies the guest ABI's padding and alignment.
 */
#include <stddef.h>
#include <stdio.h>

#include <asm/fcntl.h>       /* struct flock, flock64, f_owner_ex (asm-generic/fcntl.h) */
#include <asm/poll.h>        /* struct pollfd */
#include <asm/signal.h>      /* the old struct sigaction (sys_sigaction), stack_t */
#include <asm/stat.h>        /* struct stat64 */
#include <asm/statfs.h>      /* struct statfs64 (ARM: packed, aligned(4)); MIPS: statfs too */
#include <asm/termios.h>     /* struct termios (the kernel's: NCCS 19, MIPS 23), winsize, termio */
#include <linux/eventpoll.h> /* struct epoll_event */
#include <linux/resource.h>  /* struct rlimit, rlimit64, rusage */
#include <linux/signal.h>    /* siginfo_t (asm-generic/siginfo.h; MIPS swaps si_code and si_errno) */
#include <linux/stat.h>      /* struct statx */
#include <linux/sysinfo.h>   /* struct sysinfo */
#include <linux/time.h>      /* struct timezone */
#include <linux/time_types.h>/* __kernel_timespec, __kernel_old_timespec, __kernel_old_timeval */
#include <linux/times.h>     /* struct tms */
#include <linux/uio.h>       /* struct iovec */
#include <linux/utsname.h>   /* struct new_utsname (uname(2)) */
#if defined(__mips__)
#include <asm/sigcontext.h>  /* o32 struct sigcontext: 64-bit register slots */
#include <asm/ucontext.h>    /* struct ucontext (uc_mcontext is a sigcontext) */
#endif

/* Kernel include/linux/dirent.h (not in the uapi). */
struct linux_dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/* Kernel sigset_t: _NSIG / _NSIG_BPW words of unsigned long. ARM: _NSIG 64, _NSIG_BPW 32
 * (arch/arm/include/asm/signal.h); x86-64: _NSIG 64, _NSIG_BPW 64; MIPS: _NSIG 128, _NSIG_BPW 32
 * (its uapi sigset_t is this one). ARM's uapi sigset_t is the old one-word set. */
#if defined(__mips__)
#define GUEST_NSIG 128
#else
#define GUEST_NSIG 64
#endif
#define GUEST_NSIG_BPW (8 * sizeof(unsigned long))
struct kernel_sigset {
    unsigned long sig[GUEST_NSIG / GUEST_NSIG_BPW];
};

/* What rt_sigaction reads and writes: include/linux/signal_types.h's struct sigaction with
 * __ARCH_HAS_SA_RESTORER (ARM has it), or with __ARCH_HAS_IRIX_SIGACTION (MIPS: an unsigned
 * int sa_flags first, and no restorer). glibc declares the same thing privately as
 * struct kernel_sigaction. */
struct kernel_sigaction {
#if defined(__mips__)
    unsigned int sa_flags;
    void (*k_sa_handler)(int);
#else
    void (*k_sa_handler)(int); /* sa_handler is a macro of <asm/signal.h>; printed as sa_handler */
    unsigned long sa_flags;
    void (*sa_restorer)(void);
#endif
    struct kernel_sigset sa_mask;
};

#if defined(__mips__)
/* The signal frames of arch/mips/kernel/signal.c (not in the uapi): o32's four argument save
 * words, two words where the return code used to be, then a sigcontext and the blocked mask
 * (sigframe) or a siginfo and a ucontext (rt_sigframe). */
struct sigframe {
    unsigned int sf_ass[4];
    unsigned int sf_pad[2];
    struct sigcontext sf_sc;
    struct kernel_sigset sf_mask;
    unsigned long long sf_extcontext[];
};
struct rt_sigframe {
    unsigned int rs_ass[4];
    unsigned int rs_pad[2];
    siginfo_t rs_info;
    struct ucontext rs_uc;
};
#endif

#define STRUCT(name, type) \
    printf("%s %zu %zu\n", name, sizeof(type), _Alignof(type))
#define SIGNED_OF(x) ((__typeof__(x))-1 < (__typeof__(x))0)
/* An integer field, or an array of integers. */
#define FIELD(name, type, field) \
    printf("%s.%s %zu %zu %zu %d\n", name, #field, offsetof(type, field), \
           sizeof(((type *)0)->field), sizeof(((type *)0)->field), SIGNED_OF(((type *)0)->field))
#define ARRAY(name, type, field) \
    printf("%s.%s %zu %zu %zu %d\n", name, #field, offsetof(type, field), \
           sizeof(((type *)0)->field), sizeof(((type *)0)->field[0]), SIGNED_OF(((type *)0)->field[0]))
/* A pointer field: an unsigned guest address. */
#define POINTER_AS(name, type, field, label) \
    printf("%s.%s %zu %zu %zu 0\n", name, label, offsetof(type, field), \
           sizeof(((type *)0)->field), sizeof(((type *)0)->field))
#define POINTER(name, type, field) POINTER_AS(name, type, field, #field)
/* A nested struct, as the bytes it covers. */
#define BLOB(name, type, field) \
    printf("%s.%s %zu %zu 1 0\n", name, #field, offsetof(type, field), sizeof(((type *)0)->field))

int main(void) {
#if defined(__x86_64__)
    STRUCT("stat", struct stat);
    FIELD("stat", struct stat, st_dev);
    FIELD("stat", struct stat, st_ino);
    FIELD("stat", struct stat, st_nlink);
    FIELD("stat", struct stat, st_mode);
    FIELD("stat", struct stat, st_uid);
    FIELD("stat", struct stat, st_gid);
    FIELD("stat", struct stat, st_rdev);
    FIELD("stat", struct stat, st_size);
    FIELD("stat", struct stat, st_blksize);
    FIELD("stat", struct stat, st_blocks);
    FIELD("stat", struct stat, st_atime);
    FIELD("stat", struct stat, st_atime_nsec);
    FIELD("stat", struct stat, st_mtime);
    FIELD("stat", struct stat, st_mtime_nsec);
    FIELD("stat", struct stat, st_ctime);
    FIELD("stat", struct stat, st_ctime_nsec);
#elif defined(__mips__)
    STRUCT("stat64", struct stat64);
    FIELD("stat64", struct stat64, st_dev);
    ARRAY("stat64", struct stat64, st_pad0);
    FIELD("stat64", struct stat64, st_ino);
    FIELD("stat64", struct stat64, st_mode);
    FIELD("stat64", struct stat64, st_nlink);
    FIELD("stat64", struct stat64, st_uid);
    FIELD("stat64", struct stat64, st_gid);
    FIELD("stat64", struct stat64, st_rdev);
    ARRAY("stat64", struct stat64, st_pad1);
    FIELD("stat64", struct stat64, st_size);
    FIELD("stat64", struct stat64, st_atime);
    FIELD("stat64", struct stat64, st_atime_nsec);
    FIELD("stat64", struct stat64, st_mtime);
    FIELD("stat64", struct stat64, st_mtime_nsec);
    FIELD("stat64", struct stat64, st_ctime);
    FIELD("stat64", struct stat64, st_ctime_nsec);
    FIELD("stat64", struct stat64, st_blksize);
    FIELD("stat64", struct stat64, st_pad2);
    FIELD("stat64", struct stat64, st_blocks);
#else
    STRUCT("stat64", struct stat64);
    FIELD("stat64", struct stat64, st_dev);
    ARRAY("stat64", struct stat64, __pad0);
    FIELD("stat64", struct stat64, __st_ino);
    FIELD("stat64", struct stat64, st_mode);
    FIELD("stat64", struct stat64, st_nlink);
    FIELD("stat64", struct stat64, st_uid);
    FIELD("stat64", struct stat64, st_gid);
    FIELD("stat64", struct stat64, st_rdev);
    ARRAY("stat64", struct stat64, __pad3);
    FIELD("stat64", struct stat64, st_size);
    FIELD("stat64", struct stat64, st_blksize);
    FIELD("stat64", struct stat64, st_blocks);
    FIELD("stat64", struct stat64, st_atime);
    FIELD("stat64", struct stat64, st_atime_nsec);
    FIELD("stat64", struct stat64, st_mtime);
    FIELD("stat64", struct stat64, st_mtime_nsec);
    FIELD("stat64", struct stat64, st_ctime);
    FIELD("stat64", struct stat64, st_ctime_nsec);
    FIELD("stat64", struct stat64, st_ino);
#endif

    STRUCT("statx", struct statx);
    FIELD("statx", struct statx, stx_mask);
    FIELD("statx", struct statx, stx_blksize);
    FIELD("statx", struct statx, stx_attributes);
    FIELD("statx", struct statx, stx_nlink);
    FIELD("statx", struct statx, stx_uid);
    FIELD("statx", struct statx, stx_gid);
    FIELD("statx", struct statx, stx_mode);
    FIELD("statx", struct statx, stx_ino);
    FIELD("statx", struct statx, stx_size);
    FIELD("statx", struct statx, stx_blocks);
    FIELD("statx", struct statx, stx_attributes_mask);
    FIELD("statx", struct statx, stx_atime.tv_sec);
    FIELD("statx", struct statx, stx_atime.tv_nsec);
    FIELD("statx", struct statx, stx_btime.tv_sec);
    FIELD("statx", struct statx, stx_btime.tv_nsec);
    FIELD("statx", struct statx, stx_ctime.tv_sec);
    FIELD("statx", struct statx, stx_ctime.tv_nsec);
    FIELD("statx", struct statx, stx_mtime.tv_sec);
    FIELD("statx", struct statx, stx_mtime.tv_nsec);
    FIELD("statx", struct statx, stx_rdev_major);
    FIELD("statx", struct statx, stx_rdev_minor);
    FIELD("statx", struct statx, stx_dev_major);
    FIELD("statx", struct statx, stx_dev_minor);
    FIELD("statx", struct statx, stx_mnt_id);
    FIELD("statx", struct statx, stx_dio_mem_align);
    FIELD("statx", struct statx, stx_dio_offset_align);

    STRUCT("timespec", struct __kernel_old_timespec);
    FIELD("timespec", struct __kernel_old_timespec, tv_sec);
    FIELD("timespec", struct __kernel_old_timespec, tv_nsec);

    STRUCT("__kernel_timespec", struct __kernel_timespec);
    FIELD("__kernel_timespec", struct __kernel_timespec, tv_sec);
    FIELD("__kernel_timespec", struct __kernel_timespec, tv_nsec);

    STRUCT("timeval", struct __kernel_old_timeval);
    FIELD("timeval", struct __kernel_old_timeval, tv_sec);
    FIELD("timeval", struct __kernel_old_timeval, tv_usec);

    STRUCT("timezone", struct timezone);
    FIELD("timezone", struct timezone, tz_minuteswest);
    FIELD("timezone", struct timezone, tz_dsttime);

    STRUCT("iovec", struct iovec);
    POINTER("iovec", struct iovec, iov_base);
    FIELD("iovec", struct iovec, iov_len);

    STRUCT("new_utsname", struct new_utsname);
    ARRAY("new_utsname", struct new_utsname, sysname);
    ARRAY("new_utsname", struct new_utsname, nodename);
    ARRAY("new_utsname", struct new_utsname, release);
    ARRAY("new_utsname", struct new_utsname, version);
    ARRAY("new_utsname", struct new_utsname, machine);
    ARRAY("new_utsname", struct new_utsname, domainname);

    STRUCT("rlimit", struct rlimit);
    FIELD("rlimit", struct rlimit, rlim_cur);
    FIELD("rlimit", struct rlimit, rlim_max);

    STRUCT("rlimit64", struct rlimit64);
    FIELD("rlimit64", struct rlimit64, rlim_cur);
    FIELD("rlimit64", struct rlimit64, rlim_max);

    STRUCT("termios", struct termios);
    FIELD("termios", struct termios, c_iflag);
    FIELD("termios", struct termios, c_oflag);
    FIELD("termios", struct termios, c_cflag);
    FIELD("termios", struct termios, c_lflag);
    FIELD("termios", struct termios, c_line);
    ARRAY("termios", struct termios, c_cc);

#if defined(__mips__) || defined(__x86_64__)
    STRUCT("termio", struct termio);
    FIELD("termio", struct termio, c_iflag);
    FIELD("termio", struct termio, c_oflag);
    FIELD("termio", struct termio, c_cflag);
    FIELD("termio", struct termio, c_lflag);
    FIELD("termio", struct termio, c_line);
    ARRAY("termio", struct termio, c_cc);
#endif

    STRUCT("winsize", struct winsize);
    FIELD("winsize", struct winsize, ws_row);
    FIELD("winsize", struct winsize, ws_col);
    FIELD("winsize", struct winsize, ws_xpixel);
    FIELD("winsize", struct winsize, ws_ypixel);

    STRUCT("linux_dirent64", struct linux_dirent64);
    FIELD("linux_dirent64", struct linux_dirent64, d_ino);
    FIELD("linux_dirent64", struct linux_dirent64, d_off);
    FIELD("linux_dirent64", struct linux_dirent64, d_reclen);
    FIELD("linux_dirent64", struct linux_dirent64, d_type);
    printf("linux_dirent64.d_name %zu 0 1 0\n", offsetof(struct linux_dirent64, d_name));

    STRUCT("sigaction", struct kernel_sigaction);
    POINTER_AS("sigaction", struct kernel_sigaction, k_sa_handler, "sa_handler");
    FIELD("sigaction", struct kernel_sigaction, sa_flags);
#if !defined(__mips__)
    POINTER("sigaction", struct kernel_sigaction, sa_restorer);
#endif
    ARRAY("sigaction", struct kernel_sigaction, sa_mask.sig);

#if defined(__arm__)
    STRUCT("old_sigaction", struct sigaction);
    POINTER("old_sigaction", struct sigaction, sa_handler);
    FIELD("old_sigaction", struct sigaction, sa_mask);
    FIELD("old_sigaction", struct sigaction, sa_flags);
    POINTER("old_sigaction", struct sigaction, sa_restorer);
#elif defined(__mips__)
    /* MIPS's sys_sigaction reads the same record as rt_sigaction, using only sa_mask.sig[0]. */
    STRUCT("old_sigaction", struct sigaction);
    FIELD("old_sigaction", struct sigaction, sa_flags);
    POINTER("old_sigaction", struct sigaction, sa_handler);
    ARRAY("old_sigaction", struct sigaction, sa_mask.sig);
#endif

#if !defined(__x86_64__)
    /* The union is printed as the words from its start to the end of the 128-byte record. */
    STRUCT("siginfo_t", siginfo_t);
    FIELD("siginfo_t", siginfo_t, si_signo);
    FIELD("siginfo_t", siginfo_t, si_errno);
    FIELD("siginfo_t", siginfo_t, si_code);
    printf("siginfo_t._sifields %zu %zu 4 0\n", offsetof(siginfo_t, _sifields),
           sizeof(siginfo_t) - offsetof(siginfo_t, _sifields));
#endif

    STRUCT("sigset_t", struct kernel_sigset);
    ARRAY("sigset_t", struct kernel_sigset, sig);

    STRUCT("stack_t", stack_t);
    POINTER("stack_t", stack_t, ss_sp);
    FIELD("stack_t", stack_t, ss_flags);
    FIELD("stack_t", stack_t, ss_size);

#if defined(__mips__)
    STRUCT("sigcontext", struct sigcontext);
    FIELD("sigcontext", struct sigcontext, sc_regmask);
    FIELD("sigcontext", struct sigcontext, sc_status);
    FIELD("sigcontext", struct sigcontext, sc_pc);
    ARRAY("sigcontext", struct sigcontext, sc_regs);
    ARRAY("sigcontext", struct sigcontext, sc_fpregs);
    FIELD("sigcontext", struct sigcontext, sc_acx);
    FIELD("sigcontext", struct sigcontext, sc_fpc_csr);
    FIELD("sigcontext", struct sigcontext, sc_fpc_eir);
    FIELD("sigcontext", struct sigcontext, sc_used_math);
    FIELD("sigcontext", struct sigcontext, sc_dsp);
    FIELD("sigcontext", struct sigcontext, sc_mdhi);
    FIELD("sigcontext", struct sigcontext, sc_mdlo);
    FIELD("sigcontext", struct sigcontext, sc_hi1);
    FIELD("sigcontext", struct sigcontext, sc_lo1);
    FIELD("sigcontext", struct sigcontext, sc_hi2);
    FIELD("sigcontext", struct sigcontext, sc_lo2);
    FIELD("sigcontext", struct sigcontext, sc_hi3);
    FIELD("sigcontext", struct sigcontext, sc_lo3);

    STRUCT("ucontext", struct ucontext);
    FIELD("ucontext", struct ucontext, uc_flags);
    POINTER("ucontext", struct ucontext, uc_link);
    POINTER("ucontext", struct ucontext, uc_stack.ss_sp);
    FIELD("ucontext", struct ucontext, uc_stack.ss_size);
    FIELD("ucontext", struct ucontext, uc_stack.ss_flags);
    BLOB("ucontext", struct ucontext, uc_mcontext);
    ARRAY("ucontext", struct ucontext, uc_sigmask.sig);

    STRUCT("sigframe", struct sigframe);
    ARRAY("sigframe", struct sigframe, sf_ass);
    ARRAY("sigframe", struct sigframe, sf_pad);
    BLOB("sigframe", struct sigframe, sf_sc);
    ARRAY("sigframe", struct sigframe, sf_mask.sig);

    STRUCT("rt_sigframe", struct rt_sigframe);
    ARRAY("rt_sigframe", struct rt_sigframe, rs_ass);
    ARRAY("rt_sigframe", struct rt_sigframe, rs_pad);
    BLOB("rt_sigframe", struct rt_sigframe, rs_info);
    BLOB("rt_sigframe", struct rt_sigframe, rs_uc);
#endif

    STRUCT("sysinfo", struct sysinfo);
    FIELD("sysinfo", struct sysinfo, uptime);
    ARRAY("sysinfo", struct sysinfo, loads);
    FIELD("sysinfo", struct sysinfo, totalram);
    FIELD("sysinfo", struct sysinfo, freeram);
    FIELD("sysinfo", struct sysinfo, sharedram);
    FIELD("sysinfo", struct sysinfo, bufferram);
    FIELD("sysinfo", struct sysinfo, totalswap);
    FIELD("sysinfo", struct sysinfo, freeswap);
    FIELD("sysinfo", struct sysinfo, procs);
    FIELD("sysinfo", struct sysinfo, totalhigh);
    FIELD("sysinfo", struct sysinfo, freehigh);
    FIELD("sysinfo", struct sysinfo, mem_unit);

    STRUCT("tms", struct tms);
    FIELD("tms", struct tms, tms_utime);
    FIELD("tms", struct tms, tms_stime);
    FIELD("tms", struct tms, tms_cutime);
    FIELD("tms", struct tms, tms_cstime);

    STRUCT("pollfd", struct pollfd);
    FIELD("pollfd", struct pollfd, fd);
    FIELD("pollfd", struct pollfd, events);
    FIELD("pollfd", struct pollfd, revents);

    STRUCT("epoll_event", struct epoll_event);
    FIELD("epoll_event", struct epoll_event, events);
    FIELD("epoll_event", struct epoll_event, data);

#if defined(__x86_64__) || defined(__mips__)
    /* statfs(2)'s record: the host's (64-bit fields) and MIPS's (32-bit, f_frsize third,
     * f_bavail after f_ffree). ARM's C library calls statfs64 only. */
    STRUCT("statfs", struct statfs);
    FIELD("statfs", struct statfs, f_type);
    FIELD("statfs", struct statfs, f_bsize);
    FIELD("statfs", struct statfs, f_blocks);
    FIELD("statfs", struct statfs, f_bfree);
    FIELD("statfs", struct statfs, f_bavail);
    FIELD("statfs", struct statfs, f_files);
    FIELD("statfs", struct statfs, f_ffree);
    ARRAY("statfs", struct statfs, f_fsid.val);
    FIELD("statfs", struct statfs, f_namelen);
    FIELD("statfs", struct statfs, f_frsize);
    FIELD("statfs", struct statfs, f_flags);
    ARRAY("statfs", struct statfs, f_spare);
#endif
#if !defined(__x86_64__)
    /* MIPS's adds __pad (after f_frsize, which it puts third). */
    STRUCT("statfs64", struct statfs64);
    FIELD("statfs64", struct statfs64, f_type);
    FIELD("statfs64", struct statfs64, f_bsize);
    FIELD("statfs64", struct statfs64, f_blocks);
    FIELD("statfs64", struct statfs64, f_bfree);
    FIELD("statfs64", struct statfs64, f_bavail);
    FIELD("statfs64", struct statfs64, f_files);
    FIELD("statfs64", struct statfs64, f_ffree);
    ARRAY("statfs64", struct statfs64, f_fsid.val);
    FIELD("statfs64", struct statfs64, f_namelen);
#if defined(__mips__)
    FIELD("statfs64", struct statfs64, __pad);
#endif
    FIELD("statfs64", struct statfs64, f_frsize);
    FIELD("statfs64", struct statfs64, f_flags);
    ARRAY("statfs64", struct statfs64, f_spare);
#endif

    STRUCT("rusage", struct rusage);
    FIELD("rusage", struct rusage, ru_utime.tv_sec);
    FIELD("rusage", struct rusage, ru_utime.tv_usec);
    FIELD("rusage", struct rusage, ru_stime.tv_sec);
    FIELD("rusage", struct rusage, ru_stime.tv_usec);
    FIELD("rusage", struct rusage, ru_maxrss);
    FIELD("rusage", struct rusage, ru_ixrss);
    FIELD("rusage", struct rusage, ru_idrss);
    FIELD("rusage", struct rusage, ru_isrss);
    FIELD("rusage", struct rusage, ru_minflt);
    FIELD("rusage", struct rusage, ru_majflt);
    FIELD("rusage", struct rusage, ru_nswap);
    FIELD("rusage", struct rusage, ru_inblock);
    FIELD("rusage", struct rusage, ru_oublock);
    FIELD("rusage", struct rusage, ru_msgsnd);
    FIELD("rusage", struct rusage, ru_msgrcv);
    FIELD("rusage", struct rusage, ru_nsignals);
    FIELD("rusage", struct rusage, ru_nvcsw);
    FIELD("rusage", struct rusage, ru_nivcsw);

    STRUCT("flock", struct flock);
    FIELD("flock", struct flock, l_type);
    FIELD("flock", struct flock, l_whence);
    FIELD("flock", struct flock, l_start);
    FIELD("flock", struct flock, l_len);
#if defined(__mips__)
    FIELD("flock", struct flock, l_sysid);
#endif
    FIELD("flock", struct flock, l_pid);
#if defined(__mips__)
    ARRAY("flock", struct flock, pad);
#endif

    STRUCT("flock64", struct flock64);
    FIELD("flock64", struct flock64, l_type);
    FIELD("flock64", struct flock64, l_whence);
    FIELD("flock64", struct flock64, l_start);
    FIELD("flock64", struct flock64, l_len);
    FIELD("flock64", struct flock64, l_pid);

    STRUCT("f_owner_ex", struct f_owner_ex);
    FIELD("f_owner_ex", struct f_owner_ex, type);
    FIELD("f_owner_ex", struct f_owner_ex, pid);
    return 0;
}

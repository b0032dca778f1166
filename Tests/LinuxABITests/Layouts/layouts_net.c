/* Prints, as layouts.c does and in its format, the socket message structs and signalfd's
 * record for a guest: what StructLayouts+ARMMessages.swift declares. Built with the guest's
 * cross compiler only (the host side of these calls uses glibc's own, identical, structs).
 *
 * The kernel's user_msghdr, mmsghdr and cmsghdr are in include/linux/socket.h, outside the
 * uapi; they are declared here from the kernel's definitions so the compiler supplies the
 * guest ABI's sizes and padding.
 */
#include <stddef.h>
#include <stdio.h>

#include <linux/signalfd.h>  /* struct signalfd_siginfo */

struct user_msghdr {
    void *msg_name;
    int msg_namelen;
    void *msg_iov;
    unsigned long msg_iovlen; /* __kernel_size_t */
    void *msg_control;
    unsigned long msg_controllen;
    unsigned int msg_flags;
};

struct mmsghdr {
    struct user_msghdr msg_hdr;
    unsigned int msg_len;
};

struct cmsghdr {
    unsigned long cmsg_len; /* __kernel_size_t */
    int cmsg_level;
    int cmsg_type;
};

#define STRUCT(name, type) \
    printf("%s %zu %zu\n", name, sizeof(type), _Alignof(type))
#define SIGNED_OF(x) ((__typeof__(x))-1 < (__typeof__(x))0)
#define FIELD(name, type, field) \
    printf("%s.%s %zu %zu %zu %d\n", name, #field, offsetof(type, field), \
           sizeof(((type *)0)->field), sizeof(((type *)0)->field), SIGNED_OF(((type *)0)->field))
#define ARRAY(name, type, field) \
    printf("%s.%s %zu %zu %zu %d\n", name, #field, offsetof(type, field), \
           sizeof(((type *)0)->field), sizeof(((type *)0)->field[0]), SIGNED_OF(((type *)0)->field[0]))
#define POINTER(name, type, field) \
    printf("%s.%s %zu %zu %zu 0\n", name, #field, offsetof(type, field), \
           sizeof(((type *)0)->field), sizeof(((type *)0)->field))

int main(void) {
    STRUCT("user_msghdr", struct user_msghdr);
    POINTER("user_msghdr", struct user_msghdr, msg_name);
    FIELD("user_msghdr", struct user_msghdr, msg_namelen);
    POINTER("user_msghdr", struct user_msghdr, msg_iov);
    FIELD("user_msghdr", struct user_msghdr, msg_iovlen);
    POINTER("user_msghdr", struct user_msghdr, msg_control);
    FIELD("user_msghdr", struct user_msghdr, msg_controllen);
    FIELD("user_msghdr", struct user_msghdr, msg_flags);

    STRUCT("mmsghdr", struct mmsghdr);
    POINTER("mmsghdr", struct mmsghdr, msg_hdr.msg_name);
    FIELD("mmsghdr", struct mmsghdr, msg_hdr.msg_namelen);
    POINTER("mmsghdr", struct mmsghdr, msg_hdr.msg_iov);
    FIELD("mmsghdr", struct mmsghdr, msg_hdr.msg_iovlen);
    POINTER("mmsghdr", struct mmsghdr, msg_hdr.msg_control);
    FIELD("mmsghdr", struct mmsghdr, msg_hdr.msg_controllen);
    FIELD("mmsghdr", struct mmsghdr, msg_hdr.msg_flags);
    FIELD("mmsghdr", struct mmsghdr, msg_len);

    STRUCT("cmsghdr", struct cmsghdr);
    FIELD("cmsghdr", struct cmsghdr, cmsg_len);
    FIELD("cmsghdr", struct cmsghdr, cmsg_level);
    FIELD("cmsghdr", struct cmsghdr, cmsg_type);

    STRUCT("signalfd_siginfo", struct signalfd_siginfo);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_signo);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_errno);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_code);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_pid);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_uid);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_fd);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_tid);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_band);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_overrun);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_trapno);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_status);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_int);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_ptr);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_utime);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_stime);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_addr);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_addr_lsb);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, __pad2);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_syscall);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_call_addr);
    FIELD("signalfd_siginfo", struct signalfd_siginfo, ssi_arch);
    ARRAY("signalfd_siginfo", struct signalfd_siginfo, __pad);
    return 0;
}

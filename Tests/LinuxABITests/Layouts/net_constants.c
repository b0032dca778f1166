/* Prints, in constants.c's `NAME VALUE` format, every constant of LinuxABI's socket, event
 * and descriptor-flag tables (Sockets.swift, DescriptorFlags.swift), from uapi headers only.
 * Built with each guest's cross compiler (guest column) and natively (host column).
 * The *_OLD socket options are the numbers a 32-bit time_t program uses; they are spelled
 * out by asm-generic/socket.h.
 */
#define _GNU_SOURCE 1 /* SCM_CREDENTIALS */
#include <stdio.h>

#include <sys/socket.h>
#include <asm/socket.h>
#include <linux/eventpoll.h>
#include <linux/fcntl.h>
#include <sys/eventfd.h>   /* glibc's, with the kernel's values: the uapi has none */
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>

#define C(name) printf("%s %lld\n", #name, (long long)(name))

int main(void) {
    /* Socket types (linux/net.h's enum sock_type) and the flags of socket()'s type. */
    C(SOCK_STREAM); C(SOCK_DGRAM); C(SOCK_RAW); C(SOCK_RDM); C(SOCK_SEQPACKET); C(SOCK_DCCP);
    C(SOCK_PACKET);
    printf("SOCK_NONBLOCK %lld\n", (long long)O_NONBLOCK);  /* include/linux/net.h: = O_NONBLOCK */
    printf("SOCK_CLOEXEC %lld\n", (long long)O_CLOEXEC);    /* = O_CLOEXEC */

    C(SOL_SOCKET);
    C(SO_DEBUG); C(SO_REUSEADDR); C(SO_TYPE); C(SO_ERROR); C(SO_DONTROUTE); C(SO_BROADCAST);
    C(SO_SNDBUF); C(SO_RCVBUF); C(SO_KEEPALIVE); C(SO_OOBINLINE); C(SO_NO_CHECK);
    C(SO_PRIORITY); C(SO_LINGER); C(SO_BSDCOMPAT); C(SO_REUSEPORT); C(SO_PASSCRED);
    C(SO_PEERCRED); C(SO_RCVLOWAT); C(SO_SNDLOWAT); C(SO_RCVTIMEO_OLD); C(SO_SNDTIMEO_OLD);
    C(SO_BINDTODEVICE); C(SO_ATTACH_FILTER); C(SO_DETACH_FILTER); C(SO_PEERNAME);
    C(SO_TIMESTAMP_OLD); C(SO_ACCEPTCONN); C(SO_PEERSEC); C(SO_SNDBUFFORCE); C(SO_RCVBUFFORCE);
    C(SO_PASSSEC); C(SO_TIMESTAMPNS_OLD); C(SO_MARK); C(SO_PROTOCOL); C(SO_DOMAIN);
    C(SO_RXQ_OVFL); C(SO_PEEK_OFF); C(SO_BUSY_POLL); C(SO_INCOMING_CPU); C(SO_COOKIE);
    C(SO_ZEROCOPY); C(SO_BINDTOIFINDEX); C(SO_RCVTIMEO_NEW); C(SO_SNDTIMEO_NEW);

    C(SCM_RIGHTS); C(SCM_CREDENTIALS);
    printf("SCM_TIMESTAMP_OLD %lld\n", (long long)SO_TIMESTAMP_OLD);  /* SCM_TIMESTAMP_OLD = SO_TIMESTAMP_OLD */
    printf("SCM_TIMESTAMPNS_OLD %lld\n", (long long)SO_TIMESTAMPNS_OLD);

    /* Descriptor-creating calls' flags. */
    C(EPOLL_CLOEXEC);
    C(EFD_CLOEXEC); C(EFD_NONBLOCK); C(EFD_SEMAPHORE);
    C(TFD_CLOEXEC); C(TFD_NONBLOCK);
    C(SFD_CLOEXEC); C(SFD_NONBLOCK);
    C(IN_CLOEXEC); C(IN_NONBLOCK);
    return 0;
}

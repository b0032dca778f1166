/* Sockets: socketpair (stream and datagram), AF_UNIX stream and datagram sockets bound in the
   temporary directory (argv[1]), loopback TCP and UDP on 127.0.0.1 with port 0 and
   getsockname, getpeername, SCM_RIGHTS passing a pipe's read end, SCM_CREDENTIALS with
   SO_PASSCRED, sendmmsg/recvmmsg, shutdown, MSG_PEEK/MSG_DONTWAIT, and the common socket
   options (SO_TYPE, SO_REUSEADDR, SO_RCVBUF, SO_ERROR, SO_RCVTIMEO, SO_LINGER, SO_PEERCRED,
   TCP_NODELAY, IPV6_V6ONLY). Prints only what is the same natively and under emulation:
   no pids, ports or descriptor numbers; credentials are compared with getpid/getuid. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

static const char *errname(int e) {
    switch (e) {
    case EAGAIN: return "EAGAIN";
    case EINVAL: return "EINVAL";
    case ENOTCONN: return "ENOTCONN";
    case EPIPE: return "EPIPE";
    case ENOPROTOOPT: return "ENOPROTOOPT";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EADDRINUSE: return "EADDRINUSE";
    case ENOTSOCK: return "ENOTSOCK";
    case EBADF: return "EBADF";
    case EFAULT: return "EFAULT";
    default: return "other";
    }
}

/* The call first, then errno: printf's arguments have no evaluation order. */
static const char *result(long r) {
    static char text[64];
    if (r < 0) snprintf(text, sizeof text, "-1 %s", errname(errno));
    else snprintf(text, sizeof text, "%ld", r);
    return text;
}

#define CHECK(expr) do { if ((expr) < 0) { printf("%s: %s\n", #expr, errname(errno)); } } while (0)

static void socket_pairs(void) {
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    write(sv[0], "hello", 5);
    char buf[32] = {0};
    ssize_t n = read(sv[1], buf, sizeof buf);
    printf("stream pair: %zd '%s'\n", n, buf);
    CHECK(shutdown(sv[0], SHUT_WR));
    n = read(sv[1], buf, sizeof buf);
    printf("after shutdown: read %zd\n", n);
    close(sv[0]);
    close(sv[1]);

    CHECK(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv));
    printf("cloexec %d nonblock %d\n", (fcntl(sv[0], F_GETFD) & FD_CLOEXEC) != 0, (fcntl(sv[0], F_GETFL) & O_NONBLOCK) != 0);
    n = recv(sv[0], buf, sizeof buf, 0);
    printf("empty nonblocking recv: %zd %s\n", n, n < 0 ? errname(errno) : "");
    send(sv[1], "one", 3, 0);
    send(sv[1], "two!", 4, 0);
    n = recv(sv[0], buf, sizeof buf, MSG_PEEK);
    printf("peek %zd\n", n);
    n = recv(sv[0], buf, 2, 0);
    printf("truncated datagram %zd\n", n);
    struct msghdr mh = {0};
    struct iovec iov = {buf, 2};
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    n = recvmsg(sv[0], &mh, 0);
    printf("recvmsg %zd trunc %d\n", n, (mh.msg_flags & MSG_TRUNC) != 0);
    int type = 0;
    socklen_t len = sizeof type;
    CHECK(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len));
    printf("SO_TYPE %s len %u\n", type == SOCK_DGRAM ? "SOCK_DGRAM" : "?", len);
    close(sv[0]);
    close(sv[1]);

    printf("bad type: %s\n", result(socket(AF_UNIX, 99, 0)));
    printf("bad family: %s\n", result(socket(12345, SOCK_STREAM, 0)));
}

static void unix_sockets(const char *dir) {
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s/sock", dir);
    int server = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(bind(server, (struct sockaddr *)&addr, sizeof addr));
    CHECK(listen(server, 4));
    int client = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(connect(client, (struct sockaddr *)&addr, sizeof addr));
    struct sockaddr_un peer;
    socklen_t len = sizeof peer;
    int conn = accept(server, (struct sockaddr *)&peer, &len);
    printf("accepted: %d family %d len %u\n", conn >= 0, peer.sun_family, len);
    struct sockaddr_un name;
    len = sizeof name;
    CHECK(getsockname(server, (struct sockaddr *)&name, &len));
    printf("server name matches: %d len ok: %d\n", strcmp(name.sun_path, addr.sun_path) == 0,
           len == offsetof(struct sockaddr_un, sun_path) + strlen(addr.sun_path) + 1);
    len = sizeof name;
    CHECK(getpeername(client, (struct sockaddr *)&name, &len));
    printf("peer name matches: %d\n", strcmp(name.sun_path, addr.sun_path) == 0);
    /* A short buffer: truncated address, full length. */
    char tiny[4];
    len = sizeof tiny;
    CHECK(getsockname(server, (struct sockaddr *)tiny, &len));
    printf("short buffer: len %s\n", len > sizeof tiny ? "full" : "short");

    /* SO_PEERCRED */
    struct ucred cred;
    len = sizeof cred;
    CHECK(getsockopt(conn, SOL_SOCKET, SO_PEERCRED, &cred, &len));
    printf("peercred: pid ok %d uid ok %d gid ok %d len %u\n", cred.pid == getpid(), cred.uid == getuid(), cred.gid == getgid(), len);

    /* SCM_RIGHTS: pass a pipe's read end, read through the received descriptor. */
    int p[2];
    pipe(p);
    write(p[1], "through the pipe", 16);
    char data = 'x';
    struct iovec iov = {&data, 1};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int) * 2)]; } control;
    memset(&control, 0, sizeof control);
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf, .msg_controllen = CMSG_SPACE(sizeof(int))};
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &p[0], sizeof(int));
    printf("sendmsg: %zd\n", sendmsg(client, &mh, 0));
    close(p[0]);
    close(p[1]);

    char got = 0;
    iov.iov_base = &got;
    memset(&control, 0, sizeof control);
    struct msghdr rh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf, .msg_controllen = sizeof control.buf};
    ssize_t n = recvmsg(conn, &rh, MSG_CMSG_CLOEXEC);
    printf("recvmsg: %zd '%c' controllen ok %d flags %d\n", n, got, rh.msg_controllen == CMSG_SPACE(sizeof(int)), rh.msg_flags);
    for (c = CMSG_FIRSTHDR(&rh); c; c = CMSG_NXTHDR(&rh, c)) {
        printf("cmsg level SOL_SOCKET %d type SCM_RIGHTS %d len ok %d\n", c->cmsg_level == SOL_SOCKET, c->cmsg_type == SCM_RIGHTS,
               c->cmsg_len == CMSG_LEN(sizeof(int)));
        if (c->cmsg_type == SCM_RIGHTS) {
            int fd;
            memcpy(&fd, CMSG_DATA(c), sizeof fd);
            char buf[32] = {0};
            printf("received fd cloexec %d reads '%s'\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0,
                   read(fd, buf, sizeof buf - 1) > 0 ? buf : "");
            close(fd);
        }
    }

    /* Two descriptors into room for one: MSG_CTRUNC. */
    int q[2];
    pipe(q);
    memset(&control, 0, sizeof control);
    mh.msg_control = control.buf;
    mh.msg_controllen = CMSG_SPACE(sizeof(int) * 2);
    c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * 2);
    memcpy(CMSG_DATA(c), q, sizeof q);
    iov.iov_base = &data;
    printf("sendmsg two fds: %zd\n", sendmsg(client, &mh, 0));
    close(q[0]);
    close(q[1]);
    /* Room for exactly one descriptor on every arch (CMSG_SPACE would round up to two on a
       64-bit one). */
    union { struct cmsghdr h; char buf[CMSG_LEN(sizeof(int))]; } small;
    iov.iov_base = &got;
    struct msghdr th = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = small.buf, .msg_controllen = sizeof small.buf};
    n = recvmsg(conn, &th, 0);
    printf("recvmsg small: %zd ctrunc %d\n", n, (th.msg_flags & MSG_CTRUNC) != 0);
    for (c = CMSG_FIRSTHDR(&th); c; c = CMSG_NXTHDR(&th, c)) {
        printf("cmsg type %d fds %zu\n", c->cmsg_type, (c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        int fd;
        memcpy(&fd, CMSG_DATA(c), sizeof fd);
        close(fd);
    }

    /* SCM_CREDENTIALS with SO_PASSCRED. */
    int on = 1;
    CHECK(setsockopt(conn, SOL_SOCKET, SO_PASSCRED, &on, sizeof on));
    int value = 0;
    socklen_t vlen = sizeof value;
    CHECK(getsockopt(conn, SOL_SOCKET, SO_PASSCRED, &value, &vlen));
    printf("SO_PASSCRED %d\n", value);
    write(client, "c", 1);
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(struct ucred))]; } credbuf;
    struct msghdr ch = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = credbuf.buf, .msg_controllen = sizeof credbuf.buf};
    n = recvmsg(conn, &ch, 0);
    c = CMSG_FIRSTHDR(&ch);
    if (c && c->cmsg_type == SCM_CREDENTIALS) {
        struct ucred uc;
        memcpy(&uc, CMSG_DATA(c), sizeof uc);
        printf("credentials: %zd pid ok %d uid ok %d gid ok %d\n", n, uc.pid == getpid(), uc.uid == getuid(), uc.gid == getgid());
    } else {
        printf("credentials: none (%zd)\n", n);
    }
    /* Sending explicit credentials. */
    struct ucred mine = {getpid(), getuid(), getgid()};
    memset(&credbuf, 0, sizeof credbuf);
    struct msghdr sh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = credbuf.buf, .msg_controllen = sizeof credbuf.buf};
    c = CMSG_FIRSTHDR(&sh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDENTIALS;
    c->cmsg_len = CMSG_LEN(sizeof mine);
    memcpy(CMSG_DATA(c), &mine, sizeof mine);
    printf("sendmsg credentials: %zd\n", sendmsg(client, &sh, 0));
    ch.msg_controllen = sizeof credbuf.buf;
    n = recvmsg(conn, &ch, 0);
    c = CMSG_FIRSTHDR(&ch);
    printf("explicit credentials received: %d\n", c && c->cmsg_type == SCM_CREDENTIALS);

    close(client);
    n = read(conn, &got, 1);
    printf("read after peer close: %zd\n", n);
    close(conn);
    close(server);

    /* Datagram socket with an address. */
    struct sockaddr_un daddr = {.sun_family = AF_UNIX};
    snprintf(daddr.sun_path, sizeof daddr.sun_path, "%s/dgram", dir);
    int d = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK(bind(d, (struct sockaddr *)&daddr, sizeof daddr));
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    printf("sendto: %zd\n", sendto(s, "datagram", 8, 0, (struct sockaddr *)&daddr, sizeof daddr));
    char buf[32] = {0};
    struct sockaddr_un from;
    socklen_t flen = sizeof from;
    n = recvfrom(d, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom: %zd '%s' unnamed sender len %u\n", n, buf, flen);
    close(d);
    close(s);
    printf("bind again: %s\n", result(bind(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *)&addr, sizeof addr)));
}

static void inet_sockets(void) {
    int server = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    CHECK(setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(server, (struct sockaddr *)&addr, sizeof addr));
    CHECK(listen(server, 4));
    struct sockaddr_in bound;
    socklen_t len = sizeof bound;
    CHECK(getsockname(server, (struct sockaddr *)&bound, &len));
    printf("tcp bound: family %d addr %s port nonzero %d len %u\n", bound.sin_family, inet_ntoa(bound.sin_addr), bound.sin_port != 0, len);
    int client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(connect(client, (struct sockaddr *)&bound, sizeof bound));
    struct sockaddr_in peer;
    len = sizeof peer;
    int conn = accept4(server, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK);
    printf("accept4: %d nonblock %d peer %s\n", conn >= 0, (fcntl(conn, F_GETFL) & O_NONBLOCK) != 0, inet_ntoa(peer.sin_addr));
    CHECK(setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on));
    int value = 0;
    len = sizeof value;
    CHECK(getsockopt(client, IPPROTO_TCP, TCP_NODELAY, &value, &len));
    printf("TCP_NODELAY %d\n", value != 0);
    len = sizeof value;
    CHECK(getsockopt(client, SOL_SOCKET, SO_ERROR, &value, &len));
    printf("SO_ERROR %d\n", value);
    int rcvbuf = 65536;
    CHECK(setsockopt(client, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf));
    len = sizeof value;
    CHECK(getsockopt(client, SOL_SOCKET, SO_RCVBUF, &value, &len));
    printf("SO_RCVBUF doubled %d\n", value == 2 * rcvbuf);
    struct timeval tv = {2, 500000}, tv2 = {0, 0};
    CHECK(setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
    len = sizeof tv2;
    CHECK(getsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv2, &len));
    printf("SO_RCVTIMEO %ld.%06ld len ok %d\n", (long)tv2.tv_sec, (long)tv2.tv_usec, len == sizeof tv2);
    struct linger lg = {1, 7}, lg2;
    CHECK(setsockopt(client, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
    len = sizeof lg2;
    CHECK(getsockopt(client, SOL_SOCKET, SO_LINGER, &lg2, &len));
    printf("SO_LINGER %d %d\n", lg2.l_onoff, lg2.l_linger);
    printf("bad option: %s\n", result(getsockopt(client, SOL_SOCKET, 9999, &value, &len)));

    char buf[64] = {0};
    ssize_t n = recv(conn, buf, sizeof buf, 0);
    printf("empty nonblocking tcp recv: %zd %s\n", n, n < 0 ? errname(errno) : "");
    send(client, "over tcp", 8, 0);
    n = recv(conn, buf, sizeof buf, MSG_WAITALL);
    if (n < 0 && errno == EAGAIN) {
        usleep(100000);
        n = recv(conn, buf, sizeof buf, 0);
    }
    printf("tcp recv: %zd '%s'\n", n, buf);
    struct iovec iov[2] = {{"scatter ", 8}, {"gather", 6}};
    printf("writev: %zd\n", writev(conn, iov, 2));
    memset(buf, 0, sizeof buf);
    n = 0;
    while (n < 14) {
        ssize_t r = read(client, buf + n, sizeof buf - 1 - n);
        if (r <= 0) break;
        n += r;
    }
    printf("read back: '%s'\n", buf);
    CHECK(shutdown(client, SHUT_RDWR));
    close(client);
    close(conn);
    close(server);

    /* Connection refused on a port nobody listens on: bind one, close it, connect. */
    int tmp = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(bind(tmp, (struct sockaddr *)&addr, sizeof addr));
    len = sizeof bound;
    CHECK(getsockname(tmp, (struct sockaddr *)&bound, &len));
    close(tmp);
    int refused = socket(AF_INET, SOCK_STREAM, 0);
    printf("connect refused: %s\n", result(connect(refused, (struct sockaddr *)&bound, sizeof bound)));
    close(refused);

    /* UDP. */
    int u1 = socket(AF_INET, SOCK_DGRAM, 0), u2 = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(bind(u1, (struct sockaddr *)&addr, sizeof addr));
    len = sizeof bound;
    CHECK(getsockname(u1, (struct sockaddr *)&bound, &len));
    printf("udp sendto: %zd\n", sendto(u2, "udp!", 4, 0, (struct sockaddr *)&bound, sizeof bound));
    struct sockaddr_in from;
    socklen_t flen = sizeof from;
    memset(buf, 0, sizeof buf);
    n = recvfrom(u1, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("udp recvfrom: %zd '%s' from %s len %u\n", n, buf, inet_ntoa(from.sin_addr), flen);

    /* sendmmsg/recvmmsg. */
    CHECK(connect(u2, (struct sockaddr *)&bound, sizeof bound));
    struct mmsghdr msgs[3];
    struct iovec vecs[3] = {{"first", 5}, {"second", 6}, {"third", 5}};
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < 3; i++) { msgs[i].msg_hdr.msg_iov = &vecs[i]; msgs[i].msg_hdr.msg_iovlen = 1; }
    printf("sendmmsg: %d\n", sendmmsg(u2, msgs, 3, 0));
    char bufs[3][16];
    struct iovec rvecs[3];
    struct sockaddr_in names[3];
    memset(msgs, 0, sizeof msgs);
    memset(bufs, 0, sizeof bufs);
    for (int i = 0; i < 3; i++) {
        rvecs[i].iov_base = bufs[i];
        rvecs[i].iov_len = sizeof bufs[i];
        msgs[i].msg_hdr.msg_iov = &rvecs[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        msgs[i].msg_hdr.msg_name = &names[i];
        msgs[i].msg_hdr.msg_namelen = sizeof names[i];
    }
    usleep(50000);
    int got = recvmmsg(u1, msgs, 3, MSG_WAITFORONE, NULL);
    printf("recvmmsg: %d\n", got);
    for (int i = 0; i < got; i++)
        printf("  %u '%s' namelen %u\n", msgs[i].msg_len, bufs[i], msgs[i].msg_hdr.msg_namelen);
    close(u1);
    close(u2);

    /* IPv6 loopback, if the host has it. */
    int s6 = socket(AF_INET6, SOCK_STREAM, 0);
    if (s6 < 0) {
        printf("ipv6: unavailable\n");
        return;
    }
    CHECK(setsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on));
    len = sizeof value;
    CHECK(getsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &value, &len));
    printf("IPV6_V6ONLY %d\n", value);
    struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
    int r = bind(s6, (struct sockaddr *)&a6, sizeof a6);
    if (r == 0) {
        struct sockaddr_in6 b6;
        len = sizeof b6;
        CHECK(getsockname(s6, (struct sockaddr *)&b6, &len));
        char text[64];
        printf("ipv6 bound %s len %u\n", inet_ntop(AF_INET6, &b6.sin6_addr, text, sizeof text), len);
    } else {
        printf("ipv6 bind: %s\n", errname(errno));
    }
    close(s6);
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    socket_pairs();
    unix_sockets(argv[1]);
    inet_sockets();
    printf("not a socket: %s\n", result(shutdown(0, SHUT_RDWR)));
    return 0;
}

/* Terminal ioctls on a pseudo-terminal: posix_openpt/grantpt/unlockpt/ptsname (TIOCGPTN,
   TIOCSPTLCK), tcgetattr/tcsetattr round trips (TCGETS/TCSETS*), cfmakeraw, speeds, window
   size (TIOCSWINSZ/TIOCGWINSZ), tcflush/tcdrain/tcflow, FIONREAD on the pty and on a pipe,
   FIONBIO, FIOCLEX/FIONCLEX, isatty, and an unknown ioctl (ENOTTY). Prints no pty number. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static const char *errname(int e) {
    switch (e) {
    case ENOTTY: return "ENOTTY";
    case EINVAL: return "EINVAL";
    case EBADF: return "EBADF";
    case EIO: return "EIO";
    default: return "other";
    }
}

static const char *result(long r) {
    static char text[64];
    if (r < 0) snprintf(text, sizeof text, "-1 %s", errname(errno));
    else snprintf(text, sizeof text, "%ld", r);
    return text;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) {
        printf("no ptys\n");
        return 0;
    }
    printf("grantpt: %s\n", result(grantpt(master)));
    printf("unlockpt: %s\n", result(unlockpt(master)));
    const char *name = ptsname(master);
    printf("ptsname under /dev/pts: %d\n", name && strncmp(name, "/dev/pts/", 9) == 0);
    int slave = open(name, O_RDWR | O_NOCTTY);
    printf("slave open %d isatty %d master isatty %d\n", slave >= 0, isatty(slave), isatty(master));

    struct termios t;
    printf("tcgetattr: %s\n", result(tcgetattr(slave, &t)));
    printf("canonical %d echo %d isig %d vmin %d veof %d\n", (t.c_lflag & ICANON) != 0, (t.c_lflag & ECHO) != 0,
           (t.c_lflag & ISIG) != 0, t.c_cc[VMIN], t.c_cc[VEOF]);
    struct termios raw = t;
    cfmakeraw(&raw);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    cfsetispeed(&raw, B38400);
    cfsetospeed(&raw, B38400);
    printf("tcsetattr TCSANOW: %s\n", result(tcsetattr(slave, TCSANOW, &raw)));
    struct termios back;
    tcgetattr(slave, &back);
    printf("raw: canonical %d echo %d opost %d cs8 %d vmin %d speed38400 %d\n", (back.c_lflag & ICANON) != 0,
           (back.c_lflag & ECHO) != 0, (back.c_oflag & OPOST) != 0, (back.c_cflag & CSIZE) == CS8, back.c_cc[VMIN],
           cfgetospeed(&back) == B38400);
    printf("same as set: %d\n", back.c_iflag == raw.c_iflag && back.c_oflag == raw.c_oflag &&
                                  back.c_lflag == raw.c_lflag && memcmp(back.c_cc, raw.c_cc, NCCS) == 0);
    printf("tcsetattr TCSADRAIN: %s\n", result(tcsetattr(slave, TCSADRAIN, &t)));
    printf("tcsetattr TCSAFLUSH: %s\n", result(tcsetattr(slave, TCSAFLUSH, &t)));
    tcgetattr(slave, &back);
    printf("restored canonical %d\n", (back.c_lflag & ICANON) != 0);

    struct winsize ws = {.ws_row = 33, .ws_col = 101, .ws_xpixel = 7, .ws_ypixel = 9}, got;
    printf("TIOCSWINSZ: %s\n", result(ioctl(master, TIOCSWINSZ, &ws)));
    printf("TIOCGWINSZ: %s\n", result(ioctl(slave, TIOCGWINSZ, &got)));
    printf("winsize %d x %d (%d, %d)\n", got.ws_row, got.ws_col, got.ws_xpixel, got.ws_ypixel);

    /* Raw mode, then bytes through the pty. */
    tcsetattr(slave, TCSANOW, &raw);
    write(master, "abc", 3);
    usleep(50000);
    int avail = -1;
    printf("FIONREAD pty: %s", result(ioctl(slave, FIONREAD, &avail)));
    printf(" avail %d\n", avail);
    printf("tcflush: %s\n", result(tcflush(slave, TCIFLUSH)));
    avail = -1;
    ioctl(slave, FIONREAD, &avail);
    printf("after flush %d\n", avail);
    printf("tcdrain: %s\n", result(tcdrain(slave)));
    printf("tcflow: %s\n", result(tcflow(slave, TCOON)));
    printf("tcsendbreak: %s\n", result(tcsendbreak(slave, 0)));
    int lock = -1;
    printf("TIOCGPTLCK: %s", result(ioctl(master, TIOCGPTLCK, &lock)));
    printf(" locked %d\n", lock);
    int ptn = -1;
    printf("TIOCGPTN ok %d\n", ioctl(master, TIOCGPTN, &ptn) == 0 && ptn >= 0);

    int p[2];
    pipe(p);
    write(p[1], "12345", 5);
    avail = -1;
    printf("FIONREAD pipe: %s", result(ioctl(p[0], FIONREAD, &avail)));
    printf(" avail %d\n", avail);
    int on = 1;
    printf("FIONBIO: %s", result(ioctl(p[0], FIONBIO, &on)));
    printf(" nonblock %d\n", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
    printf("FIOCLEX: %s", result(ioctl(p[0], FIOCLEX)));
    printf(" cloexec %d\n", (fcntl(p[0], F_GETFD) & FD_CLOEXEC) != 0);
    printf("FIONCLEX: %s", result(ioctl(p[0], FIONCLEX)));
    printf(" cloexec %d\n", (fcntl(p[0], F_GETFD) & FD_CLOEXEC) != 0);
    printf("tcgetattr on a pipe: %s\n", result(tcgetattr(p[0], &t)));
    printf("isatty pipe %d\n", isatty(p[0]));
    printf("TIOCGWINSZ on a pipe: %s\n", result(ioctl(p[0], TIOCGWINSZ, &got)));
    printf("unknown ioctl: %s\n", result(ioctl(p[0], 0x12345678, 0)));
    printf("unknown tty ioctl: %s\n", result(ioctl(slave, _IOR('T', 0x7e, int), &avail)));
    printf("bad fd: %s\n", result(ioctl(999, FIONREAD, &avail)));
    printf("TIOCGPGRP without ctty: %s\n", result(ioctl(slave, TIOCGPGRP, &avail)));
    close(p[0]);
    close(p[1]);
    close(slave);
    close(master);
    return 0;
}

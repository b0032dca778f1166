# The process's view of the system through the standard library: signals and alarms, select
# and poll on pipes, mmap of a file, fcntl locks, dup2 and pipes, datetime in UTC, ctypes into
# the C library, resource limits and time accounting that can be compared.
import ctypes, ctypes.util, datetime, errno, fcntl, mmap, os, select, signal, struct, sys, time

got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append("USR1"))
signal.signal(signal.SIGALRM, lambda s, f: got.append("ALRM"))
os.kill(os.getpid(), signal.SIGUSR1)
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.3)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR2})
os.kill(os.getpid(), signal.SIGUSR2)
print("signals:", got, signal.sigpending() == {signal.SIGUSR2}, signal.sigwait({signal.SIGUSR2}) == signal.SIGUSR2)

r, w = os.pipe()
print("select empty:", select.select([r], [], [], 0.05))
os.write(w, b"ping")
print("select ready:", select.select([r], [w], [], 1.0) == ([r], [w], []))
p = select.poll()
p.register(r, select.POLLIN)
print("poll:", p.poll(1000) == [(r, select.POLLIN)], os.read(r, 10))
os.set_blocking(r, False)
try:
    os.read(r, 10)
except BlockingIOError as e:
    print("nonblocking read:", errno.errorcode[e.errno])
saved = os.dup(1)
os.dup2(w, 1)
print("through the pipe", flush=True)
os.dup2(saved, 1)
os.close(saved)
print("dup2:", os.read(r, 100))

with open("mapped.bin", "w+b") as f:
    f.write(bytes(range(256)) * 64)
    f.flush()
    m = mmap.mmap(f.fileno(), 0)
    m[0:4] = b"MMAP"
    print("mmap:", len(m), m[:6], m.find(b"\xfe\xff"), struct.unpack_from("<I", m, 100))
    m.flush()
    m.close()
print("file after mmap:", open("mapped.bin", "rb").read(6))
with open("lock.txt", "w") as f:
    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f, fcntl.LOCK_SH)
    print("locks taken; fcntl flags:", fcntl.fcntl(f, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY)

print("datetime:", datetime.datetime.fromtimestamp(1000000000, datetime.timezone.utc).isoformat(),
      datetime.datetime(2024, 2, 29, 12).strftime("%A %j %U %s"), time.gmtime(0)[:6], time.strftime("%Y %Z", time.gmtime(86400 * 365)))
t0, c0 = time.monotonic(), time.process_time()
sum(range(10 ** 6))
print("clocks advance:", time.monotonic() > t0, time.process_time() >= c0, time.time() > 1.7e9)
libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
buf = ctypes.create_string_buffer(64)
# Integers and pointers only: a double passed to a variadic function goes in VFP registers
# when ctypes does not know it is variadic, which the armhf ABI reads elsewhere.
libc.snprintf(buf, 64, b"%d-%s-%x", 42, b"str", 255)
print("ctypes:", libc.strlen(b"hello"), buf.value, libc.abs(-7), ctypes.sizeof(ctypes.c_long) * 0 + 1)
print("uid matches:", os.getuid() == os.geteuid(), os.getpid() > 1, os.getppid() > 0, os.getcwd().endswith("/case"))
print("umask:", oct(os.umask(0o22)), "cpu count positive:", (os.cpu_count() or 0) > 0)
print("environ:", sorted(k for k in os.environ if k != "_"))
sys.exit(got.count("ALRM"))

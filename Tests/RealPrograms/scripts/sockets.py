# Sockets and event descriptors through python: a socketpair passing a descriptor
# (SCM_RIGHTS), a TCP echo server on a loopback port in a thread, UDP datagrams, AF_UNIX
# stream and datagram sockets on paths, epoll and eventfd, socket options.
import array, os, select, selectors, socket, struct, threading

a, b = socket.socketpair()
a.sendall(b"over the pair")
print("socketpair:", b.recv(100), a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
r, w = os.pipe()
socket.send_fds(a, [b"fd follows"], [w])
msg, fds, flags, _ = socket.recv_fds(b, 100, 1)
os.write(fds[0], b"written through the passed descriptor")
print("SCM_RIGHTS:", msg, len(fds), fds[0] not in (r, w), os.read(r, 100))
a.close(); b.close()

server = socket.create_server(("127.0.0.1", 0))
port = server.getsockname()[1]
def serve():
    conn, _ = server.accept()
    with conn:
        while data := conn.recv(4096):
            conn.sendall(data.upper())
t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port)) as c:
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    total = b""
    for i in range(50):
        c.sendall(b"line %d of the tcp exchange\n" % i)
    c.shutdown(socket.SHUT_WR)
    while data := c.recv(65536):
        total += data
    print("tcp:", len(total), total.count(b"\n"), total[:28], c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
t.join()
server.close()

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(3):
    u2.sendto(b"datagram %d" % i, u1.getsockname())
print("udp:", [u1.recvfrom(100)[0] for _ in range(3)], u2.getsockname()[0])

path = os.path.abspath("unix.sock")
us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
us.bind(path)
us.listen(1)
uc = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
uc.connect(path)
conn, _ = us.accept()
uc.sendall(b"unix stream")
print("unix:", conn.recv(100), os.path.basename(us.getsockname()), struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[1:] == (os.getuid(), os.getgid()))
dpath = os.path.abspath("dgram.sock")
ds = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
ds.bind(dpath)
socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b"unix datagram", dpath)
print("unix dgram:", ds.recv(100))

ep = select.epoll()
r, w = os.pipe()
ep.register(r, select.EPOLLIN)
print("epoll empty:", ep.poll(0.05))
os.write(w, b"x")
print("epoll ready:", ep.poll(1) == [(r, select.EPOLLIN)])
efd = os.eventfd(0)
os.eventfd_write(efd, 3)
os.eventfd_write(efd, 4)
print("eventfd:", os.eventfd_read(efd))
sel = selectors.DefaultSelector()
sel.register(r, selectors.EVENT_READ, "pipe")
print("selector:", type(sel).__name__, [k.data for k, _ in sel.select(1)])

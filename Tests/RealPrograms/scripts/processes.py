# subprocess (a child that is another program of the userland), a pipeline between two
# children, os.fork with a pipe and exit statuses, os.execvp inside a forked child.
import os, subprocess, sys

r = subprocess.run(["sort", "-r", "lines.txt"], capture_output=True, text=True)
print("sort:", r.returncode, r.stdout.split())
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print("sh:", r.returncode, repr(r.stdout), repr(r.stderr))
r = subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:], sum(range(1000)))", "a", "b"],
                   stdout=subprocess.PIPE, text=True)
print("python child:", r.returncode, r.stdout.strip())
p1 = subprocess.Popen(["seq", "1", "500"], stdout=subprocess.PIPE)
p2 = subprocess.Popen(["md5sum"], stdin=p1.stdout, stdout=subprocess.PIPE)
p1.stdout.close()
print("pipeline:", p2.communicate()[0].decode().split()[0], p1.wait(), p2.returncode)
print("check_output:", subprocess.check_output("printf '%s\\n' c a b | sort | tr '\\n' ,", shell=True).decode())
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e.cmd)
try:
    subprocess.run(["/nonexistent/program"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)

read_end, write_end = os.pipe()
children = []
for i in range(4):
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        os.write(write_end, ("child %d sum %d\n" % (i, sum(j * i for j in range(10000)))).encode())
        os._exit(10 + i)
    children.append(pid)
os.close(write_end)
lines = []
with os.fdopen(read_end) as f:
    lines = sorted(f.read().splitlines())
print(lines)
print(sorted(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children))
pid = os.fork()
if pid == 0:
    os.execvp("echo", ["echo", "exec'd", "from", "a", "fork"])
_, status = os.waitpid(pid, 0)
print("exec child:", os.WIFEXITED(status), os.WEXITSTATUS(status))
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
_, status = os.waitpid(pid, 0)
print("killed child:", os.WIFSIGNALED(status), os.WTERMSIG(status))

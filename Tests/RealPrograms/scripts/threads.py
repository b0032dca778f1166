# threading: workers take numbers from a Queue, update shared totals under a Lock, and a
# Condition-driven hand-off; the result does not depend on scheduling.
import hashlib, queue, threading

jobs, results = queue.Queue(), queue.Queue()
lock = threading.Lock()
totals = {"count": 0, "sum": 0}

def worker(n):
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()
            return
        digest = hashlib.blake2s(str(item).encode()).hexdigest()
        with lock:
            totals["count"] += 1
            totals["sum"] += item * item
        results.put((item, digest[:8]))
        jobs.task_done()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for i in range(2000):
    jobs.put(i)
for _ in threads:
    jobs.put(None)
jobs.join()
for t in threads:
    t.join()
out = sorted(results.get() for _ in range(results.qsize()))
print(totals, len(out), out[:3], out[-2:])

counter = 0
cond = threading.Condition()
def bump(times):
    global counter
    for _ in range(times):
        with cond:
            counter += 1
            cond.notify_all()
pool = [threading.Thread(target=bump, args=(500,)) for _ in range(4)]
for t in pool:
    t.start()
with cond:
    cond.wait_for(lambda: counter == 2000, timeout=30)
for t in pool:
    t.join()
local = threading.local()
def named(i, box):
    local.value = i * 11
    box[i] = (threading.current_thread().name, local.value)
box = {}
named_threads = [threading.Thread(target=named, args=(i, box), name="t%d" % i) for i in range(3)]
for t in named_threads:
    t.start()
for t in named_threads:
    t.join()
print(counter, sorted(box.items()), threading.active_count())

# A pool of workers; children started from worker threads while the others run; a fork from
# a process with several threads, the child using locks the parent's threads held.
import os, subprocess
from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(lambda n: sum(i * i for i in range(n)), range(0, 4000, 500))))
def child(i):
    return subprocess.run(["expr", str(i), "*", "3"], capture_output=True, text=True).stdout.strip()
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(child, range(6))))
stop = threading.Event()
spinners = [threading.Thread(target=lambda: [lock.acquire() or lock.release() for _ in iter(lambda: stop.is_set(), True)]) for _ in range(2)]
for t in spinners:
    t.start()
pid = os.fork()
if pid == 0:
    with lock:
        print("forked child took the lock", threading.active_count(), flush=True)
    os._exit(0)
print("fork status", os.waitpid(pid, 0)[1] >> 8, flush=True)
stop.set()
for t in spinners:
    t.join()

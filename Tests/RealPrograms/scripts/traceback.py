# Exceptions: a caught one printed with traceback, then an uncaught one (exit status 1).
import json, sys, traceback

def parse(text):
    return json.loads(text)

def level(n):
    if n == 0:
        return {}["missing"]
    return level(n - 1)

try:
    parse('{"a": [1, 2,, 3]}')
except json.JSONDecodeError as e:
    print("caught:", e.msg, e.lineno, e.colno, e.pos)
    traceback.print_exc(file=sys.stdout)
try:
    level(3)
except KeyError:
    print("".join(traceback.format_exc()))
sys.stdout.flush()
print(1 / int("0"))

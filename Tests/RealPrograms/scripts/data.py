# json, re, hashlib, struct and friends on the fixture's files: results that depend only on
# the language, so the armhf and amd64 builds must print the same bytes.
import base64, collections, hashlib, json, math, re, struct, sys, zlib

with open("table.csv") as f:
    rows = [line.rstrip("\n").split(",") for line in f]
header, people = rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]
for p in people:
    p["age"] = int(p["age"])
doc = {"people": people, "total": sum(p["age"] for p in people), "nested": {"pi": math.pi, "e": math.e,
       "big": 2 ** 70, "neg": -0.0, "floats": [0.1 + 0.2, 1e-300 * 1e-10, 1 / 3, 2.5e17]}}
text = json.dumps(doc, sort_keys=True, indent=1)
print(text)
back = json.loads(text)
print(back == doc, json.dumps("ünïcode \u2603 \"quoted\"\n"), json.dumps(doc["nested"], separators=(",", ":")))

words = open("words.txt").read()
print(re.findall(r"\b(\w)(\w*)\1\b", words), re.sub(r"(\w+) (\w+)", r"\2 \1", words.splitlines()[0]))
print([m.span() for m in re.finditer(r"o[a-z]", words)][:8], re.split(r"\s+the\s+", words.replace("\n", " ")))
print(collections.Counter(words.split()).most_common(4))

data = open("data.bin", "rb").read()
for name in ("md5", "sha3_256", "blake2b", "blake2s"):
    print(name, hashlib.new(name, data).hexdigest())
print("crc32", zlib.crc32(data), "adler32", zlib.adler32(data), len(zlib.compress(data, 9)))
packed = struct.pack("<IhbQdf3s", 0xDEADBEEF, -2, 7, 2 ** 63 + 5, math.pi, 1.5, b"abc")
print(packed.hex(), struct.unpack("<IhbQdf3s", packed), struct.unpack(">4H", data[:8]), struct.calcsize("@iqd"))
print(base64.b64encode(data[:30]).decode(), int.from_bytes(data[:16], "little"), (7 ** 300) % (10 ** 40 + 7))
print(sorted(data[:20]), bytes(reversed(data[:12])).hex(), "%.17g %r %s" % (1.1 * 3, 2 / 7, float("inf")))
print(sys.byteorder, sys.float_info.epsilon, sys.getrecursionlimit())

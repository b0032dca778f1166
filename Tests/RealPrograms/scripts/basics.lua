-- Lua 5.4: tables, closures, metatables, coroutines, string patterns and formats, integer and
-- float arithmetic, string.pack, io on the fixture's files, os.time/os.date in UTC.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(25), 7 // 2, -7 // 2, 7 % -3, 2 ^ 53, math.maxinteger, math.mininteger, 1 / 0, -1 / 0)
print(math.pi, string.format("%.14g %5.2f %x %q %e", math.pi, 2.345, 255, "a\nb\0c", 12345.6789))
print(3 | 5, 3 & 5, 3 ~ 5, ~0, 1 << 62, 256 >> 4, math.tointeger(3.0), 3 == 3.0, math.type(1), math.type(1.0))

local counts, order = {}, {}
for line in io.lines("lines.txt") do
  if counts[line] == nil then order[#order + 1] = line end
  counts[line] = (counts[line] or 0) + 1
end
table.sort(order)
for _, k in ipairs(order) do io.write(string.format("[%s]=%d ", k, counts[k])) end
print()

local text = io.open("words.txt"):read("a")
local words = {}
for w in text:gmatch("%a+") do words[#words + 1] = w:upper() end
print(#words, table.concat(words, ",", 1, 6), text:gsub("the", "THE"):sub(1, 30), text:find("kernel", 1, true))
print(("hello world from lua"):gsub("(%w+) (%w+)", "%2 %1"), ("  trim  "):match("^%s*(.-)%s*$"), ("%d+"):rep(3, "|"))

local Vec = {}
Vec.__index = Vec
Vec.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Vec) end
Vec.__tostring = function(v) return "(" .. v.x .. "," .. v.y .. ")" end
local v = setmetatable({x = 1, y = 2}, Vec) + setmetatable({x = 10, y = 20}, Vec)
print(tostring(v), getmetatable(v) == Vec, rawlen({1, 2, 3}), select("#", 1, nil, 3))

local gen = coroutine.wrap(function() for i = 1, 5 do coroutine.yield(i * i) end end)
local squares = {}
for _ = 1, 5 do squares[#squares + 1] = gen() end
print(table.concat(squares, " "), coroutine.isyieldable(), select(2, pcall(error, {code = 42})).code)
local ok, err = pcall(function() local t = nil; return t.field end)
print(ok, err)

local packed = string.pack("<i4 I2 d s1", -5, 65535, 1.5, "str")
print(#packed, string.unpack("<i4 I2 d s1", packed), (packed:gsub(".", function(c) return string.format("%02x", c:byte()) end)))
print(os.time({year = 2024, month = 2, day = 29, hour = 12}), os.date("!%Y-%m-%d %H:%M:%S %A %j", 1000000000))
local closures = {}
for i = 1, 3 do closures[i] = function() return i * 100 end end
print(closures[1](), closures[3](), string.rep("ab", 3, "-"), utf8.char(72, 228, 8364, 128512), utf8.len("häl€"))
local big = {}
for i = 1, 100000 do big[i] = (i * 7919) % 100003 end
table.sort(big)
local sum = 0
for i = 1, #big do sum = sum + big[i] end
print(big[1], big[50000], big[#big], sum, collectgarbage("count") > 0)

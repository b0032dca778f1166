// A promoted loop that streams over arrays runs two, four or eight iterations at a time in
// v128 lanes. Native compilers vectorize `c[j] += k * b[j]`; an ARM VFP or MIPS32 guest cannot,
// so without this its loop does per element what the host does per pair.
//
// The loop (after Passes+Loops.swift: guest registers in values) qualifies when its body is,
// apart from instruction starts and constants:
// - induction variables `iv = add iv, stride`, used only as the base of loads and stores and by
//   the branch back, `brcond ne iv, bound` with the bound loop-invariant (the one compared may
//   count down);
// - loads and stores of one element size (2, 4 or 8 bytes) at iv + constant, every stride that
//   addresses memory equal to it, no load after a store;
// - arithmetic on the elements: fadd, fsub, fmul, fdiv of that size, and for integer elements
//   add, sub, mul, and, or, xor, and shl by a constant (their low bits depend only on the
//   operands' low bits, so i32 arithmetic on a 16-bit element is the 16-bit lane op); the
//   other operand may be a loop-invariant value or a constant;
// - integer reductions `s = op s, x` (add, xor, or, and over words), s read nowhere else in
//   the loop: a v128 of partial results, folded into s on the way to the scalar loop;
// - checks that leave the fast path, before the first store: a float comparison branching out
//   of the loop (MIPS's NaN check), ARM's cold "is the result ±(smallest normal)" test before
//   its underflow helper (Translator+VFP), and the exit-request test.
//
// Then, before the loop's head, a second loop does 16 bytes of each array per pass (two, four or
// eight iterations): loads of 16 bytes, lane-wise arithmetic, every check as "does any lane
// take it", stores of 16 bytes, the induction variables advanced a pass on. A lane that would
// take a check sends the pass to the scalar loop with nothing of it stored (the checks come
// before the stores), which then runs it and the rest exactly; so does an exit request, tested
// at the top of a pass. The scalar loop also runs the last iterations: the vector loop stops
// while at least one remains, since the scalar loop's ways out (its stubs) are the only ones.
//
// Moving a later iteration's loads before an earlier iteration's stores is only right when
// the arrays do not overlap within a pass: each store stream and each other stream must be the
// same address or at least a pass apart, checked once before the vector loop (the distance
// between two streams does not change, as every induction variable has the element's stride).
// Each lane's float result is the scalar op's: vfadde and its kin are SSE's packed ops in the
// guest's MXCSR, the exception flags of a pass are the flags of its iterations, and the rare
// lane whose NaN SSE would get wrong traps to CHost's fix-up as a scalar op does.

import IR

extension Optimizer {
    /// Puts a vector copy of the block's loop before it when the loop qualifies (above).
    mutating func vectorizeLoop(_ block: inout Block, volatile: Range<UInt64>) {
        var vectorizer = LoopVectorizer(block, volatile: volatile)
        guard let ops = vectorizer.vectorized() else { return }
        block.ops = ops
        block.valueTypes = vectorizer.valueTypes
        block.labelCount = vectorizer.labelCount
        block.definedOnce = false
    }
}

struct LoopVectorizer {
    let ops: [Op]
    var valueTypes: [IRType]
    var labelCount: UInt32
    let volatile: Range<UInt64>

    /// Per value: its constant (defined once, by a const), definitions in the loop body and
    /// before the loop's head, its uses, the op that defines it in the body.
    var constant: [UInt64?]
    var definitionsInBody: [UInt8]
    var definedBefore: [Bool]
    var uses: [UInt32]
    var definedAt: [Int]
    var labelAt: [Int]

    var head = -1, end = -1

    /// Element size in bytes, 0 until the first load or store says.
    var elementBytes = 0
    var bigEndian: Bool?
    /// The induction variables: value index -> stride.
    var strides: [UInt32: UInt32] = [:]
    /// Induction variables already advanced at the op being looked at.
    var advanced: Set<UInt32> = []
    /// Per value: the v128 that holds its lanes in the vector loop.
    var lanes: [UInt32: Value] = [:]
    /// v128s of every lane = one loop-invariant value (or constant), made before the loop.
    var splats: [UInt32: Value] = [:]
    var byteOrderMask = Value.none
    /// Memory streams: base, offset from the base's value at the iteration's start, store.
    var streams: [(base: Value, offset: UInt32, store: Bool)] = []
    /// The exit-request test, when the loop has one: the field.
    var exitRequest: Op?
    /// Op indices a pattern took (ARM's tininess test), and those of rare paths skipped.
    var taken: Set<Int> = []
    /// Ops before the vector loop, and of its body.
    var before: [Op] = []
    var body: [Op] = []
    var stored = false

    init(_ block: Block, volatile: Range<UInt64>) {
        ops = block.ops
        valueTypes = block.valueTypes
        labelCount = block.labelCount
        self.volatile = volatile
        let n = valueTypes.count
        constant = [UInt64?](repeating: nil, count: n)
        definitionsInBody = [UInt8](repeating: 0, count: n)
        definedBefore = [Bool](repeating: false, count: n)
        uses = [UInt32](repeating: 0, count: n)
        definedAt = [Int](repeating: -1, count: n)
        labelAt = [Int](repeating: -1, count: Int(labelCount))
    }

    mutating func newValue(_ type: IRType) -> Value {
        valueTypes.append(type)
        return Value(UInt32(valueTypes.count - 1))
    }

    mutating func newLabel() -> UInt64 {
        labelCount += 1
        return UInt64(labelCount - 1)
    }

    /// Emits into `before` (the vector loop's preheader) or `body`.
    mutating func emit(_ op: Op, before preheader: Bool = false) -> Value {
        if preheader { before.append(op) } else { body.append(op) }
        return op.dst
    }

    mutating func const32(_ k: UInt32, before preheader: Bool = true) -> Value {
        emit(Op(.const_, .i32, dst: newValue(.i32), imm: UInt64(k)), before: preheader)
    }

    /// The block's ops with the vector loop before the scalar one, or nil when the loop does
    /// not qualify.
    mutating func vectorized() -> [Op]? {
        guard findLoop(), vectorizeBody() else { return nil }
        let back = ops[end]
        // The compared value: an induction variable after its update, or a value a constant
        // from its value at the iteration's start (ARM compares a copy made before `subs`).
        func compared(_ v: Value) -> (iv: UInt32, offset: UInt32)? {
            if let s = strides[v.index] { return (v.index, s) }
            return aliases[v.index]
        }
        let (ivIndex, offset, bound): (UInt32, UInt32, Value)
        if let c = compared(back.a), constantOf(back.b) != nil || !inBody(back.b) {
            (ivIndex, offset, bound) = (c.iv, c.offset, back.b)
        } else if let c = compared(back.b), constantOf(back.a) != nil || !inBody(back.a) {
            (ivIndex, offset, bound) = (c.iv, c.offset, back.a)
        } else {
            return nil
        }
        let iv = Value(ivIndex)
        // The compared variable may count down (a counter to zero) by a power of two.
        guard let step = strides[iv.index] else { return nil }
        let down = Int32(bitPattern: step) < 0
        let stride = down ? 0 &- step : step
        guard stride.nonzeroBitCount == 1, stride <= 0x1000 else { return nil }
        let lanesPerPass = UInt32(16 / elementBytes)
        let scalarHead = ops[head].imm, vectorHead = newLabel()
        let splatOps = before
        before = []

        // How many passes: n iterations remain, |bound - iv| / |stride|, and the scalar loop runs
        // at least one, so the vector loop ends (n - 1) rounded down to whole passes from iv.
        func out(_ cond: IR.Condition, _ a: Value, _ b: Value) {
            before.append(Op(.brcond, .i32, a: a, b: b, imm: scalarHead, aux: cond.rawValue))
        }
        func binary(_ opcode: Opcode, _ a: Value, _ b: Value) -> Value {
            emit(Op(opcode, .i32, dst: newValue(.i32), a: a, b: b), before: true)
        }
        let zero = const32(0)
        // `start + offset != bound` goes on: `start + step` (iv after its update) != the limit.
        var limit = constantOf(bound).map { const32(UInt32(truncatingIfNeeded: $0)) } ?? bound
        if step != offset { limit = binary(.add, limit, const32(step &- offset)) }
        let distance = down ? binary(.sub, iv, limit) : binary(.sub, limit, iv)
        out(.ne, binary(.and, distance, const32(stride - 1)), zero)
        out(.eq, distance, zero)
        let passBytes = stride * lanesPerPass
        let whole = binary(.and, binary(.sub, distance, const32(stride)), const32(~(passBytes - 1)))
        out(.eq, whole, zero)
        let vectorBound = binary(down ? .sub : .add, iv, whole)

        // A stream that would pass the top of the 32-bit address space keeps the scalar loop,
        // whose addresses wrap element by element (a 16-byte access would not). Each stream
        // covers 16 bytes a pass: `whole` in elements when the loop counts in something else.
        let covered = stride == UInt32(elementBytes) ? whole
            : binary(.shl, binary(.shr, whole, const32(UInt32(stride.trailingZeroBitCount))),
                     const32(UInt32(elementBytes.trailingZeroBitCount)))
        var starts: [(Value, UInt32)] = []
        for s in streams where !starts.contains(where: { $0.0 == s.base && $0.1 == s.offset }) {
            starts.append((s.base, s.offset))
            let start = binary(.add, s.base, const32(s.offset))
            let wraps = emit(Op(.setcond, .i32, dst: newValue(.i32), a: binary(.add, start, covered), b: start,
                                aux: IR.Condition.ltu.rawValue), before: true)
            out(.ne, wraps, zero)
        }

        // Arrays that overlap within a pass keep the scalar loop.
        for s in streams where s.store {
            for x in streams where x.base != s.base || x.offset != s.offset {
                let delta = s.offset &- x.offset
                if x.base == s.base {
                    if delta &+ 15 < 31 { return nil }
                    continue
                }
                let d = binary(.add, binary(.sub, s.base, x.base), const32(delta))
                let near = emit(Op(.setcond, .i32, dst: newValue(.i32), a: binary(.add, d, const32(15)), b: const32(31),
                                   aux: IR.Condition.ltu.rawValue), before: true)
                let apart = emit(Op(.setcond, .i32, dst: newValue(.i32), a: d, b: zero, aux: IR.Condition.ne.rawValue), before: true)
                out(.ne, binary(.and, near, apart), zero)
            }
        }

        // The vector loop's end: every induction variable a pass on, and back.
        for v in strides.keys.sorted() {
            let value = Value(v)
            let step = const32((strides[v] ?? 0) &* lanesPerPass, before: false)
            body.append(Op(.add, .i32, dst: value, a: value, b: step))
        }
        body.append(Op(.brcond, .i32, a: iv, b: vectorBound, imm: vectorHead, aux: IR.Condition.ne.rawValue))
        // Its start: an exit request goes to the scalar loop before a pass raises any flag of
        // iterations the request may keep from running.
        var start: [Op] = []
        if let request = exitRequest {
            let flag = newValue(request.type), none = newValue(request.type)
            start = [Op(.loadState, request.type, dst: flag, imm: request.imm), Op(.const_, request.type, dst: none),
                     Op(.brcond, request.type, a: flag, b: none, imm: vectorExit, aux: IR.Condition.ne.rawValue)]
        }

        var result = Array(ops[0..<head])
        result.reserveCapacity(ops.count + before.count + splatOps.count + body.count + 1)
        result += before
        result += splatOps
        result.append(Op(.label, .i32, imm: vectorHead))
        result += start
        result += body
        if !reductions.isEmpty { result += reduced() }
        result += ops[head...]
        return result
    }

    // MARK: The shape

    /// Finds the loop and counts definitions and uses; false when the block has no loop of the
    /// shape.
    mutating func findLoop() -> Bool {
        guard let h = ops.firstIndex(where: { $0.opcode == .label }), h > 0 else { return false }
        for i in 0..<h where ops[i].opcode == .brcond || ops[i].opcode == .br || ops[i].opcode.isTerminal {
            return false
        }
        head = h
        let headLabel = ops[h].imm
        for (i, op) in ops.enumerated() {
            if op.opcode == .label, op.imm < UInt64(labelAt.count) { labelAt[Int(op.imm)] = i }
            if (op.opcode == .br || op.opcode == .brcond) && op.imm == headLabel { end = i }
        }
        guard end > h + 1, ops[end].opcode == .brcond, ops[end].type == .i32,
              ops[end].aux == IR.Condition.ne.rawValue else { return false }
        let n = valueTypes.count
        for (i, op) in ops.enumerated() {
            for v in [op.a, op.b, op.c] where Int(v.index) < n { uses[Int(v.index)] &+= 1 }
            guard op.opcode.hasResult, Int(op.dst.index) < n else { continue }
            let d = Int(op.dst.index)
            if i < h { definedBefore[d] = true }
            if i > h && i < end {
                definitionsInBody[d] = min(definitionsInBody[d] + 1, 2)
                definedAt[d] = i
            }
        }
        // Constants: values defined exactly once in the block, by a const.
        var definitions = [UInt8](repeating: 0, count: n)
        for op in ops where op.opcode.hasResult && Int(op.dst.index) < n {
            definitions[Int(op.dst.index)] = min(definitions[Int(op.dst.index)] + 1, 2)
        }
        for op in ops where op.opcode == .const_ && Int(op.dst.index) < n && definitions[Int(op.dst.index)] == 1 {
            constant[Int(op.dst.index)] = op.imm
        }
        // Every branch to the head is the one at `end`; nothing outside branches into the body.
        for (i, op) in ops.enumerated() where op.opcode == .br || op.opcode == .brcond {
            guard op.imm < UInt64(labelAt.count) else { return false }
            let target = labelAt[Int(op.imm)]
            if target == h && i != end { return false }
            if (i < h || i > end) && target > h && target <= end { return false }
        }
        return true
    }

    func constantOf(_ v: Value) -> UInt64? { Int(v.index) < constant.count ? constant[Int(v.index)] : nil }

    func inBody(_ v: Value) -> Bool { Int(v.index) < definitionsInBody.count && definitionsInBody[Int(v.index)] > 0 }

    /// Whether body op i is `iv = add iv, constant` (or sub), iv also defined before the loop.
    func isInduction(_ op: Op) -> Bool {
        (op.opcode == .add || op.opcode == .sub) && op.type == .i32 && op.dst == op.a && constantOf(op.b) != nil
            && definitionsInBody[Int(op.dst.index)] == 1 && definedBefore[Int(op.dst.index)]
    }

    // MARK: Lanes

    /// The lane size the element size gives.
    var laneSize: LaneSize {
        switch elementBytes {
        case 2: .i16
        case 4: .i32
        default: .i64
        }
    }

    /// The v128 whose lanes are `v` in the vector loop: its own lanes, or a splat of a value the
    /// loop does not change (a constant, or a value defined only before the loop).
    mutating func lanesOf(_ v: Value) -> Value? {
        if let x = lanes[v.index] { return x }
        guard Int(v.index) < valueTypes.count, elementBytes > 0 else { return nil }
        if let s = splats[v.index] { return s }
        let scalar: IRType = elementBytes == 8 ? .i64 : .i32
        let bits: Value
        if let k = constantOf(v) {
            let s = splat(k)
            splats[v.index] = s
            return s
        } else if !inBody(v) {
            let type = valueTypes[Int(v.index)]
            guard type.bits >= elementBytes * 8, type != .v128 else { return nil }
            if type.isFloat {
                guard type.bits == elementBytes * 8 else { return nil }
                bits = emit(Op(.bitcast, scalar, dst: newValue(scalar), a: v), before: true)
            } else {
                guard type.bits == scalar.bits else { return nil }
                bits = v
            }
        } else {
            return nil
        }
        let s = emit(Op(.vdup, .v128, dst: newValue(.v128), a: bits, aux: laneSize.rawValue), before: true)
        splats[v.index] = s
        return s
    }

    /// The pshufb indices that reverse each element's bytes (a big-endian guest's elements).
    mutating func byteOrder() -> Value {
        if !byteOrderMask.isNone { return byteOrderMask }
        let (low, high): (UInt64, UInt64) = switch elementBytes {
        case 2: (0x0607_0405_0203_0001, 0x0e0f_0c0d_0a0b_0809)
        case 4: (0x0405_0607_0001_0203, 0x0c0d_0e0f_0809_0a0b)
        default: (0x0001_0203_0405_0607, 0x0809_0a0b_0c0d_0e0f)
        }
        let l = emit(Op(.const_, .i64, dst: newValue(.i64), imm: low), before: true)
        let h = emit(Op(.const_, .i64, dst: newValue(.i64), imm: high), before: true)
        let d = emit(Op(.vdup, .v128, dst: newValue(.v128), a: l, aux: LaneSize.i64.rawValue), before: true)
        byteOrderMask = emit(Op(.vinsert, .v128, dst: newValue(.v128), a: d, b: h, imm: 1, aux: LaneSize.i64.rawValue), before: true)
        return byteOrderMask
    }

    /// A load or store's element: size, byte order, base and offset from the base's value at
    /// the iteration's start. Nil when it is not a stream access.
    mutating func stream(_ op: Op) -> (base: Value, offset: UInt32, memop: MemOp)? {
        let m = MemOp(rawValue: op.aux)
        // The base: an induction variable, or a copy of one plus a constant.
        let (base, from): (UInt32, UInt32)
        if let s = strides[op.a.index] {
            (base, from) = (op.a.index, advanced.contains(op.a.index) ? s : 0)
        } else if let alias = aliases[op.a.index] {
            (base, from) = (alias.iv, alias.offset)
        } else {
            return nil
        }
        guard !m.isVector, m.size >= 2, strides[base] == UInt32(m.size) else { return nil }
        if elementBytes == 0 { elementBytes = m.size }
        guard elementBytes == m.size, bigEndian == nil || bigEndian == m.isBigEndian else { return nil }
        bigEndian = m.isBigEndian
        return (Value(base), UInt32(truncatingIfNeeded: op.imm) &+ from, m)
    }

    /// Induction variables updated through a copy, as the ARM translator writes them:
    /// `t = add iv, k` ... `iv = mov t` (a post-indexed load's writeback, the load between
    /// reading iv), and `c = mov iv` ... `iv = sub c, k` (`subs`, whose flags read the copy).
    /// t and c are the variable's value at the iteration's start plus k, and plus 0.
    mutating func findUpdatesThroughCopies() {
        for i in (head + 1)..<end where updates[i] == nil && !taken.contains(i) {
            let op = ops[i]
            let iv = Int(op.dst.index)
            guard op.opcode.hasResult, iv < valueTypes.count, op.type == .i32, definedBefore[iv],
                  definitionsInBody[iv] == 1, let j = definition(op.a), j < i else { continue }
            let source = ops[j]
            if op.opcode == .mov && source.opcode == .add && source.a == op.dst, let k = constantOf(source.b),
               uses[Int(op.a.index)] >= 1 {
                strides[op.dst.index] = UInt32(truncatingIfNeeded: k)
                aliases[op.a.index] = (op.dst.index, UInt32(truncatingIfNeeded: k))
            } else if op.opcode == .add || op.opcode == .sub, source.opcode == .mov && source.a == op.dst,
                      let k = constantOf(op.b) {
                let step = UInt32(truncatingIfNeeded: k)
                strides[op.dst.index] = op.opcode == .sub ? 0 &- step : step
                aliases[op.a.index] = (op.dst.index, 0)
            } else {
                continue
            }
            updates[i] = op.dst.index
            aliasDefinitions.insert(j)
        }
    }

    // MARK: The body

    /// The vector loop's body, op by op; false when an op does not qualify.
    mutating func vectorizeBody() -> Bool {
        for i in (head + 1)..<end where isInduction(ops[i]) {
            let k = UInt32(truncatingIfNeeded: constantOf(ops[i].b) ?? 0)
            strides[ops[i].dst.index] = ops[i].opcode == .sub ? 0 &- k : k
            updates[i] = ops[i].dst.index
        }
        findUpdatesThroughCopies()
        guard !strides.isEmpty else { return false }
        takeRarePaths()
        findReductions()
        vectorExit = reductionCandidates.isEmpty ? ops[head].imm : newLabel()
        for i in (head + 1)..<end where !taken.contains(i) {
            guard vectorize(ops[i], at: i) else { return false }
        }
        return elementBytes > 0 && (stored || !reductions.isEmpty)
    }

    mutating func vectorize(_ op: Op, at i: Int) -> Bool {
        // An induction variable's update, or a copy that names it plus a constant: in the vector
        // loop the variables advance at the end of a pass.
        if let v = updates[i] {
            advanced.insert(v)
            return true
        }
        if aliasDefinitions.contains(i) { return true }
        if let other = reductionCandidates[i] { return vectorizeReduction(op, other) }
        let n = valueTypes.count
        if op.opcode.hasResult && Int(op.dst.index) < n {
            // Defined once, in the body: nothing carries it from one iteration to the next.
            if definedBefore[Int(op.dst.index)] || definitionsInBody[Int(op.dst.index)] != 1 { return false }
        }
        switch op.opcode {
        case .insnStart:
            body.append(op)
        case .const_:
            break
        case .load:
            guard !stored, op.type != .v128, let (base, offset, m) = stream(op) else { return false }
            var x = emit(Op(.load, .v128, dst: newValue(.v128), a: base, imm: UInt64(offset),
                            aux: MemOp.v128(alignment: m.size, aligned: m.mustBeAligned).rawValue))
            if m.isBigEndian { x = emit(Op(.vshuffle, .v128, dst: newValue(.v128), a: x, b: byteOrder())) }
            lanes[op.dst.index] = x
            streams.append((base, offset, false))
        case .store:
            guard op.type != .v128, let (base, offset, m) = stream(op), var x = lanesOf(op.b) else { return false }
            if m.isBigEndian { x = emit(Op(.vshuffle, .v128, dst: newValue(.v128), a: x, b: byteOrder())) }
            body.append(Op(.store, .v128, a: base, b: x, imm: UInt64(offset),
                           aux: MemOp.v128(alignment: m.size, aligned: m.mustBeAligned).rawValue))
            streams.append((base, offset, true))
            stored = true
        case .fadd, .fsub, .fmul, .fdiv:
            guard op.type.bits == elementBytes * 8, let x = lanesOf(op.a), let y = lanesOf(op.b) else { return false }
            let opcode: Opcode = switch op.opcode {
            case .fadd: .vfadde
            case .fsub: .vfsube
            case .fmul: .vfmule
            default: .vfdive
            }
            lanes[op.dst.index] = emit(Op(opcode, .v128, dst: newValue(.v128), a: x, b: y,
                                          aux: laneSize.rawValue | op.aux << 2))
        case .add, .sub, .mul, .and, .or, .xor:
            guard op.type == .i32, elementBytes <= 4, op.opcode != .mul || elementBytes >= 2,
                  lanes[op.a.index] != nil || lanes[op.b.index] != nil,
                  let x = lanesOf(op.a), let y = lanesOf(op.b) else { return false }
            let (opcode, aux): (Opcode, UInt8) = switch op.opcode {
            case .add: (.vadd, laneSize.rawValue)
            case .sub: (.vsub, laneSize.rawValue)
            case .mul: (.vmul, laneSize.rawValue)
            case .and: (.vand, 0)
            case .or: (.vor, 0)
            default: (.vxor, 0)
            }
            lanes[op.dst.index] = emit(Op(opcode, .v128, dst: newValue(.v128), a: x, b: y, aux: aux))
        case .shl:
            // By a constant: a product with 2^k, whose low lane bits are the shift's (the count
            // is taken modulo 32; 2^k truncated to a lane is 0 when k is at least its width).
            guard op.type == .i32, elementBytes == 2 || elementBytes == 4, let x = lanes[op.a.index],
                  let k = constantOf(op.b) else { return false }
            lanes[op.dst.index] = emit(Op(.vmul, .v128, dst: newValue(.v128), a: x, b: splat(1 << (k & 31)),
                                          aux: laneSize.rawValue))
        case .mov:
            guard let x = lanes[op.a.index] else { return false }
            lanes[op.dst.index] = x
        case .loadState:
            // The exit-request test: its only use is a branch out, run once per pass instead.
            guard volatile.contains(op.imm), uses[Int(op.dst.index)] == 1 else { return false }
            exitRequest = op
        case .fsetcond:
            // Its only use is the branch out that follows: handled there.
            guard uses[Int(op.dst.index)] == 1 else { return false }
        case .brcond:
            if let check = tinyChecks[i] { return vectorizeTinyCheck(check.value, wide: check.wide) }
            return vectorizeCheck(op)
        default:
            return false
        }
        return true
    }

    /// A branch out of the loop inside its body, as "does any lane take it": out to the
    /// scalar loop.
    mutating func vectorizeCheck(_ op: Op) -> Bool {
        guard op.imm < UInt64(labelAt.count), labelAt[Int(op.imm)] > end || labelAt[Int(op.imm)] < head,
              constantOf(op.b) == 0, Int(op.a.index) < valueTypes.count else { return false }
        let defined = definedAt[Int(op.a.index)]
        guard defined > head else { return false }
        let test = ops[defined]
        if test.opcode == .loadState { return exitRequest != nil && op.aux == IR.Condition.ne.rawValue }
        guard !stored, test.opcode == .fsetcond, test.type.bits == elementBytes * 8,
              op.aux == IR.Condition.ne.rawValue || op.aux == IR.Condition.eq.rawValue,
              var cond = FloatCondition(rawValue: test.aux) else { return false }
        if op.aux == IR.Condition.eq.rawValue {
            // Taken when the comparison fails: the lanes where its opposite holds.
            switch cond {
            case .oeq: cond = .une
            case .une: cond = .oeq
            case .uno: cond = .ord
            case .ord: cond = .uno
            default: return false
            }
        }
        guard [.oeq, .une, .uno, .ord].contains(cond), let x = lanesOf(test.a), let y = lanesOf(test.b) else { return false }
        let mask = emit(Op(.vfcmp, .v128, dst: newValue(.v128), a: x, b: y, aux: laneSize.rawValue | cond.rawValue << 2))
        leaveIfAny(mask)
        return true
    }

    /// Out to the scalar loop when any bit of `mask` is set.
    mutating func leaveIfAny(_ mask: Value) {
        let any = emit(Op(.vtest, .i32, dst: newValue(.i32), a: mask, b: mask))
        let zero = const32(0, before: false)
        body.append(Op(.brcond, .i32, a: any, b: zero, imm: vectorExit, aux: IR.Condition.ne.rawValue,
                       aux2: BranchHint.coldFallThrough.rawValue))
    }

    /// ARM's tininess test (Translator+VFP, `tinyBeforeRounding`): bits = bitcast x;
    /// r = rotl bits, 12 (9); o = or r, 0x800 (0x100); brcond ne o, 0x801 (0x101) over a rare
    /// path, hinted cold. In the vector loop: any lane ±(smallest normal) leaves. The ops are
    /// taken here, the check emitted where the branch is.
    mutating func takeRarePaths() {
        for i in (head + 1)..<end where ops[i].opcode == .brcond && ops[i].aux2 == BranchHint.coldFallThrough.rawValue {
            let branch = ops[i]
            guard branch.imm < UInt64(labelAt.count), branch.aux == IR.Condition.ne.rawValue else { continue }
            let resume = labelAt[Int(branch.imm)]
            guard resume > i, resume < end,
                  let or = definition(branch.a), ops[or].opcode == .or,
                  let rotate = definition(ops[or].a), ops[rotate].opcode == .rotl,
                  let cast = definition(ops[rotate].a), ops[cast].opcode == .bitcast else { continue }
            let wide = ops[cast].type == .i64
            let (amount, sign, match): (UInt64, UInt64, UInt64) = wide ? (12, 0x800, 0x801) : (9, 0x100, 0x101)
            guard constantOf(ops[rotate].b) == amount, constantOf(ops[or].b) == sign, constantOf(branch.b) == match,
                  [cast, rotate, or].allSatisfy({ uses[Int(ops[$0].dst.index)] == 1 }) else { continue }
            // The rare path defines nothing used past it.
            let rare = (i + 1)..<resume
            guard !rare.contains(where: { k in
                ops[k].opcode.hasResult && !ops[k].dst.isNone && usedOutside(ops[k].dst, rare)
            }) else { continue }
            taken.formUnion([cast, rotate, or, resume])
            taken.formUnion(rare)
            tinyChecks[i] = (ops[cast].a, wide)
        }
    }

    /// The tininess test of the branch at op i: out when any lane of x is ±(smallest normal).
    mutating func vectorizeTinyCheck(_ x: Value, wide: Bool) -> Bool {
        guard !stored, elementBytes == (wide ? 8 : 4), let v = lanes[x.index] else { return false }
        let (magnitude, smallest): (UInt64, UInt64) = wide ? (0x7fff_ffff_ffff_ffff, 0x0010_0000_0000_0000) : (0x7fff_ffff, 0x0080_0000)
        let m = splat(magnitude), s = splat(smallest)
        let t = emit(Op(.vand, .v128, dst: newValue(.v128), a: v, b: m))
        leaveIfAny(emit(Op(.vcmpeq, .v128, dst: newValue(.v128), a: t, b: s, aux: laneSize.rawValue)))
        return true
    }

    /// Every lane = the constant bits k, made before the loop.
    mutating func splat(_ k: UInt64) -> Value {
        let scalar: IRType = elementBytes == 8 ? .i64 : .i32
        let bits = emit(Op(.const_, scalar, dst: newValue(scalar), imm: k), before: true)
        return emit(Op(.vdup, .v128, dst: newValue(.v128), a: bits, aux: laneSize.rawValue), before: true)
    }

    /// Integer reductions `s = op s, x` (add, xor, or, and: their order does not change the
    /// result modulo 2^32) where s lives across iterations and the loop reads it nowhere else:
    /// op index -> x. Each keeps a v128 of partial results over the vector loop, folded into s
    /// on every way from it to the scalar loop (`vectorExit`, the block `reduced` makes).
    var reductionCandidates: [Int: Value] = [:]
    var reductions: [(value: Value, opcode: Opcode, accumulator: Value)] = []
    var vectorExit: UInt64 = 0

    mutating func findReductions() {
        for i in (head + 1)..<end where updates[i] == nil && !taken.contains(i) {
            let op = ops[i]
            guard [Opcode.add, .xor, .or, .and].contains(op.opcode), op.type == .i32, op.dst == op.a || op.dst == op.b,
                  op.a != op.b, Int(op.dst.index) < valueTypes.count, definedBefore[Int(op.dst.index)],
                  definitionsInBody[Int(op.dst.index)] == 1, strides[op.dst.index] == nil else { continue }
            // The loop reads s only here.
            let s = op.dst
            guard !((head + 1)..<end).contains(where: { $0 != i && (ops[$0].a == s || ops[$0].b == s || ops[$0].c == s) })
            else { continue }
            reductionCandidates[i] = op.dst == op.a ? op.b : op.a
        }
    }

    mutating func vectorizeReduction(_ op: Op, _ other: Value) -> Bool {
        guard elementBytes == 4, lanes[other.index] != nil, let x = lanesOf(other) else { return false }
        let identity: UInt64 = op.opcode == .and ? 0xffff_ffff : 0
        let accumulator = newValue(.v128)
        before.append(Op(.vdup, .v128, dst: accumulator, a: const32(UInt32(identity)), aux: LaneSize.i32.rawValue))
        let (opcode, aux): (Opcode, UInt8) = switch op.opcode {
        case .add: (.vadd, LaneSize.i32.rawValue)
        case .xor: (.vxor, 0)
        case .or: (.vor, 0)
        default: (.vand, 0)
        }
        body.append(Op(opcode, .v128, dst: accumulator, a: accumulator, b: x, aux: aux))
        reductions.append((op.dst, op.opcode, accumulator))
        return true
    }

    /// The block every way from the vector loop to the scalar one goes through: each
    /// reduction's lanes folded into its value.
    mutating func reduced() -> [Op] {
        var out = [Op(.label, .i32, imm: vectorExit)]
        for r in reductions {
            var total = Value.none
            for lane in 0..<4 {
                let e = newValue(.i32)
                out.append(Op(.vextract, .i32, dst: e, a: r.accumulator, imm: UInt64(lane), aux: LaneSize.i32.rawValue))
                if total.isNone {
                    total = e
                } else {
                    let t = newValue(.i32)
                    out.append(Op(r.opcode, .i32, dst: t, a: total, b: e))
                    total = t
                }
            }
            out.append(Op(r.opcode, .i32, dst: r.value, a: r.value, b: total))
        }
        return out
    }

    /// Op index -> the induction variable it updates.
    var updates: [Int: UInt32] = [:]
    /// Values that are an induction variable's value at the iteration's start plus a constant,
    /// and the ops that define them.
    var aliases: [UInt32: (iv: UInt32, offset: UInt32)] = [:]
    var aliasDefinitions: Set<Int> = []

    /// ARM's tininess tests: the branch's op index -> the float it tests.
    var tinyChecks: [Int: (value: Value, wide: Bool)] = [:]

    func definition(_ v: Value) -> Int? {
        guard Int(v.index) < definedAt.count, definitionsInBody[Int(v.index)] == 1, !definedBefore[Int(v.index)] else { return nil }
        return definedAt[Int(v.index)]
    }

    func usedOutside(_ v: Value, _ range: Range<Int>) -> Bool {
        ops.indices.contains { !range.contains($0) && (ops[$0].a == v || ops[$0].b == v || ops[$0].c == v) }
    }
}

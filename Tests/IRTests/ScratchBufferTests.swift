// ScratchBuffer, the reusable tables of the passes and the code generator, and the constants
// IR spells as computed properties (so other modules inline them) agreeing with their
// definitions.

import IR
import Testing
import TestTools

@Suite("ScratchBuffer")
struct ScratchBufferTests {
    @Test("reset, append, grow, remove and pop keep the elements a list would")
    func listOperations() {
        var buffer = ScratchBuffer<Int>(capacity: 2)
        var model: [Int] = []
        var rng = SplitMix64(seed: 7)
        for step in 0..<2000 {
            switch rng.next() % 7 {
            case 0, 1, 2:
                let x = Int(rng.next() % 1000)
                buffer.append(x)
                model.append(x)
            case 3:
                if !model.isEmpty {
                    let i = Int(rng.next() % UInt64(model.count))
                    buffer.remove(at: i)
                    model.remove(at: i)
                }
            case 4:
                if !model.isEmpty {
                    let i = Int(rng.next() % UInt64(model.count))
                    buffer.swapRemove(at: i)
                    model.swapAt(i, model.count - 1)
                    model.removeLast()
                }
            case 5:
                #expect(buffer.popLast() == model.popLast())
            default:
                if step % 50 == 0 {
                    let n = Int(rng.next() % 300)
                    buffer.reset(count: n, to: step)
                    model = Array(repeating: step, count: n)
                } else {
                    let n = model.count + Int(rng.next() % 5)
                    buffer.extend(to: n, with: -step)
                    model += Array(repeating: -step, count: n - model.count)
                }
            }
            #expect(buffer.count == model.count)
            #expect((0..<buffer.count).map { buffer[$0] } == model)
        }
    }

    @Test("the named memops and helper effects are what their definitions say")
    func namedConstants() {
        #expect(MemOp.u8 == MemOp(size: 1) && MemOp.s8 == MemOp(size: 1, signed: true))
        #expect(MemOp.u16 == MemOp(size: 2) && MemOp.s16 == MemOp(size: 2, signed: true))
        #expect(MemOp.u32 == MemOp(size: 4) && MemOp.s32 == MemOp(size: 4, signed: true))
        #expect(MemOp.u64 == MemOp(size: 8))
        #expect(HelperEffects.all == [.readsState, .writesState, .touchesMemory])
        #expect(HelperEffects.pure.isEmpty)
        #expect(Value.none.isNone && Value.none.index == UInt32.max)
    }
}

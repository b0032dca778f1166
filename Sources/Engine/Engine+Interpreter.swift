// The run loop of the interpreter backend: interpret a block, follow its exit.

import IR
import IRInterpreter

extension Engine {
    func runInterpreter(state: UnsafeMutableRawPointer) -> (reason: ExitReason, payload: UInt64) {
        let chaining = !log.enabled(.nochain)
        let logExec = log.enabled(.exec)
        let exitFlag = state + frontend.exitRequestOffset
        var current = block(for: frontend.blockKey(state: UnsafeRawPointer(state)))
        while true {
            if exitFlag.load(as: UInt32.self) != 0 { return (.exitRequest, 0) }
            let entry = cache.entries[Int(current)]
            if logExec { logExecution(entry.key) }
            guard let prepared = entry.block else { return (.undefined, 0) }
            if prepared.valueCount > registerCapacity { growRegisters(prepared.valueCount) }
            switch Interpreter.run(prepared, state: state, memory: memoryBase, registers: registers) {
            case .chain(let slot):
                let linked = cache.link(from: current, slot: slot)
                if chaining && linked >= 0 {
                    current = linked
                    continue
                }
                let next = block(for: frontend.blockKey(state: UnsafeRawPointer(state)))
                if chaining { cache.setLink(from: current, slot: slot, to: next) }
                current = next
            case .lookup(let pc, let flags):
                current = block(for: BlockKey(pc: pc, flags: flags))
            case .exit(let reason, let payload):
                return (reason, payload)
            }
        }
    }
}

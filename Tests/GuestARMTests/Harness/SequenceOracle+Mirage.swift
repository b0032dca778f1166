// The Mirage half of the sequence oracle: one sequence run from an ARMRecord start state on
// either backend (GuestMachine.run(on:jit:)), compared with qemu-arm's end state, and the
// report for a disagreement, made on the sequence reduced to the fewest instructions that
// still disagree (each candidate goes through qemu-arm again).

import TestBackends
import TestTools

extension SequenceOracle {
    /// A run ends at the end of the code: anything else (an undefined instruction, a block the
    /// JIT refused) is a difference of its own.
    struct MirageRun {
        var state: ARMRecord
        var run: BackendRun
        var problem: String? {
            if let e = run.error { return "run failed: \(e)" }
            return run.end == .left ? nil : "run ended with \(run.end)"
        }
    }

    static func mirage(_ code: [UInt8], thumb: Bool, start: ARMRecord, on backend: Backend, jit: JITRunner,
                       maxInstructions: Int) -> MirageRun {
        let m = GuestMachine(code: code, thumb: thumb)
        start.load(into: m)
        let run = m.run(on: backend, jit: backend == .jit ? jit : nil, maxInstructions: maxInstructions)
        return MirageRun(state: ARMRecord(m, mxcsr: run.mxcsr), run: run)
    }

    /// The differences of each backend's run from `expected` (empty when both agree).
    static func differences(_ code: [UInt8], thumb: Bool, start: ARMRecord, expected: ARMRecord, jit: JITRunner,
                            maxInstructions: Int, allowing gaps: MirageGaps) -> [(Backend, [String])] {
        Backend.allCases.compactMap { backend in
            let r = mirage(code, thumb: thumb, start: start, on: backend, jit: jit, maxInstructions: maxInstructions)
            let found = (r.problem.map { [$0] } ?? []) + r.state.differences(from: expected, allowing: gaps)
            return found.isEmpty ? nil : (backend, found)
        }
    }

    /// Whether `lines` from `start` still disagrees with qemu-arm on either backend (false when
    /// the candidate does not assemble or qemu-arm cannot run it).
    static func disagrees(_ lines: [String], thumb: Bool, start: ARMRecord, jit: JITRunner, maxInstructions: Int,
                          allowing gaps: MirageGaps) -> Bool {
        guard let code = try? Assembler.assemble(lines.joined(separator: "\n"), thumb: thumb),
              let expected = try? run([lines], thumb: thumb, [(0, start)]).first else { return false }
        return !differences(code, thumb: thumb, start: start, expected: expected, jit: jit,
                            maxInstructions: maxInstructions, allowing: gaps).isEmpty
    }

    /// The report for `lines` that disagreed from the start state of `seed`.
    static func report(_ lines: [String], kind: InstructionClass, thumb: Bool, seed: UInt64, jit: JITRunner,
                       maxInstructions: Int, allowing gaps: MirageGaps) -> String {
        let start = ARMRecord.random(seed: seed, allowing: gaps)
        // Reduced by units an assembler takes alone: a Thumb IT block's instructions each with
        // an IT of their own when the split sequence still disagrees, else whole IT blocks.
        let split = itUnits(lines, split: true)
        let check = { (units: [String]) in
            disagrees(units.flatMap { $0.split(separator: "\n").map(String.init) }, thumb: thumb, start: start, jit: jit,
                      maxInstructions: maxInstructions, allowing: gaps)
        }
        let units = thumb ? (check(split) ? split : itUnits(lines, split: false)) : lines
        let reduced = reducedSequence(units, disagrees: check).flatMap { $0.split(separator: "\n").map(String.init) }
        var out = "\(thumb ? "Thumb" : "A32") \(kind) sequence disagrees with qemu-arm (start-state seed 0x\(String(seed, radix: 16)), maxInstructions \(maxInstructions))\n"
        out += "reduced to:\n" + reduced.map { "  " + $0 }.joined(separator: "\n") + "\n"
        if reduced != lines { out += "from:\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n" }
        out += "start state:\n" + start.summary + "\n"
        if let code = try? Assembler.assemble(reduced.joined(separator: "\n"), thumb: thumb),
           let expected = try? run([reduced], thumb: thumb, [(0, start)]).first {
            for (backend, found) in differences(code, thumb: thumb, start: start, expected: expected, jit: jit,
                                                maxInstructions: maxInstructions, allowing: gaps) {
                out += "\(backend) against qemu-arm:\n" + found.map { "  " + $0 }.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    /// `lines` as units: an IT instruction and the instructions it covers form one unit, or
    /// (`split`) each covered instruction becomes "it <its condition>" and itself.
    static func itUnits(_ lines: [String], split: Bool) -> [String] {
        var units: [String] = []
        var i = 0
        while i < lines.count {
            let words = lines[i].split(separator: " ")
            guard words.count == 2, words[0].hasPrefix("it"), words[0].count <= 5,
                  words[0].dropFirst(2).allSatisfy({ $0 == "t" || $0 == "e" }),
                  let cond = Reference.conditionNames.firstIndex(of: String(words[1])) else {
                units.append(lines[i])
                i += 1
                continue
            }
            let mask = Array(words[0].dropFirst(2))
            let covered = Array(lines[(i + 1)..<min(lines.count, i + 2 + mask.count)])
            if split {
                for (k, line) in covered.enumerated() {
                    let c = k == 0 || mask[k - 1] == "t" ? cond : cond ^ 1
                    units.append("it \(Reference.conditionNames[c])\n\(line)")
                }
            } else {
                units.append(([lines[i]] + covered).joined(separator: "\n"))
            }
            i += 1 + covered.count
        }
        return units
    }
}

// NEON alignment qualifiers (`[Rn:64]`, `:128`, `:256`, and the lane forms' `:16`, `:32`):
// the alignment each encoding demands, per form, as the ARM ARM's decode pseudocode gives it
// (A8.8.320-A8.8.331, A8.8.404-A8.8.415), the encodings it calls UNDEFINED, and the fault: an
// address off that alignment leaves before anything is loaded, stored or written back, with
// the address in ARMState.faultAddress, on both backends, in A32 and Thumb.

@testable import GuestARM
import IR
import Testing
import TestBackends

@Suite struct NEONAlignmentDecodeTests {
    /// VLDn/VSTn multiple structures: (structures, type, size, align) → bytes, nil UNDEFINED.
    @Test func multipleStructures() {
        let cases: [(UInt32, UInt32, UInt32, UInt32, UInt32?)] = [
            // VLD1: one register 64 bits at most, two 128, three 64, four 256 (A8.8.320).
            (1, 0b0111, 0, 0, 1), (1, 0b0111, 3, 1, 8), (1, 0b0111, 0, 2, nil), (1, 0b0111, 0, 3, nil),
            (1, 0b1010, 1, 1, 8), (1, 0b1010, 3, 2, 16), (1, 0b1010, 0, 3, nil),
            (1, 0b0110, 2, 1, 8), (1, 0b0110, 2, 2, nil), (1, 0b0110, 2, 3, nil),
            (1, 0b0010, 0, 0, 1), (1, 0b0010, 1, 1, 8), (1, 0b0010, 2, 2, 16), (1, 0b0010, 3, 3, 32),
            // VLD2 (A8.8.323): one register per member up to 128 bits, two up to 256; no 64-bit elements.
            (2, 0b1000, 0, 1, 8), (2, 0b1000, 0, 2, 16), (2, 0b1000, 0, 3, nil), (2, 0b1001, 1, 3, nil),
            (2, 0b1001, 1, 2, 16), (2, 0b0011, 2, 3, 32), (2, 0b0011, 0, 0, 1), (2, 0b1000, 3, 0, nil),
            // VLD3 (A8.8.326): 64 bits at most.
            (3, 0b0100, 0, 0, 1), (3, 0b0100, 0, 1, 8), (3, 0b0101, 2, 1, 8), (3, 0b0100, 0, 2, nil),
            (3, 0b0101, 1, 3, nil), (3, 0b0100, 3, 0, nil),
            // VLD4 (A8.8.329): any alignment, no 64-bit elements.
            (4, 0b0000, 0, 1, 8), (4, 0b0000, 1, 2, 16), (4, 0b0001, 2, 3, 32), (4, 0b0001, 3, 1, nil),
        ]
        for (structures, type, size, align, expected) in cases {
            #expect(NEONAlignment.multiple(structures: structures, type: type, size: size, align: align) == expected,
                    "VLD\(structures) type \(type) size \(size) align \(align)")
        }
    }

    /// VLDn/VSTn single lane: (structures, size, index_align) → bytes, nil UNDEFINED.
    @Test func singleLane() {
        let cases: [(UInt32, UInt32, UInt32, UInt32?)] = [
            // VLD1 (A8.8.321): 8-bit lanes no alignment; 16-bit :16; 32-bit :32 (index_align<1:0> = 11).
            (1, 0, 0b1110, 1), (1, 0, 0b0001, nil), (1, 1, 0b1100, 1), (1, 1, 0b0101, 2), (1, 1, 0b0010, nil),
            (1, 2, 0b1000, 1), (1, 2, 0b0011, 4), (1, 2, 0b0001, nil), (1, 2, 0b0010, nil), (1, 2, 0b0100, nil),
            (1, 3, 0, nil),
            // VLD2 (A8.8.324): :16, :32, :64.
            (2, 0, 0b0001, 2), (2, 0, 0b1110, 1), (2, 1, 0b0011, 4), (2, 1, 0b0010, 1), (2, 2, 0b0101, 8),
            (2, 2, 0b1100, 1), (2, 2, 0b0010, nil),
            // VLD3 (A8.8.327): never aligned.
            (3, 0, 0b1110, 1), (3, 0, 0b0001, nil), (3, 1, 0b0110, 1), (3, 1, 0b0001, nil), (3, 2, 0b1100, 1),
            (3, 2, 0b0001, nil), (3, 2, 0b0010, nil),
            // VLD4 (A8.8.330): :32, :64, and for 32-bit lanes :64 (01) or :128 (10).
            (4, 0, 0b0001, 4), (4, 0, 0b1110, 1), (4, 1, 0b0011, 8), (4, 1, 0b0010, 1), (4, 2, 0b0001, 8),
            (4, 2, 0b0010, 16), (4, 2, 0b1100, 1), (4, 2, 0b0011, nil),
        ]
        for (structures, size, ia, expected) in cases {
            #expect(NEONAlignment.lane(structures: structures, size: size, indexAlign: ia) == expected,
                    "VLD\(structures) lane size \(size) index_align \(ia)")
        }
    }

    /// VLDn to all lanes: (structures, size, a) → bytes, nil UNDEFINED.
    @Test func allLanes() {
        let cases: [(UInt32, UInt32, UInt32, UInt32?)] = [
            // VLD1 (A8.8.322): the element's size; 8-bit elements cannot ask for alignment.
            (1, 0, 0, 1), (1, 0, 1, nil), (1, 1, 1, 2), (1, 2, 1, 4), (1, 2, 0, 1), (1, 3, 0, nil),
            // VLD2 (A8.8.325): twice the element's size.
            (2, 0, 1, 2), (2, 1, 1, 4), (2, 2, 1, 8), (2, 2, 0, 1), (2, 3, 1, nil),
            // VLD3 (A8.8.328): never aligned.
            (3, 0, 0, 1), (3, 2, 0, 1), (3, 1, 1, nil), (3, 3, 0, nil),
            // VLD4 (A8.8.331): four 8-bit elements :32, 16-bit :64, 32-bit :64, or :128 as size 11.
            (4, 0, 1, 4), (4, 1, 1, 8), (4, 2, 1, 8), (4, 2, 0, 1), (4, 3, 1, 16), (4, 3, 0, nil),
        ]
        for (structures, size, a, expected) in cases {
            #expect(NEONAlignment.allLanes(structures: structures, size: size, a: a) == expected,
                    "VLD\(structures) all lanes size \(size) a \(a)")
        }
    }
}

@Suite(.enabled(if: Assembler.available, Assembler.missing))
struct NEONAlignmentFaultTests {
    static let data = GuestMachine.dataBase + 0x1000
    static let offsets: [UInt32] = [0, 1, 2, 4, 8, 16, 24]

    /// Instructions (on r0, with a nop before so the faulting pc is not the block's first),
    /// the alignment gas encodes for their hint, and the bytes they move. `:256` is 32 bytes
    /// (A8.8.320: 4 << align): qemu-arm 7.2 checks it as 16 and runs the +16 cases.
    static let forms: [(String, UInt32, UInt32)] = [
        ("vld1.64 {d0-d1}, [r0:128]!", 16, 16), ("vld1.8 {d0}, [r0:64]!", 8, 8),
        ("vld1.32 {d0-d3}, [r0:256]!", 32, 32), ("vld1.16 {d0-d2}, [r0:64]!", 8, 24),
        ("vld1.64 {d0-d1}, [r0]!", 1, 16), ("vst1.16 {d0-d1}, [r0:128]!", 16, 16),
        ("vst1.8 {d0-d3}, [r0:256]!", 32, 32), ("vld2.16 {d0-d1}, [r0:128]!", 16, 16),
        ("vld2.8 {d0-d3}, [r0:256]!", 32, 32), ("vst2.32 {d0, d2}, [r0:64]!", 8, 16),
        ("vld3.8 {d0-d2}, [r0:64]!", 8, 24), ("vst3.16 {d0, d2, d4}, [r0:64]!", 8, 24),
        ("vld4.32 {d0-d3}, [r0:256]!", 32, 32), ("vst4.16 {d0-d3}, [r0:128]!", 16, 32),
        ("vld1.16 {d0[1]}, [r0:16]!", 2, 2), ("vld1.32 {d0[1]}, [r0:32]!", 4, 4),
        ("vst1.32 {d0[0]}, [r0:32]!", 4, 4), ("vld2.8 {d0[3], d1[3]}, [r0:16]!", 2, 2),
        ("vld2.16 {d0[2], d1[2]}, [r0:32]!", 4, 4), ("vst2.32 {d0[1], d2[1]}, [r0:64]!", 8, 8),
        ("vld3.16 {d0[1], d1[1], d2[1]}, [r0]!", 1, 6), ("vld4.8 {d0[3], d1[3], d2[3], d3[3]}, [r0:32]!", 4, 4),
        ("vld4.16 {d0[1], d1[1], d2[1], d3[1]}, [r0:64]!", 8, 8),
        ("vst4.32 {d0[0], d1[0], d2[0], d3[0]}, [r0:128]!", 16, 16),
        ("vld1.16 {d0[], d1[]}, [r0:16]!", 2, 2), ("vld1.32 {d0[]}, [r0:32]!", 4, 4),
        ("vld2.8 {d0[], d1[]}, [r0:16]!", 2, 2), ("vld2.32 {d0[], d2[]}, [r0:64]!", 8, 8),
        ("vld4.8 {d0[], d1[], d2[], d3[]}, [r0:32]!", 4, 4), ("vld4.32 {d0[], d1[], d2[], d3[]}, [r0:64]!", 8, 16),
        ("vld4.32 {d0[], d1[], d2[], d3[]}, [r0:128]!", 16, 16), ("vld1.8 {d0}, [r0:64], r1", 8, 24),
    ]

    func machine(_ source: String, thumb: Bool, offset: UInt32) throws -> GuestMachine {
        let m = GuestMachine(code: try Assembler.assemble("nop\n" + source, thumb: thumb), thumb: thumb)
        for i in 0..<256 { m.store8(Self.data + UInt32(i), UInt8(0x40 + i % 192)) }
        for r in 0..<32 { m.setD(r, 0x0101_0101_0101_0101 &* UInt64(r + 1)) }
        m[0] = Self.data + offset
        m[1] = 24
        return m
    }

    @Test(arguments: [false, true])
    func faultsExactlyWhenMisaligned(thumb: Bool) throws {
        let jit = JITRunner()
        for (source, alignment, bytes) in Self.forms {
            for offset in Self.offsets {
                for backend in Backend.allCases {
                    let m = try machine(source, thumb: thumb, offset: offset)
                    let before = m.stateBytes, memory = m.bytes(Self.data, 256)
                    let address = Self.data + offset
                    let what = "\(source) at +\(offset) on \(backend)\(thumb ? " (Thumb)" : "")"
                    let run = m.run(on: backend, jit: backend == .jit ? jit : nil)
                    #expect(run.error == nil, "\(what): \(run.error ?? "")")
                    if offset % alignment != 0 {
                        #expect(run.end == .exit(.alignmentFault, payload: ARMState.faultAddressInState), "\(what)")
                        #expect(m.state.alignmentFaultAddress(payload: ARMState.faultAddressInState) == address, "\(what)")
                        #expect(m.state.pc == m.code.start + (thumb ? 2 : 4), "\(what): pc")
                        // Nothing else changed: registers (no writeback), D registers, memory.
                        var after = m.stateBytes
                        for i in 0..<4 {
                            after[ARMState.faultAddress + i] = before[ARMState.faultAddress + i]
                            after[ARMState.pc + i] = before[ARMState.pc + i]
                        }
                        #expect(after == before, "\(what): the state changed")
                        #expect(m.bytes(Self.data, 256) == memory, "\(what): memory changed")
                    } else {
                        #expect(run.end == .left, "\(what)")
                        #expect(m[0] == address + bytes, "\(what): writeback")
                    }
                }
            }
        }
    }

    /// A Thumb NEON access in an IT block whose condition fails does nothing, so no fault.
    @Test func conditionFailedDoesNotFault() throws {
        let m = GuestMachine(code: try Assembler.assemble("""
            cmp r0, #0
            it eq
            vld1eq.64 {d0-d1}, [r0:128]
            """, thumb: true), thumb: true)
        m[0] = Self.data + 8
        for backend in Backend.allCases {
            m.restart()
            #expect(m.run(on: backend, jit: backend == .jit ? JITRunner() : nil).end == .left, "\(backend)")
        }
    }

    /// Encodings whose alignment field the manual calls UNDEFINED are undefined instructions.
    @Test func reservedAlignmentsAreUndefined() {
        // A32 words, Rn = r0, Vd = d0, Rm = 15: VLD1 {d0} with align 10; VLD1 {d0-d1} with
        // align 11; VLD3 multiple with align 10; VLD1 lane size 10 index_align 0001; VLD3
        // all lanes with a = 1; VLD1 all lanes size 00 with a = 1; VLD4 all lanes size 11, a = 0.
        // (qemu-arm raises SIGILL for each as well.)
        let words: [UInt32] = [0xf420_072f, 0xf420_0a3f, 0xf420_042f, 0xf4a0_081f, 0xf4a0_0e1f, 0xf4a0_0c1f, 0xf4a0_0fcf]
        for word in words {
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
            let m = GuestMachine(code: bytes, thumb: false)
            m[0] = Self.data
            #expect(m.run() == .exit(.undefined, payload: UInt64(word)), "0x\(String(word, radix: 16))")
        }
    }
}

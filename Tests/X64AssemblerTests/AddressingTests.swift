// The ModRM/SIB/displacement special cases, byte by byte (Intel SDM Vol. 2, tables 2-2 and
// 2-3), then every base x index x scale x displacement class through objdump; and the REX
// rules of byte registers.

import Testing
@testable import X64Assembler

@Suite struct AddressingTests {
    /// `mov eax, dword ptr [...]` (8B /r) for each shape.
    @Test(arguments: [
        (Address(.rax), "8b 00"),
        (Address(.rsp), "8b 04 24"),                      // rm 100 needs a SIB, index none
        (Address(.r12), "41 8b 04 24"),                   // r12 is rsp's encoding with REX.B
        (Address(.rbp), "8b 45 00"),                      // mod 00 rm 101 is RIP: zero disp8
        (Address(.r13), "41 8b 45 00"),                   // likewise r13
        (Address(.rax, 127), "8b 40 7f"),
        (Address(.rax, -128), "8b 40 80"),
        (Address(.rax, 128), "8b 80 80 00 00 00"),
        (Address(.rax, -129), "8b 80 7f ff ff ff"),
        (Address(.rsp, 8), "8b 44 24 08"),
        (Address(.r12, 0x1000), "41 8b 84 24 00 10 00 00"),
        (Address(.rax, .rcx), "8b 04 08"),
        (Address(.rsp, .rax), "8b 04 04"),
        (Address(.rbp, .rax, .x4), "8b 44 85 00"),        // base 101 with mod 00 is "no base"
        (Address(.r13, .rax), "41 8b 44 05 00"),
        (Address(.rax, .r12, .x8), "42 8b 04 e0"),        // r12 can index: REX.X
        (Address(.r8, .r9, .x2, -1), "43 8b 44 48 ff"),
        (Address(index: .rcx, .x8), "8b 04 cd 00 00 00 00"),
        (Address(index: .r15, .x1, -8), "42 8b 04 3d f8 ff ff ff"),
        (Address.absolute(0x1000), "8b 04 25 00 10 00 00"),   // rm 101 alone would be RIP
        (Address.absolute(-16), "8b 04 25 f0 ff ff ff"),
        (Address.rip(-4), "8b 05 fc ff ff ff"),
    ] as [(Address, String)])
    func addressShapes(address: Address, expected: String) {
        #expect(hex(assemble { $0.mov(.eax, .dword(address)) }) == expected)
    }

    /// A register number's fourth bit lands in REX.R, .X or .B by its role.
    @Test func rexBits() {
        #expect(hex(assemble { $0.mov(.r8d, .dword(.rax)) }) == "44 8b 00")
        #expect(hex(assemble { $0.mov(.eax, .dword(.rax, .r8)) }) == "42 8b 04 00")
        #expect(hex(assemble { $0.mov(.eax, .dword(.r8)) }) == "41 8b 00")
        #expect(hex(assemble { $0.mov(.r15, .qword(.r14, .r13)) }) == "4f 8b 3c 2e")
    }

    /// spl, bpl, sil, dil exist only with a REX prefix, even an empty 0x40; ah..bh only without.
    @Test func byteRegisterREX() {
        #expect(hex(assemble { $0.mov(.al, .cl) }) == "88 c8")
        #expect(hex(assemble { $0.mov(.al, .spl) }) == "40 88 e0")
        #expect(hex(assemble { $0.mov(.dil, .al) }) == "40 88 c7")
        #expect(hex(assemble { $0.mov(.al, .ah) }) == "88 e0")
        #expect(hex(assemble { $0.mov(.bh, .dh) }) == "88 f7")
        #expect(hex(assemble { $0.mov(.byte(.rsi), .sil) }) == "40 88 36")
        #expect(hex(assemble { $0.mov(.byte(.rsi), .dh) }) == "88 36")
        #expect(hex(assemble { $0.mov(.r8b, .bpl) }) == "41 88 e8")
        #expect(hex(assemble { $0.movzx(.eax, .ah) }) == "0f b6 c4")
        #expect(hex(assemble { $0.movzx(.eax, .spl) }) == "40 0f b6 c4")
        #expect(hex(assemble { $0.setcc(.b, .sil) }) == "40 0f 92 c6")
        #expect(GPR.rsp.byte == .spl && GPR.r12.byte == .r12b && GPR8.ah.qword == .rax && GPR8.bh.qword == .rbx)
    }

    @Test func highByteWithREXTraps() async {
        await #expect(processExitsWith: .failure) {
            var assembler = Assembler()
            assembler.mov(.ah, .r8b)
        }
        await #expect(processExitsWith: .failure) {
            var assembler = Assembler()
            assembler.mov(.byte(.r9), .ch)
        }
        await #expect(processExitsWith: .failure) {
            _ = Address(.rax, .rsp)
        }
    }

    /// Every base, index and scale, each displacement class, read back by objdump.
    @Test func everyBaseIndexScaleThroughObjdump() throws {
        guard Objdump.isAvailable else {
            print("AddressingTests: skipped objdump check: no objdump on PATH")
            return
        }
        var addresses: [Address] = []
        for base in GPR.all {
            for displacement: Int32 in [0, 1, -128, 128, Int32.min] {
                addresses.append(Address(base, displacement))
                for index in GPR.all where index != .rsp {
                    for scale in [Scale.x1, .x2, .x4, .x8] {
                        addresses.append(Address(base, index, scale, displacement))
                    }
                }
            }
        }
        for index in GPR.all where index != .rsp {
            addresses.append(Address(index: index, .x4, -5))
        }
        addresses += [.absolute(0), .absolute(Int32.max), .rip(0), .rip(Int32.min)]

        var assembler = Assembler()
        var starts: [Int] = []
        for address in addresses {
            starts.append(assembler.position)
            assembler.mov(.r9, .qword(address))
        }
        let lines = try Objdump.disassemble(assembler.bytes)
        for (address, start) in zip(addresses, starts) {
            let expected = Instance.memoryText(address, width: 64)
            guard let line = lines[start], line.operands.count == 2 else {
                Issue.record("no instruction at \(start) for \(expected)")
                continue
            }
            #expect(line.mnemonic == "mov" && line.operands[0] == "r9", "\(line.text)")
            #expect(MemoryText(parsing: line.operands[1]) == expected, "\(line.text)")
        }
    }
}

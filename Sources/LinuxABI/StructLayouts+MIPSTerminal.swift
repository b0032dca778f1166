// MIPS o32 layouts of the terminal structs: the kernel's termios has 23 c_cc slots, and the old
// termio carries as many (of which the kernel uses the first 8); winsize is every arch's
// (StructLayouts+Common.swift). Facts from mips-linux-gnu-gcc (Tests/LinuxABITests/Layouts/
// layouts.c prints them; LinuxABITests compares).

extension MIPSO32 {
    static let terminalLayouts = StructLayouts([
        .termios: StructLayout("termios", size: 40, alignment: 4, [
            Field("c_iflag", 0, 4),
            Field("c_oflag", 4, 4),
            Field("c_cflag", 8, 4),
            Field("c_lflag", 12, 4),
            Field("c_line", 16, 1),
            Field("c_cc", 17, 1, count: 23),
        ]),
        .termio: StructLayout("termio", size: 32, alignment: 2, [
            Field("c_iflag", 0, 2),
            Field("c_oflag", 2, 2),
            Field("c_cflag", 4, 2),
            Field("c_lflag", 6, 2),
            Field("c_line", 8, 1, signed: true),
            Field("c_cc", 9, 1, count: 23),
        ]),
    ])
}

// The flags of a binfmt_misc entry, and what each asks of the interpreter.

/// F, P, C and O, as the kernel's registration string spells them.
public struct BinfmtFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// F (fix binary): the kernel opens the interpreter at registration, so it runs inside
    /// chroots and containers that do not have it; needs a static mirage.
    public static let fixBinary = BinfmtFlags(rawValue: 1)
    /// P (preserve argv[0]): the kernel passes the original argv[0] after the file name and
    /// says so in AT_FLAGS; without it argv[0] is lost and the guest sees the file name.
    public static let preserveArgv0 = BinfmtFlags(rawValue: 2)
    /// C (credentials): set-user-ID and capabilities come from the program, not mirage. The
    /// kernel implies O with it.
    public static let credentials = BinfmtFlags(rawValue: 4)
    /// O (open binary): the kernel opens the program and passes the descriptor in AT_EXECFD,
    /// so execute-only programs run.
    public static let openBinary = BinfmtFlags(rawValue: 8)

    private static let letters: [(Character, BinfmtFlags)] = [
        ("F", .fixBinary), ("P", .preserveArgv0), ("C", .credentials), ("O", .openBinary),
    ]

    /// From letters such as "FPC" (either case); nil on an unknown letter.
    public init?(letters text: String) {
        var flags: BinfmtFlags = []
        for c in text.uppercased() {
            guard let flag = Self.letters.first(where: { $0.0 == c })?.1 else { return nil }
            flags.insert(flag)
        }
        self = flags
    }

    /// The letters in the registration string's order.
    public var letters: String {
        String(Self.letters.filter { contains($0.1) }.map(\.0))
    }
}

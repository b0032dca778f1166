// `<prefix>Describer.swift`: a visitor printing `NAME field=value ...`, for decoder tests and
// as the fallback disassembly text.

extension Emitter {
    func describerFile() -> GeneratedFile {
        var out = header + "\n"
        out += """
            /// Renders a decoded word as `NAME field=value ...`: fields wider than 4 bits in hex,
            /// sign-extended fields with a sign. Accepts every pattern.
            public struct \(prefix)Describer: \(visitor) {
                public var text: String = ""

                public init() {}

            """
        var helpers: Set<String> = []
        for method in VisitorMethod.all(in: spec) {
            let parts = [method.name] + method.parameters.map { parameter in
                "\(parameter.name)=\\(\(render(parameter, helpers: &helpers)))"
            }
            out += "\n    public mutating func \(signature(method)) -> Bool {\n"
            out += "        self.text = \"\(parts.joined(separator: " "))\"\n"
            out += "        return true\n"
            out += "    }\n"
        }
        if helpers.contains("hex") {
            out += "\n    private static func hex(_ x: UInt32) -> String {\n"
            out += "        \"0x\" + String(x, radix: 16)\n"
            out += "    }\n"
        }
        if helpers.contains("signedHex") {
            out += "\n    private static func signedHex(_ x: UInt32) -> String {\n"
            out += "        let n = Int32(bitPattern: x)\n"
            out += "        return (n < 0 ? \"-0x\" : \"0x\") + String(n.magnitude, radix: 16)\n"
            out += "    }\n"
        }
        out += "}\n"
        return GeneratedFile(name: prefix + "Describer.swift", contents: out)
    }

    /// The interpolated expression for one argument; matches `VisitorMethod.format`.
    private func render(_ parameter: VisitorMethod.Parameter, helpers: inout Set<String>) -> String {
        switch (parameter.isSigned, parameter.isHex) {
        case (false, false):
            return parameter.name
        case (false, true):
            helpers.insert("hex")
            return "Self.hex(\(parameter.name))"
        case (true, false):
            return "Int32(bitPattern: \(parameter.name))"
        case (true, true):
            helpers.insert("signedHex")
            return "Self.signedHex(\(parameter.name))"
        }
    }
}

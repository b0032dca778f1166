// One visitor method per distinct pattern name, in order of first appearance, with what the
// describer needs to print each argument.

public struct VisitorMethod: Equatable, Sendable {
    public struct Parameter: Equatable, Sendable {
        public var name: String
        /// Printed in hex: some line gives it more than 4 bits (constants: value above 15).
        public var isHex: Bool
        /// Printed as a signed number: some line sign-extends it.
        public var isSigned: Bool
    }

    public var name: String
    public var parameters: [Parameter]

    /// The methods of `spec`. Lines sharing a name have the same argument names (the parser
    /// checks), so the first line gives the names and every line votes on the format.
    public static func all(in spec: Spec) -> [VisitorMethod] {
        var methods: [VisitorMethod] = []
        var index: [String: Int] = [:]
        for pattern in spec.patterns {
            let parameters = pattern.arguments.map { argument -> Parameter in
                switch argument.source {
                case .inline(let field), .reference(let field):
                    return Parameter(name: argument.name, isHex: field.width > 4, isSigned: field.isSigned)
                case .constant(let value):
                    return Parameter(name: argument.name, isHex: value > 15, isSigned: false)
                }
            }
            if let existing = index[pattern.name] {
                for (i, parameter) in parameters.enumerated() where i < methods[existing].parameters.count {
                    methods[existing].parameters[i].isHex = methods[existing].parameters[i].isHex || parameter.isHex
                    methods[existing].parameters[i].isSigned = methods[existing].parameters[i].isSigned || parameter.isSigned
                }
            } else {
                index[pattern.name] = methods.count
                methods.append(VisitorMethod(name: pattern.name, parameters: parameters))
            }
        }
        return methods
    }

    /// The text the generated describer produces for these argument values; the tests compare
    /// it with the compiled describer's output.
    public func describe(_ values: [UInt32]) -> String {
        var text = name
        for (parameter, value) in zip(parameters, values) {
            text += " \(parameter.name)=" + VisitorMethod.format(value, hex: parameter.isHex, signed: parameter.isSigned)
        }
        return text
    }

    static func format(_ value: UInt32, hex: Bool, signed: Bool) -> String {
        if signed {
            let number = Int32(bitPattern: value)
            let sign = number < 0 ? "-" : ""
            return sign + (hex ? "0x" + String(number.magnitude, radix: 16) : String(number.magnitude))
        }
        return hex ? "0x" + String(value, radix: 16) : String(value)
    }
}

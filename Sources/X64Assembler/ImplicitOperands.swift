// The implicit shift-count operands of the manual's rows (`SHL r/m32, CL`, `SHL r/m32, 1`):
// types of their own, so `a.shl(.eax, .cl)` reads like the manual and cannot take another
// register, and `a.shl(.eax, .one)` picks the short D1 form.

/// The implicit count register of shifts, rotates and SHLD/SHRD: `a.shl(.eax, .cl)`.
public enum CL: Sendable {
    case cl
}

/// The implicit count 1 of the short shift and rotate forms (D0/D1): `a.shl(.eax, .one)`.
public enum One: Sendable {
    case one
}

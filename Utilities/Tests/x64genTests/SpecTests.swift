import Testing
@testable import X64GenKit
@Test func placeholder() {}

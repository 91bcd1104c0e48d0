import XCTest
@testable import IAMKit

/// Name lookups against the plain definitions they replace: the eight-bytes-at-a-time lower-casing
/// hash and compare of `ActionNameTable`, and the resolver's same-service test by slot.
final class CatalogLookupFastPathTests: XCTestCase {
    let catalog = ActionCatalog.shared

    func testLower8AgreesWithGlobLower() {
        for c in UInt8(0)..<0x80 {
            for pos in 0..<8 {
                let filler = UInt8(ascii: pos % 2 == 0 ? "Q" : "z")
                var bytes = [UInt8](repeating: filler, count: 8)
                bytes[pos] = c
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let lowered = withUnsafeBytes(of: ActionNameTable.lower8(word)) { Array($0) }
                XCTAssertEqual(lowered, bytes.map(Glob.lower), "byte \(c) at \(pos)")
            }
        }
    }

    /// Any casing of a name hashes as its lower-cased bytes do (the table is built from those).
    func testHashIgnoresCase() {
        var rng = SystemRandomNumberGenerator()
        for name in ["", "a", "GetObject", "ListAllMyBuckets", "DescribeInstanceCreditSpecifications", "A1-B2_c3.D4:e5"] {
            let lower = Array(name.lowercased().utf8)
            for _ in 0..<20 {
                let mixed = name.utf8.map { Bool.random(using: &rng) ? Glob.lower($0) : ($0 &- 97 < 26 ? $0 - 32 : $0) }
                let h1 = mixed.withUnsafeBufferPointer { ActionNameTable.hashLowering($0) }
                let h2 = lower.withUnsafeBufferPointer { ActionNameTable.hashLowering($0) }
                XCTAssertEqual(h1, h2, name)
            }
        }
    }

    /// `name(_:isASCII:)` (the resolver's same-service test) against comparing lower-cased strings.
    func testNameIsASCIIAgreesWithLowercasedCompare() {
        guard let svc = catalog.service("ec2") else { return XCTFail("ec2") }
        let table = svc.names
        let probes = ["RunInstances", "runinstances", "RUNINSTANCES", "RunInstance", "RunInstancesX", "", "DescribeInstances"]
        for i in stride(from: 0, to: svc.actions.count, by: 37) {
            for p in probes + [svc.actions[i].name.uppercased()] {
                let got = Array(p.utf8).withUnsafeBufferPointer { table.name(i, isASCII: $0) }
                XCTAssertEqual(got, svc.actions[i].name.lowercased() == p.lowercased(), "\(i) \(p)")
            }
        }
    }

    /// The resolver (which keeps the last service's slot) against `service(_:)` and `action(named:)`.
    func testResolverAgreesWithPlainLookups() {
        var resolver = ActionCatalog.Resolver(catalog)
        let names = ["s3:GetObject", "S3:getobject", "s3:PutObject", "ec2:RunInstances", "EC2:runinstances", "ec2:Nope",
                     "s3x:GetObject", "s:GetObject", "s3:", ":GetObject", "ecr:BatchGetImage", "ecr:batchgetimage", "kms:Decrypt"]
        for _ in 0..<3 {
            for n in names {
                let parts = n.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let plain = parts.count == 2 ? catalog.service(String(parts[0]))?.action(named: String(parts[1])) : nil
                XCTAssertEqual(resolver.action(n)?.fullName, plain?.fullName, n)
            }
        }
    }
}

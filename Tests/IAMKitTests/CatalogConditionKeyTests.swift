import XCTest
@testable import IAMKit

final class CatalogConditionKeyTests: XCTestCase {
    let catalog = ActionCatalog.shared

    func testGlobalKeys() {
        for key in ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceVpc", "aws:SourceVpce",
                    "aws:PrincipalArn", "aws:RequestedRegion", "aws:SecureTransport", "aws:ViaAWSService",
                    "aws:CalledVia", "AWS:sourceaccount", "aws:PrincipalTag/team", "aws:ResourceTag/Env"] {
            XCTAssertTrue(GlobalConditionKeys.contains(key), key)
            XCTAssertTrue(catalog.conditionKeyKnown(key, forService: "ecr"), key)
        }
        XCTAssertFalse(GlobalConditionKeys.contains("aws:PrincipalTag/"))
        XCTAssertFalse(GlobalConditionKeys.contains("aws:SourceAcount"))
        XCTAssertNotNil(GlobalConditionKeys.info(for: "aws:sourcevpce"))
    }

    func testServiceKeys() {
        XCTAssertTrue(catalog.conditionKeyKnown("kms:ViaService", forService: "kms"))
        XCTAssertTrue(catalog.conditionKeyKnown("KMS:viaservice", forService: "kms"))
        XCTAssertFalse(catalog.conditionKeyKnown("kms:ViaService", forService: "ecr"))
        XCTAssertTrue(catalog.conditionKeyKnown("ecr:ResourceTag/team", forService: "ecr"))
        XCTAssertTrue(catalog.conditionKeyKnown("s3:ExistingObjectTag/classification", forService: "s3"))
        XCTAssertTrue(catalog.conditionKeyKnown("secretsmanager:SecretId", forService: "secretsmanager"))
        XCTAssertTrue(catalog.conditionKeyKnown("secretsmanager:ResourceTag/env", forService: "secretsmanager"))
        XCTAssertFalse(catalog.conditionKeyKnown("secretsmanager:NoSuchKey", forService: "secretsmanager"))
        XCTAssertTrue(catalog.conditionKeyExists("kms:ViaService"))
        XCTAssertFalse(catalog.conditionKeyExists("nosuch:Key"))
    }

    func testTemplateGlob() {
        XCTAssertEqual(ConditionKeyTemplate.glob(for: "aws:RequestTag/${TagKey}"), "aws:requesttag/?*")
        XCTAssertEqual(ConditionKeyTemplate.glob(for: "s3:ExistingObjectTag/<key>"), "s3:existingobjecttag/?*")
        XCTAssertEqual(ConditionKeyTemplate.glob(for: "secretsmanager:ResourceTag/tag-key"), "secretsmanager:resourcetag/?*")
        XCTAssertNil(ConditionKeyTemplate.glob(for: "aws:SourceVpce"))
    }

    /// The byte-level template glob (and its no-template prefilter) against the Character-walking
    /// definition it replaced, on every key of every service plus awkward spellings.
    func testTemplateGlobMatchesCharacterDefinition() {
        func reference(_ key: String) -> String? {
            if key.lowercased().hasSuffix("/tag-key") { return String(key.lowercased().dropLast(7)) + "?*" }
            guard key.utf8Contains("${") || key.utf8Contains("<") else { return nil }
            var out = "", inTemplate = false
            for ch in key.lowercased() {
                if inTemplate {
                    if ch == "}" || ch == ">" { inTemplate = false; out += "?*" }
                } else if ch == "$" || ch == "<" {
                    inTemplate = true
                } else if ch == "{" {
                    continue
                } else {
                    out.append(ch)
                }
            }
            return out
        }
        var keys = ["aws:RequestTag/${TagKey}", "A:B/${x}/c/<y>", "a:${unclosed", "a:$", "a:{x}", "a:B/TAG-KEY",
                    "a:/tag-key", "/tag-key", "tag-key", "", "a:Ünïcode/${K}", "a:İ/tag-key", "a:\r\n${x}", "a:<>"]
        for prefix in catalog.servicePrefixes {
            guard let svc = catalog.service(prefix) else { continue }
            keys += svc.conditionKeys.map(\.name)
            keys += svc.resourceTypes.flatMap(\.conditionKeys)
        }
        XCTAssertGreaterThan(keys.count, 2_000)
        for key in keys {
            XCTAssertEqual(ConditionKeyTemplate.glob(for: key), reference(key), key)
            if reference(key) != nil { XCTAssertTrue(ConditionKeyTemplate.mayBeTemplate(key), key) }
        }
    }
}

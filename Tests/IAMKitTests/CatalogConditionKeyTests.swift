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
}

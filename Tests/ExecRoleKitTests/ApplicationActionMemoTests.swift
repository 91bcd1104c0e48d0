@testable import ExecRoleKit
import IAMKit
import Testing

/// `ApplicationActionMemo.mayHit` rules items out before the memo is asked; it may only rule out
/// items for which `hits` is empty. Checked against every action of the catalog.
@Suite("Application-action memo")
struct ApplicationActionMemoTests {
    @Test func mayHitNeverRulesOutAHit() {
        let memo = ApplicationActionMemo()
        var ruledOut = 0, checked = 0
        for info in ActionCatalog.shared.expand("*") {
            for item in [info.fullName, info.fullName.lowercased(), info.fullName.uppercased()] {
                let key = ActionKey.item(item)
                guard key != ActionKey.none else { continue }
                checked += 1
                if !memo.mayHit(item, key: key) {
                    ruledOut += 1
                    #expect(memo.hits(item).isEmpty, "\(item) was ruled out but reaches \(memo.hits(item).map(\.0))")
                }
            }
        }
        #expect(checked > 10_000)
        #expect(ruledOut > checked / 2, "most actions are no application actions")
    }

    @Test func wildcardsAndApplicationActionsGoToTheMemo() {
        let memo = ApplicationActionMemo()
        for item in ["s3:PutObject", "S3:PUTOBJECT", "s3:Put*", "s3:*", "sqs:SendMessage", "dynamodb:GetItem", "kms:GenerateDataKey"] {
            #expect(memo.mayHit(item, key: ActionKey.item(item)), "\(item)")
            #expect(!memo.hits(item).isEmpty, "\(item)")
        }
        for item in ["s3:GetObject", "kms:Decrypt", "ecr:BatchGetImage", "logs:PutLogEvents"] {
            #expect(!memo.mayHit(item, key: ActionKey.item(item)), "\(item)")
            #expect(memo.hits(item).isEmpty, "\(item)")
        }
    }
}

/// The compiled application-action table (`ApplicationPatternTable`) against the definitions it
/// replaces: `RiskCatalog.applicationUse(of:)` and a glob of the table's patterns.
@Suite("Application pattern table")
struct ApplicationPatternTableTests {
    /// `mayHit` as it was: the service must be in the table; a plain item must match one of the
    /// service's patterns (`Glob.matches`, ignoring case).
    static func referenceMayHit(_ item: String, key: UInt64) -> Bool {
        let table = RiskCatalog.applicationActions
        let own = table.filter { ActionKey.item($0.pattern) == key }.map(\.pattern)
        guard !own.isEmpty else { return false }
        let plain = !item.unicodeScalars.contains { !$0.isASCII || $0 == "*" || $0 == "?" }
        guard plain else { return true }
        return own.contains { Glob.matches($0, item, caseInsensitive: true) }
    }

    @Test func applicationUseMatchesTheCatalogForEveryAction() {
        let memo = ApplicationActionMemo()
        var hits = 0
        for info in ActionCatalog.shared.expand("*") {
            let want = RiskCatalog.applicationUse(of: info)
            #expect(memo.applicationUse(of: info) == want, "\(info.fullName)")
            if want != nil { hits += 1 }
        }
        #expect(hits > 100)
    }

    @Test func mayHitMatchesTheGlobDefinition() {
        let memo = ApplicationActionMemo()
        var items: [String] = []
        for info in ActionCatalog.shared.expand("*") { items += [info.fullName, info.fullName.uppercased()] }
        items += ["s3", "s3:", "S3:PUTOBJECT", "s3:DeleteObjectVersion", "s3:Put*", "dynamodb", "dynamodb:", "sqs:x",
                  "kms:GenerateDataKey", "kms:generatedatakeywithoutplaintext", "kms:Encrypt\u{E9}", "es:eshttpget",
                  "ssm:GetParameter", "ssm:GetParameters", "ssm:getparametersbypath", "execute-api:Invoke", "execute-api:invoke2",
                  "rds-db:connect", "rds-db:Connect:x", "ses:", "xray:put", "kinesis:PutRecords?"]
        var checked = 0
        for item in items {
            let key = ActionKey.item(item)
            guard key != ActionKey.none else { continue }
            checked += 1
            #expect(memo.mayHit(item, key: key) == Self.referenceMayHit(item, key: key), "\(item)")
        }
        #expect(checked > 20_000)
    }

    @Test func byteMatcherIsGlob() {
        let patterns = ["put*", "*", "?", "a*b?c", "get*object", "", "**", "x?*"]
        let texts = ["PutObject", "put", "", "a", "AxxBYc", "GetBucketObject", "getobjectx", "xy", "X"]
        for p in patterns {
            for t in texts {
                let got = t.withUTF8Bytes { ApplicationPatternTable.matchLower(Array(p.utf8), $0) }
                #expect(got == Glob.matches(p, t, caseInsensitive: true), "\(p) ~ \(t)")
            }
        }
    }
}

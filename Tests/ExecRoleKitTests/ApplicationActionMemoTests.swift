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

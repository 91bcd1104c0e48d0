@testable import App
import ExecRoleKit
import TUIKit
import XCTest

/// Actions in → state and effects out, step by step.
final class WizardReducerTests: XCTestCase {
    typealias T = WizardTest

    func testServiceNameEditUndoRedo() {
        var s = T.fresh()
        T.focusField(&s, .name)
        T.key(&s, .enter)
        XCTAssertEqual(s.prompt?.target, .field(.name))
        T.key(&s, .char("u"), .ctrl)  // clear the field (readline C-u)
        T.type(&s, "web-exec")
        let effects = T.key(&s, .enter)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.spec.name, "web-exec")
        XCTAssertTrue(T.hasDraftSave(effects), "every change is autosaved")
        T.type(&s, "u")
        XCTAssertEqual(s.spec.name, "my-service-execution-role")
        T.key(&s, .char("r"), .ctrl)
        XCTAssertEqual(s.spec.name, "web-exec")
    }

    func testServiceCyclesAndSource() {
        var s = T.fresh()
        T.focusField(&s, .partition)
        T.type(&s, " ")
        XCTAssertEqual(s.spec.partition, "aws-cn")
        T.focusField(&s, .launchType)
        T.key(&s, .enter)
        XCTAssertEqual(s.spec.launchType, "EC2")
        T.focusField(&s, .source)
        XCTAssertEqual(T.key(&s, .enter), [.loadSource(.live, path: nil)])
        _ = WizardReducer.reduce(&s, .sourceFailed("no creds"))
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertEqual(s.source, .demo, "a failed load keeps the current source")
    }

    func testImagesFilterSelectAllAndPullThrough() {
        var s = T.fresh()
        T.type(&s, "2")
        XCTAssertEqual(s.step, .images)
        T.type(&s, "/checkout")
        T.key(&s, .enter)
        XCTAssertNil(s.filterField)
        guard case .repository(let i)? = WizardPicker(s).item(s.list.cursor) else { return XCTFail("cursor not on a repository") }
        XCTAssertTrue(T.inventory.repositories[i].name.contains("checkout"))
        T.type(&s, " ")
        XCTAssertEqual(s.spec.repositories.map(\.arn), [T.inventory.repositories[i].arn])
        T.type(&s, "a")
        let shown = WizardPicker(s).itemRows.count
        XCTAssertEqual(s.spec.repositories.count, shown, "a selects every filtered item")
        T.type(&s, "a")
        XCTAssertTrue(s.spec.repositories.isEmpty, "a again clears them")
        T.type(&s, "p")
        XCTAssertEqual(s.spec.repositories.first?.pullThroughCache, true, "p selects and marks pull-through")
        XCTAssertTrue(s.output.files[0].contents.contains("ecr:BatchImportUpstreamImage"))
    }

    func testImagesAddByURIAndRejectPublic() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.images))
        T.submit(&s, opener: "+", "444455556666.dkr.ecr.us-east-1.amazonaws.com/shared/base:1.2")
        XCTAssertEqual(s.spec.repositories.map(\.arn), ["arn:aws:ecr:us-east-1:444455556666:repository/shared/base"])
        XCTAssertEqual(WizardPicker(s).head.last, .customRepository("arn:aws:ecr:us-east-1:444455556666:repository/shared/base"))
        XCTAssertTrue(s.findings.contains { $0.slug == "cross-account-image" })
        T.submit(&s, opener: "+", "public.ecr.aws/nginx/nginx:latest")
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertEqual(s.spec.repositories.count, 1)
    }

    func testLogsCreateGroupStreamPrefixAndNamedGroup() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.logs))
        T.focus(&s) { if case .logGroup(let i) = $0 { return T.inventory.logGroups[i].name == "/ecs/web" }; return false }
        T.type(&s, "c")
        XCTAssertEqual(s.spec.logGroups.first?.name, "/ecs/web")
        XCTAssertEqual(s.spec.logGroups.first?.createGroup, true)
        T.submit(&s, opener: "s", "web", clearing: true)
        XCTAssertEqual(s.spec.logGroups.first?.streamPrefix, "web")
        T.submit(&s, opener: "+", "new-service")
        XCTAssertEqual(s.spec.logGroups.last?.name, "/ecs/new-service")
        XCTAssertEqual(s.spec.logGroups.last?.createGroup, true, "a group the inventory lacks is created by the agent")
        XCTAssertTrue(s.output.files[0].contents.contains("log-group:/ecs/web:*"))
    }

    func testSecretsSuggestKeysWithViaService() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.secrets))
        // A secret encrypted with a customer key given by key id.
        let idx = T.inventory.secrets.firstIndex { $0.name.hasSuffix("stripe-api-key") }!
        T.focus(&s) { $0 == .secret(idx) }
        T.type(&s, " ")
        let payments = T.inventory.keys[1].arn
        XCTAssertEqual(s.spec.kmsKeys, [RoleSpec.KMSKey(arn: payments, via: ["secretsmanager"], alias: "alias/payments")])
        XCTAssertEqual(s.spec.secrets.first?.env, "STRIPE_API_KEY")
        T.submit(&s, opener: "e", "STRIPE_KEY", clearing: true)
        XCTAssertEqual(s.spec.secrets.first?.env, "STRIPE_KEY")
        T.submit(&s, opener: "J", "token")
        XCTAssertEqual(s.spec.secrets.first?.jsonKey, "token")
        // A parameter encrypted through an alias resolves to the key ARN, via ssm.
        let pidx = T.inventory.parameters.firstIndex { $0.keyId == "alias/ssm-params" }!
        T.focus(&s) { $0 == .parameter(pidx) }
        T.type(&s, " ")
        XCTAssertTrue(s.spec.kmsKeys.contains { $0.arn == T.inventory.keys[2].arn && $0.via == ["ssm"] })
        // Unticking the secret drops the key it brought.
        T.focus(&s) { $0 == .secret(idx) }
        T.type(&s, " ")
        XCTAssertFalse(s.spec.kmsKeys.contains { $0.arn == payments })
        XCTAssertFalse(s.output.files[0].contents.contains("alias/"), "policies name key ARNs, never aliases")
    }

    func testAWSManagedKeysNeedNoGrant() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.secrets))
        let pidx = T.inventory.parameters.firstIndex { $0.keyId == "alias/aws/ssm" }!
        T.focus(&s) { $0 == .parameter(pidx) }
        T.type(&s, " ")
        XCTAssertEqual(s.spec.parameters.count, 1)
        XCTAssertTrue(s.spec.kmsKeys.isEmpty)
        _ = WizardReducer.reduce(&s, .goTo(.keys))
        let aws = T.inventory.keys.firstIndex { $0.manager == "AWS" }!
        T.focus(&s) { $0 == .key(aws) }
        T.type(&s, " ")
        XCTAssertTrue(s.spec.kmsKeys.isEmpty)
        XCTAssertEqual(s.status?.kind, .warning)
    }

    func testKeysViaServiceToggleAliasResolutionAndDismiss() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.keys))
        T.submit(&s, opener: "+", "alias/pci")
        XCTAssertEqual(s.spec.kmsKeys.first?.arn, T.inventory.keys[1].arn, "a known alias is resolved to its key ARN")
        T.submit(&s, opener: "+", "arn:aws:kms:eu-west-1:111122223333:alias/unknown")
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertEqual(s.spec.kmsKeys.count, 1)
        T.type(&s, "v")
        XCTAssertFalse(s.choices.viaService)
        XCTAssertEqual(s.spec.kmsKeys.first?.via, [])
        XCTAssertTrue(s.findings.contains { $0.slug == "kms-without-via-service" })
        T.type(&s, "v")
        XCTAssertTrue(s.choices.viaService)
        // Untick the key: it is remembered as dismissed and not re-suggested.
        T.focus(&s) { $0 == .key(1) }
        T.type(&s, " ")
        XCTAssertTrue(s.spec.kmsKeys.isEmpty)
        XCTAssertTrue(s.choices.dismissedKeys.contains(T.inventory.keys[1].arn))
    }

    func testExtras() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.extras))
        T.focusField(&s, .trustGuard)
        T.type(&s, " ")
        XCTAssertFalse(s.spec.trustGuard)
        XCTAssertFalse(s.output.files[1].contents.contains("aws:SourceAccount"))
        T.focusField(&s, .guardDuty)
        T.type(&s, " ")
        XCTAssertTrue(s.spec.guardDutyAgent)
        T.focusField(&s, .vpcEndpoints)
        T.key(&s, .enter)
        T.type(&s, "vpce-0abc,subnet-1")
        T.key(&s, .enter)
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.spec.vpcEndpoints.isEmpty)
        T.focusField(&s, .vpcEndpoints)
        T.key(&s, .enter)
        T.type(&s, "vpce-0abc")
        T.key(&s, .enter)
        XCTAssertEqual(s.spec.vpcEndpoints, ["vpce-0abc"])
        XCTAssertEqual(s.status?.kind, .warning, "the warning of what breaks without endpoints")
        T.submit(&s, opener: "+", "s3://acme-config/web/prod.env")
        XCTAssertEqual(s.spec.s3Objects, [RoleSpec.S3Object(arn: "arn:aws:s3:::acme-config/web/prod.env", use: "environmentFile")])
        T.focusField(&s, .fireLensConfig)
        T.key(&s, .enter)
        T.type(&s, "arn:aws:s3:::acme-config/fluent-bit.conf")
        T.key(&s, .enter)
        XCTAssertTrue(s.spec.s3Objects.contains { $0.use == "firelensConfig" })
        XCTAssertTrue(s.output.files[0].contents.contains("s3:GetBucketLocation"))
    }

    func testReviewWriteFlowAsksBeforeOverwriting() {
        var s = T.fresh()
        s.choices.outDir = "/tmp/out"
        let e1 = WizardReducer.reduce(&s, .write)
        XCTAssertEqual(s.step, .review)
        guard case .readExisting(let dir, let names)? = e1.first else { return XCTFail("\(e1)") }
        XCTAssertEqual(dir, "/tmp/out")
        XCTAssertTrue(names.contains("ecsrole.json"))
        // Nothing there: write without overwrite.
        let e2 = WizardReducer.reduce(&s, .existingLoaded([:]))
        guard case .writeFiles(_, let items, let overwrite)? = e2.first else { return XCTFail("\(e2)") }
        XCTAssertFalse(overwrite)
        XCTAssertEqual(items.map(\.name), WizardOutput.items(for: s.choices).map(\.name))
        // A differing file: ask, default No; Yes writes with overwrite.
        _ = WizardReducer.reduce(&s, .write)
        XCTAssertTrue(WizardReducer.reduce(&s, .existingLoaded(["ecsrole.json": "{}"])).isEmpty)
        XCTAssertEqual(s.dialog, .overwrite(["ecsrole.json"]))
        XCTAssertEqual(s.dialogButton, 1)
        XCTAssertTrue(T.key(&s, .escape).isEmpty)
        XCTAssertNil(s.dialog)
        _ = WizardReducer.reduce(&s, .write)
        _ = WizardReducer.reduce(&s, .existingLoaded(["ecsrole.json": "{}"]))
        let e3 = T.type(&s, "y")
        guard case .writeFiles(_, _, true)? = e3.first else { return XCTFail("\(e3)") }
        let e4 = WizardReducer.reduce(&s, .filesWritten(.success(["a"])))
        XCTAssertEqual(e4, [.deleteDraft(path: "/tmp/ecsrole-test/draft.json")])
        XCTAssertEqual(s.status?.kind, .success)
    }

    func testWriteRefusedWhileSpecInvalid() {
        var s = T.fresh()
        s.spec.account = nil
        s.refreshOutput(previous: nil)
        s.step = .logs
        XCTAssertTrue(WizardReducer.reduce(&s, .write).isEmpty)
        XCTAssertEqual(s.status?.kind, .error)
        XCTAssertTrue(s.findings.contains { $0.slug == "spec-incomplete" })
        T.type(&s, "f")
        XCTAssertEqual(s.step, .service, "f goes to where the finding is fixed")
    }

    func testBackNeverLosesInput() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.images))
        T.type(&s, " ")
        _ = WizardReducer.reduce(&s, .goTo(.logs))
        T.type(&s, "  ")  // first space ticks the first group; focus stays
        T.type(&s, "j ")
        let spec = s.spec
        XCTAssertFalse(spec.repositories.isEmpty)
        for _ in 0..<6 { T.type(&s, "[") }
        XCTAssertEqual(s.step, .service)
        for _ in 0..<6 { T.type(&s, "]") }
        XCTAssertEqual(s.step, .review)
        XCTAssertEqual(s.spec, spec)
    }

    func testHelpSearchJumpsToSetting() {
        var s = T.fresh()
        T.type(&s, "?")
        XCTAssertNotNil(s.help)
        T.type(&s, "viaservice")
        T.key(&s, .enter)
        XCTAssertNil(s.help)
        XCTAssertEqual(s.step, .keys)
        XCTAssertEqual(WizardPicker(s).item(s.list.cursor), .field(.viaService))
    }

    func testMouseClickFocusesAndTicks() {
        var s = T.fresh()
        let l = WizardLayout(s.size)
        T.send(&s, .mouse(MouseEvent(.click, x: l.steps.x + 3, y: l.steps.y + 1 + WizardStep.logs.rawValue)))
        XCTAssertEqual(s.step, .logs)
        let head = WizardPicker(s).head.count
        T.send(&s, .mouse(MouseEvent(.click, x: l.pickerList.x + 10, y: l.pickerList.y + head + 1)))
        XCTAssertEqual(s.list.cursor, head + 1)
        XCTAssertTrue(s.spec.logGroups.isEmpty, "a click on the text only selects the row")
        T.send(&s, .mouse(MouseEvent(.click, x: l.pickerList.x + 3, y: l.pickerList.y + head + 1)))
        XCTAssertEqual(s.spec.logGroups.count, 1, "a click on the checkbox ticks")
    }

    func testChangedLinesMarkedAndSizeCounted() {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.images))
        T.focus(&s) { if case .repository = $0 { return true }; return false }
        T.type(&s, " ")
        let changed = s.output.changedLines[OutputNames.policyFile] ?? []
        XCTAssertFalse(changed.isEmpty)
        let policy = s.output.files[0].contents
        XCTAssertEqual(s.output.policySize, policy.filter { !$0.isWhitespace }.count)
        let lines = policy.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(changed.contains { lines[$0].contains("repository/") })
    }

    func testDraftRoundTripAndResume() throws {
        var s = T.fresh()
        _ = WizardReducer.reduce(&s, .goTo(.secrets))
        T.focus(&s) { $0 == .secret(0) }
        T.type(&s, " ")
        s.choices.outDir = "/tmp/x"
        let text = WizardDraft.encode(s)
        let d = try XCTUnwrap(WizardDraft.decode(text))
        XCTAssertEqual(d.choices, s.choices)
        XCTAssertEqual(d.step, .secrets)
        var fresh = T.fresh()
        fresh.dialog = .resume(d)
        T.key(&fresh, .enter)
        XCTAssertEqual(fresh.choices, s.choices)
        XCTAssertEqual(fresh.step, .secrets)
        XCTAssertNil(WizardDraft.decode("not json"))
    }
}

/// Scale: the wizard stays usable on a 60,000-log-group account.
final class WizardScaleTests: XCTestCase {
    func testSelectAllFilteredOnHugeListIsFast() {
        var s = WizardState.start(inventory: DemoAccount.large(logGroups: 60_000), size: Size(width: 120, height: 36))
        _ = WizardReducer.reduce(&s, .goTo(.logs))
        _ = WizardReducer.reduce(&s, .startFilter)
        for c in "platform/web" { _ = WizardReducer.reduce(&s, .edit(.char(c))) }
        _ = WizardReducer.reduce(&s, .submit)
        let shown = WizardPicker(s).itemRows.count
        XCTAssertGreaterThan(shown, 100)
        let start = Date()
        _ = WizardReducer.reduce(&s, .toggleAll)
        XCTAssertEqual(s.spec.logGroups.count, shown)
        _ = WizardView().render(s, size: s.size)
        _ = WizardReducer.reduce(&s, .toggleAll)
        XCTAssertTrue(s.spec.logGroups.isEmpty)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "select all / none must not be quadratic")
    }
}

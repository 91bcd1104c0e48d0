import Foundation
import Testing
@testable import IAMKit

/// The rules' fast paths answer exactly like the definitions they replace, over the managed-policy
/// corpus and hand-picked cases.
@Suite("Rule fast paths against their definitions")
struct RuleFastPathTests {
    /// Every managed policy of the corpus, parsed as an identity policy.
    static let corpus: [Policy] = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/managed")
        let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.compactMap { file in
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
            return try? PolicyParser.parse(text, kind: .identity).0
        }
    }()

    @Test func riskScanMatchesTheItemByItemScan() {
        #expect(Self.corpus.count >= 1_485)
        var findings = 0
        for policy in Self.corpus {
            let resolved = PolicyContext().memo.resolvedActions(policy)
            let fast = RiskScan.scan(policy, resolved: resolved)
            let slow = RiskScanReference.scan(policy, resolved: resolved)
            #expect(fast == slow)
            findings += fast.reduce(0) { $0 + $1.count }
        }
        #expect(findings > 2_000)
    }

    @Test func riskMessageMatchesItsInterpolation() {
        let names = ["iam:PassRole", "s3:GetObject", "kms:Decrypt", "ec2:RunInstances", "é:Ünïcode", "lambda:CreateFunction",
                     "sts:AssumeRole", "iam:CreateUser", "iam:AttachRolePolicy", "ssm:GetParameter"]
        for n in 1...names.count {
            let shown = names.prefix(min(n, 9)).enumerated().map { (name: $0.element, why: "reason \($0.offset) — “quoted”", k: $0.offset) }
            for count in [n, n + 1, n + 40] where count >= shown.count {
                for label in ["Statement 1", "Statement \"Sid\""] {
                    #expect(RiskScan.message(label, "*", shown, count) == RiskScan.messageByInterpolation(label, "*", shown, count))
                    #expect(RiskScan.message(label, "arn:aws:s3:::b/ü*", shown, count) == RiskScan.messageByInterpolation(label, "arn:aws:s3:::b/ü*", shown, count))
                }
            }
        }
    }

    @Test func escalationCombosMatchTheirDefinition() throws {
        var enabled = 0
        for policy in Self.corpus {
            let fast = EscalationCombos.enabled(by: policy)
            #expect(fast == EscalationCombos.enabledByDefinition(policy))
            enabled += fast.count
        }
        #expect(enabled > 10)
        let items = [#""IAM:PassRole""#, #""ec2:runinstances""#, #""iam:Pass*""#, #""lambda:CreateFunction""#, #""lambda:InvokeFunction""#,
                     #""iam:passrol\u212A""#, #""glue:*""#, #""iam:CreatePolicyVersion""#, #""*""#, #""iam:AttachUserPolicy""#]
        for n in 1...items.count {
            for start in items.indices {
                let chosen = (0..<n).map { items[(start + $0) % items.count] }.joined(separator: ",")
                let text = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["# + chosen + #"],"Resource":"*"}]}"#
                let policy = try PolicyParser.parse(text).0
                #expect(EscalationCombos.enabled(by: policy) == EscalationCombos.enabledByDefinition(policy), "\(chosen)")
            }
        }
    }

    @Test func resourceMismatchMatchesTheArrayPerItemCheck() throws {
        var findings = 0
        for policy in Self.corpus {
            let fast = ResourceMismatchRule.check(policy: policy, context: PolicyContext())
            #expect(fast == ResourceMismatchReference.check(policy: policy, context: PolicyContext()))
            findings += fast.count
        }
        #expect(findings > 500)
        for example in ResourceMismatchRule.description.examples {
            let policy = try PolicyParser.parse(example.documents[0].text).0
            #expect(ResourceMismatchRule.check(policy: policy, context: PolicyContext())
                == ResourceMismatchReference.check(policy: policy, context: PolicyContext()))
        }
    }

    @Test func nonEmptyHitsIsHitsUnlessEmpty() {
        var table = ActionRisk.Table(), other = ActionRisk.Table()
        var nonEmpty = 0
        for prefix in ["iam", "s3", "ec2", "ecr", "kms", "secretsmanager", "lambda", "logs", "athena"] {
            for a in RuleSupport.catalog.service(prefix)?.actions ?? [] {
                let hits = other.hits(a)
                if let fast = table.nonEmptyHits(a) {
                    nonEmpty += 1
                    #expect(!hits.isEmpty && fast.fullName == hits.fullName)
                    #expect(fast.byCategory.map { $0.map(\.why) } == hits.byCategory.map { $0.map(\.why) })
                } else {
                    #expect(hits.isEmpty, "\(a.fullName)")
                }
            }
        }
        #expect(nonEmpty > 100)
    }

    @Test func serviceRiskRulesOutOnlyActionsWithoutCategories() {
        var ruledOut = 0, kept = 0
        for prefix in RuleSupport.catalog.servicePrefixes {
            guard let service = RuleSupport.catalog.service(prefix) else { continue }
            let risk = RiskCatalog.serviceRisk(service.prefix)
            for a in service.actions {
                #expect(RiskCatalog.mayHaveCategories(a, risk) == RiskCatalog.mayHaveCategoriesByDefinition(a, risk), "\(a.fullName)")
                if RiskCatalog.mayHaveCategories(a, risk) {
                    kept += 1
                    #expect(RiskCatalog.mayHaveCategories(a), "\(a.fullName)")
                } else {
                    ruledOut += 1
                    #expect(RiskCatalog.categories(for: a).isEmpty, "\(a.fullName)")
                }
            }
        }
        #expect(ruledOut > 10_000 && kept > 1_000)
    }

    /// `RiskIndex.first(lower:service:)`, given the action's service, answers as `first(lower:)`,
    /// which cuts the service out of the name itself, for every catalog action and every table.
    @Test func riskIndexWithServiceMatchesTheNameAlone() {
        let indexes = [RiskCatalog.dataExfiltration, RiskCatalog.resourceExposure, RiskCatalog.credentialsExposure,
                       RiskCatalog.infrastructureModification].map(RiskIndex.init)
        var hits = 0
        for a in RuleSupport.catalog.allActions {
            let lower = a.fullName.lowercased(), service = a.service.lowercased()
            for index in indexes {
                let byName = index.first(lower: lower), byService = index.first(lower: lower, service: service)
                #expect(byName?.pattern == byService?.pattern && byName?.why == byService?.why, "\(a.fullName)")
                if byName != nil { hits += 1 }
            }
        }
        #expect(hits > 400)
    }

    @Test func scopeSummaryMatchesTheExpandedDefinition() {
        var statements = 0
        for policy in Self.corpus {
            let resolved = PolicyContext().memo.resolvedActions(policy)
            var s = ScopeSummary()
            for (si, st) in policy.statements.enumerated() {
                guard st.effect == .allow, let granted = st.action, !granted.negated else { continue }
                s.reset()
                var actions: [ActionInfo] = []
                for (k, item) in granted.items.enumerated() {
                    if let a = resolved[si][k] {
                        s.add(a)
                    } else if Glob.hasWildcard(item.value) {
                        s.add(ScopableFacts.pattern(item.value))
                    }
                    actions += RuleSupport.expand(item.value).filter(ScopableFacts.counts)
                }
                // The definition: distinct full names in item order, distinct type names sorted.
                var seen = Set<String>(), names: [String] = []
                for a in actions where seen.insert(a.fullName).inserted { names.append(a.fullName) }
                let types = Set(actions.flatMap { $0.resourceTypes.map(\.name) }).sorted()
                #expect(s.nameCount() == names.count, "\(st.label)")
                #expect(s.names == Array(names.prefix(5)))
                #expect(s.typeCount == types.count)
                #expect(s.types == Array(types.prefix(4)))
                statements += 1
            }
        }
        #expect(statements > 5_000)
    }

    @Test func resourceFitByTypeMatchesFitByFormats() {
        var checked = 0
        for policy in Self.corpus.prefix(600) {
            let resolved = PolicyContext().memo.resolvedActions(policy)
            var fits: [String: ResourceFit] = [:]
            for (si, st) in policy.statements.enumerated() {
                guard let r = st.resource, !r.negated else { continue }
                for res in r.items where ResourceMismatchRule.isARN(res.value) {
                    let fit = fits[res.value] ?? ResourceFit(res.value)
                    fits[res.value] = fit
                    let reference = ResourceFit(res.value)
                    for (_, actions) in RuleSupport.grantedActions(st, resolved: resolved[si]) {
                        for a in actions.prefix(200) {
                            #expect(fit.fits(a) == reference.fitsByFormats(a), "\(res.value) \(a.fullName)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test func aServicesTypeHasTheSameFormatsInEveryAction() {
        var formats: [Int: [String]] = [:]
        for prefix in RuleSupport.catalog.servicePrefixes {
            for a in RuleSupport.catalog.service(prefix)?.actions ?? [] {
                for ref in a.resourceTypes {
                    let key = ResourceFit.refKey(slot: a.id >> 16, nameID: ref.nameID)
                    #expect(formats[key, default: ref.arnFormats] == ref.arnFormats, "\(a.fullName) \(ref.name)")
                    formats[key] = ref.arnFormats
                }
            }
        }
        #expect(formats.count > 1_000)
    }

    @Test func forEachExpandedWalksTheExpansionInOrder() {
        for pattern in ["*", "s3:*", "ec2:Describe*", "nope:*", "ecr:GetAuthorizationToken", "*:Get*", "iam:?et*"] {
            var walked: [Int32] = []
            RuleSupport.forEachExpanded(pattern) { walked.append($0.id) }
            #expect(walked == RuleSupport.catalog.expand(pattern).map(\.id), "\(pattern)")
        }
    }

    @Test func cachedSuggestionsAreTheCatalogs() {
        for name in ["secretmanager:GetSecretValue", "ecr:BatchGetImages", "cloudwatchlogs:PutLogEvents", "s3:GetObjekt", "nope:x", "ecr:BatchGetImages"] {
            #expect(RuleSupport.suggestions(for: name) == RuleSupport.catalog.suggestions(for: name), "\(name)")
        }
    }

    @Test func listMatchesJoining() {
        let names = ["a", "bb", "ccc", "dddd", "é", "f f", ""]
        for count in 0...names.count {
            for limit in 1...6 {
                for extra in [0, 1, 50] {
                    let shown = Array(names.prefix(count))
                    #expect(RuleSupport.list(shown, total: count + extra, limit: limit)
                        == RuleSupport.listByJoining(shown, total: count + extra, limit: limit))
                }
            }
        }
    }

    @Test func patternRiskMatchesItsExpansionWalk() {
        for pattern in ["*", "s3:*", "iam:*", "iam:Pass*", "ec2:Run*", "kms:*crypt*", "ecr:Get*", "sts:Assume?ole", "nope:*", "*:Get*",
                        "secretsmanager:GetSecretValu?", "lambda:*Function*"] {
            // The definition: the expansion's array, every action's own hits in order, each action once.
            let actions = RuleSupport.expand(pattern)
            var table = ActionRisk.Table()
            var expected: [[String]] = Array(repeating: [], count: RiskCategory.allCases.count)
            var seen = Set<String>()
            for a in actions {
                let own = table.hits(a)
                guard !own.isEmpty, seen.insert(own.fullName).inserted else { continue }
                for ci in own.byCategory.indices {
                    expected[ci] += own.byCategory[ci].map { "\($0.fullName)|\($0.why)|\($0.comboPaths.map(\.name))" }
                }
            }
            let hits = PatternFacts.risk(pattern)
            let got = hits.byCategory.map { $0.map { "\($0.fullName)|\($0.why)|\($0.comboPaths.map(\.name))" } }
            #expect(got == expected, "\(pattern)")
            #expect(hits.isEmpty == expected.allSatisfy(\.isEmpty))
        }
    }

    @Test func levelIndexIsThePositionInAllCases() {
        for level in AccessLevel.allCases {
            #expect(RuleSupport.levelIndex(level) == AccessLevel.allCases.firstIndex(of: level))
        }
    }

    @Test func breadthMatchesItsDefinition() {
        for pattern in ["*", "s3:*", "ec2:Describe*", "iam:*", "logs:Put*", "kms:*crypt*", "ecr:Get*", "sts:Assume?ole", "nope:*"] {
            let actions = RuleSupport.expand(pattern)
            let risky = actions.filter { $0.accessLevel == .write || $0.accessLevel == .permissionsManagement }
            let b = PatternFacts.breadth(pattern)
            #expect(b.count == actions.count)
            #expect(b.summary == RuleSupport.summary(actions))
            #expect(b.riskyCount == risky.count)
            #expect(b.riskyFirst == risky.prefix(4).map(\.fullName))
        }
        // The summary by its dictionary definition.
        let all = RuleSupport.expand("*")
        var byLevel: [AccessLevel: Int] = [:]
        for a in all { byLevel[a.accessLevel, default: 0] += 1 }
        let parts = byLevel.sorted { $0.key < $1.key }.map { "\($0.key.displayName) \($0.value)" }
        #expect(RuleSupport.summary(all) == "\(all.count) actions (\(parts.joined(separator: ", ")))")
    }

    @Test func scopableFactsMatchTheirDefinition() {
        for pattern in ["*", "s3:*", "ec2:*", "ec2:Describe*", "iam:Get*", "logs:*", "ecr:Batch*", "nope:*", "*:Get*"] {
            let counted = RuleSupport.expand(pattern).filter(ScopableFacts.counts)
            var seen = Set<Int32>(), ids: [Int32] = []
            for a in counted where seen.insert(a.id).inserted { ids.append(a.id) }
            let facts = ScopableFacts.pattern(pattern)
            #expect(facts.actionIDs == ids, "\(pattern)")
            #expect(facts.types == Set(counted.flatMap { $0.resourceTypes.map(\.name) }).sorted(), "\(pattern)")
            for (name, id) in zip(facts.types, facts.typeIDs) {
                #expect(counted.contains { $0.resourceTypes.contains { $0.name == name && $0.nameID == id } })
            }
        }
    }

    @Test func byteScansMatchTheirStringDefinitions() {
        let texts = ["", "*", "**", "s3", "s3:GetObject", ":", "*:", "?", "s3:*:x?", "a:b:c", "e\u{301}:x", ":\u{301}x", "s*:x", "?:", "ECR:Get*",
                     "logs:PutLogEvents", "é:x*", "x\u{301}", "*é:x"]
        for t in texts {
            #expect(GrammarRule.hasColon(t) == t.utf8.contains(UInt8(ascii: ":")), "\(t)")
            let byCharacters: Bool = {
                guard let colon = t.firstIndex(of: ":") else { return false }
                return Glob.hasWildcard(String(t[..<colon]))
            }()
            #expect(GrammarRule.wildcardService(t) == byCharacters, "\(t)")
            var h: UInt64? = 0xcbf2_9ce4_8422_2325
            for b in t.utf8 {
                if b >= 0x80 || b == UInt8(ascii: "*") || b == UInt8(ascii: "?") { h = nil; break }
                h = (h! ^ UInt64(b &- 65 < 26 ? b | 0x20 : b)) &* 0x100_0000_01b3
            }
            #expect(CoverList.literalKey(t) == h, "\(t)")
            #expect(GrammarRule.misshapen(t) == GrammarRule.misshapenByDefinition(t), "\(t)")
        }
    }

    @Test func coverListsMatchGlobCovers() {
        let actions = ["s3:GetObject", "S3:getobject", "s3:Get*", "s3:*", "*", "s3:Get?bject", "ec2:Describe*", "é:x", "s3:G*t*"]
        for outerCount in 1...3 {
            for start in actions.indices {
                let outer = (0..<outerCount).map { actions[(start + $0) % actions.count] }
                let outerList = CoverList(outer.map { Located($0, "") }, lowercase: true)
                for inner in actions {
                    let expected = outer.contains { Glob.covers($0.lowercased(), inner.lowercased()) }
                    #expect(outerList.coversAll(CoverList([Located(inner, "")], lowercase: true)) == expected, "\(outer) \(inner)")
                }
            }
        }
    }
}

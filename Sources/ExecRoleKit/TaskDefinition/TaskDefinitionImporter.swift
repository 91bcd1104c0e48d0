import IAMKit

/// Reads every task-definition shape met in the wild into `TaskDefinition`:
/// RegisterTaskDefinition input, the console's "Download JSON" (read-only fields ignored),
/// `describe-task-definition` output (`{"taskDefinition": …}`), a `{"containerDefinitions": …}`
/// fragment, and a bare container-definitions array (Terraform's `container_definitions`).
///
/// Lenient on purpose: explicit nulls and empty strings mean "absent", a `logConfiguration` written as
/// an array (as two AWS docs pages do) is read with a warning, and template values are reported as
/// placeholders. Only input that is not JSON, or not a task definition at all, is an error.
public enum TaskDefinitionImporter {
    /// Parses text; JSON errors carry line:column.
    public static func parse(_ text: String) throws(ExecRoleError) -> TaskDefinition {
        let doc: JSONDocument
        do { doc = try JSONParser.parse(text) } catch { throw ExecRoleError(error.message, at: error.position) }
        return try read(doc)
    }

    /// Reads a parsed document.
    public static func read(_ doc: JSONDocument) throws(ExecRoleError) -> TaskDefinition {
        var root = doc.root
        if let inner = root["taskDefinition"], inner.members != nil { root = inner }
        var td = TaskDefinition(basePointer: root.pointer)
        td.document = doc
        let containerNodes: [JSONNode]
        if let arr = root.array {
            containerNodes = arr
        } else if root.members != nil {
            guard let cd = root["containerDefinitions"] else {
                throw ExecRoleError("not a task definition: no \"containerDefinitions\" (expected RegisterTaskDefinition input, describe-task-definition output or a container-definitions array)", at: root.position)
            }
            guard let arr = cd.array else { throw ExecRoleError("\"containerDefinitions\" must be an array, found \(cd.kindName)", at: cd.position) }
            containerNodes = arr
            td.family = nonEmpty(root["family"])
            td.taskDefinitionArn = nonEmpty(root["taskDefinitionArn"])
            if let n = root["executionRoleArn"], let s = nonEmpty(n) { td.executionRoleArn = Located(s, n.pointer) }
            if let n = root["taskRoleArn"], let s = nonEmpty(n) { td.taskRoleArn = Located(s, n.pointer) }
            td.requiresCompatibilities = root["requiresCompatibilities"]?.array?.compactMap(\.string) ?? []
        } else {
            throw ExecRoleError("not a task definition: expected a JSON object or an array of container definitions, found \(root.kindName)", at: root.position)
        }
        for (i, node) in containerNodes.enumerated() {
            guard node.members != nil else {
                td.notes.append(ImportNote(.warning, "container definition \(i) is \(node.kindName), not an object: skipped", pointer: node.pointer, position: node.position))
                continue
            }
            td.containers.append(readContainer(node, index: i, notes: &td.notes))
        }
        for n in td.notes.indices where td.notes[n].position == nil { td.notes[n].position = doc.position(of: td.notes[n].pointer) }
        return td
    }

    static func nonEmpty(_ n: JSONNode?) -> String? {
        guard let s = n?.string?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return s
    }

    static func located(_ n: JSONNode?, _ notes: inout [ImportNote], what: String) -> Located<String>? {
        guard let n, let s = nonEmpty(n) else { return nil }
        if let why = Placeholder.reason(in: s) {
            notes.append(ImportNote(.placeholder, "\(what) \"\(s)\" \(why)", pointer: n.pointer, position: n.position))
        }
        return Located(s, n.pointer)
    }

    static func readContainer(_ node: JSONNode, index: Int, notes: inout [ImportNote]) -> TaskDefinition.Container {
        let name = nonEmpty(node["name"]) ?? "container\(index)"
        var c = TaskDefinition.Container(name: name, pointer: node.pointer)
        c.image = located(node["image"], &notes, what: "image")
        if let img = c.image, case .ecr(let acct, let region, _) = ImageReference(img.value).registry,
           !AccountID.isValid(acct) || !Partition.isRegionName(region), Placeholder.reason(in: img.value) == nil {
            notes.append(ImportNote(.placeholder, "image \"\(img.value)\": ECR registry account \"\(acct)\" / region \"\(region)\" is not a real account id and region", pointer: img.pointer))
        }
        if let rc = node["repositoryCredentials"], rc.members != nil {
            c.credentialsParameter = located(rc["credentialsParameter"], &notes, what: "repositoryCredentials.credentialsParameter")
        }
        if var lc = node["logConfiguration"], !lc.isNull {
            if let arr = lc.array {
                notes.append(ImportNote(.warning, "logConfiguration is an array; ECS expects one object (read its first element)", pointer: lc.pointer, position: lc.position))
                if let first = arr.first { lc = first }
            }
            if lc.members != nil {
                var conf = TaskDefinition.LogConfiguration(driver: nonEmpty(lc["logDriver"]) ?? "", pointer: lc.pointer)
                for m in lc["options"]?.members ?? [] {
                    if let s = m.value.string { conf.options[m.key] = Located(s, m.value.pointer) }
                }
                conf.secretOptions = secretRefs(lc["secretOptions"], &notes)
                c.logConfiguration = conf
            }
        }
        c.secrets = secretRefs(node["secrets"], &notes)
        for e in node["environment"]?.array ?? [] {
            guard let n = nonEmpty(e["name"]) else { continue }
            c.environment.append((n, e["value"]?.string ?? "", e.pointer))
        }
        for f in node["environmentFiles"]?.array ?? [] {
            let type = nonEmpty(f["type"]) ?? "s3"
            guard type == "s3" else { continue }
            if let v = located(f["value"], &notes, what: "environmentFiles value") { c.environmentFiles.append(v) }
        }
        if let fl = node["firelensConfiguration"], fl.members != nil {
            c.firelensType = nonEmpty(fl["type"]) ?? "fluentbit"
            for m in fl["options"]?.members ?? [] {
                if let s = m.value.string { c.firelensOptions[m.key] = Located(s, m.value.pointer) }
            }
        }
        if let u = node["user"], let s = nonEmpty(u) { c.user = Located(s, u.pointer) }
        if let p = node["privileged"], let b = p.bool { c.privileged = Located(b, p.pointer) }
        if let r = node["readonlyRootFilesystem"], let b = r.bool { c.readonlyRootFilesystem = Located(b, r.pointer) }
        if let lp = node["linuxParameters"], lp.members != nil {
            c.linuxParametersPointer = lp.pointer
            let caps = lp["capabilities"]
            c.capabilitiesAdd = (caps?["add"]?.array ?? []).compactMap { n in n.string.map { Located($0, n.pointer) } }
            c.capabilitiesDrop = (caps?["drop"]?.array ?? []).compactMap { n in n.string.map { Located($0, n.pointer) } }
        }
        if let e = node["essential"]?.bool { c.essential = e }
        return c
    }

    static func secretRefs(_ n: JSONNode?, _ notes: inout [ImportNote]) -> [TaskDefinition.SecretRef] {
        guard let arr = n?.array else { return [] }
        var out: [TaskDefinition.SecretRef] = []
        for s in arr {
            let name = nonEmpty(s["name"]) ?? ""
            guard let vf = s["valueFrom"], let v = nonEmpty(vf) else {
                if s["valueFrom"] != nil {
                    notes.append(ImportNote(.placeholder, "secret \"\(name)\" has an empty valueFrom", pointer: s["valueFrom"]!.pointer, position: s["valueFrom"]!.position))
                }
                continue
            }
            if let why = Placeholder.reason(in: v) {
                notes.append(ImportNote(.placeholder, "valueFrom of secret \"\(name)\" \"\(v)\" \(why)", pointer: vf.pointer, position: vf.position))
            }
            out.append(TaskDefinition.SecretRef(name: name, valueFrom: Located(v, vf.pointer), pointer: s.pointer))
        }
        return out
    }
}

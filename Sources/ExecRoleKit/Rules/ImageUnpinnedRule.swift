import IAMKit

/// `image-unpinned`: an image without a tag, or `latest`.
public enum ImageUnpinnedRule: RoleRule {
    public static let description = RuleDescription(
        id: "TD006", slug: "image-unpinned", severity: .low,
        title: "Image not pinned",
        rationale: """
        An image without a tag, or tagged `latest`, changes under the task: a new task may run code \
        nobody reviewed, and a rollback has nothing to return to. A version tag is better; a digest \
        (`@sha256:…`) pins exactly. Low: hardening and reproducibility.
        """,
        fix: "Reference the image by digest (`repo@sha256:…`) or an immutable version tag.",
        examples: [
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/web:latest"}]}"#, kind: .taskDefinition),
            .triggering(#"{"family":"web","containerDefinitions":[{"name":"web","image":"nginx"}]}"#, kind: .taskDefinition),
            .passing(#"{"family":"web","containerDefinitions":[{"name":"web","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/web@sha256:0d5c5d3a2f1e4b6c8a9d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b"}]}"#, kind: .taskDefinition),
        ])

    public static func check(_ role: RoleUnderReview) -> [RoleFinding] {
        guard let td = role.taskDefinition else { return [] }
        return td.containers.compactMap { c in
            guard let img = c.image, ImageReference(img.value).unpinned else { return nil }
            let how = ImageReference(img.value).tag == nil ? "has no tag (so \"latest\")" : "uses the \"latest\" tag"
            return RoleFinding(description.finding("container \"\(c.name)\": image \"\(img.value)\" \(how): each new task may run a different image",
                                                   fix: "Pin it by digest (\(img.value.split(separator: ":").first.map(String.init) ?? img.value)@sha256:…) or a version tag.",
                                                   at: img.pointer), in: .taskDefinition)
        }
    }
}

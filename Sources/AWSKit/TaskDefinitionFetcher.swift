import Foundation

/// Fetches one task definition as raw JSON for ExecRoleKit's importer.
public struct TaskDefinitionFetcher: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) { self.client = client }

    /// - Parameter reference: `family`, `family:revision` or a full task-definition ARN.
    /// - Returns: the `taskDefinition` object of DescribeTaskDefinition, as JSON (keys sorted), the same
    ///   shape `aws ecs describe-task-definition --query taskDefinition` prints.
    public func fetch(_ reference: String) async throws -> Data {
        let data = try await client.json(.ecsDescribeTaskDefinition, ["taskDefinition": reference])
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let td = obj["taskDefinition"] as? [String: Any] else {
            throw AWSError(service: "ecs", code: "InvalidResponse", message: "DescribeTaskDefinition answer has no taskDefinition",
                           httpStatus: 200, operation: "DescribeTaskDefinition")
        }
        return try JSONSerialization.data(withJSONObject: td, options: [.sortedKeys, .prettyPrinted])
    }
}

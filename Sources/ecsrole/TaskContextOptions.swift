import ArgumentParser

/// The values a task definition may not say itself, shared by `generate`, `needs` and `simulate`
/// so their flags and help read the same.
struct TaskContextOptions: ParsableArguments {
    @Option(name: .long, help: "AWS account id (12 digits) when the input does not say it.")
    var account: String?
    @Option(name: .long, help: "Region when the input does not say it.")
    var region: String?
    @Option(name: .long, help: "Partition: aws, aws-cn or aws-us-gov.")
    var partition: String?
    @Option(name: .customLong("kms-key"), help: "Customer managed key ARN that encrypts the task's secrets/parameters (repeatable).")
    var kmsKeys: [String] = []
}

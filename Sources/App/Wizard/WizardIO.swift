import ExecRoleKit
import Foundation
import IAMKit

/// Performs the wizard's effects: the only part of the wizard that touches files (and, once the
/// lead wires it, AWS). Each effect answers with an action the runtime feeds back to the reducer.
public final class WizardIO: Sendable {
    /// Loads the live account's inventory; nil until AWSKit is wired in (then `live` reports why not).
    public let liveLoader: (@Sendable () async throws -> Inventory)?
    private let draftLock = NSLock()
    nonisolated(unsafe) private var nextDraftSeq = 0
    nonisolated(unsafe) private var lastDraftSeq = -1

    public init(liveLoader: (@Sendable () async throws -> Inventory)? = nil) { self.liveLoader = liveLoader }

    /// The draft-save sequence number for an effect created now; saves run concurrently, and an
    /// older draft must never overwrite a newer one.
    func draftTicket() -> Int { draftLock.withLock { nextDraftSeq += 1; return nextDraftSeq } }

    /// Performs one effect; returns the action reporting its result.
    public func perform(_ effect: WizardEffect, draftSeq: Int = 0) async -> WizardAction? {
        switch effect {
        case .saveDraft(let path, let contents):
            draftLock.withLock {
                guard draftSeq > lastDraftSeq else { return }
                lastDraftSeq = draftSeq
                try? Self.atomicWrite(contents, to: path)
            }
            return nil
        case .deleteDraft(let path):
            draftLock.withLock { lastDraftSeq = Int.max - 1 }  // a save still in flight must not resurrect it
            try? FileManager.default.removeItem(atPath: path)
            return nil
        case .readExisting(let dir, let names):
            var out: [String: String] = [:]
            for n in names {
                if let data = FileManager.default.contents(atPath: dir + "/" + n) { out[n] = String(decoding: data, as: UTF8.self) }
            }
            return .existingLoaded(out)
        case .writeFiles(let dir, let items, let overwrite):
            do {
                try FileSetWriter.write(items, to: dir, overwrite: overwrite)
                return .filesWritten(.success(items.map(\.name)))
            } catch {
                return .filesWritten(.failure(WizardIOError(error.description)))
            }
        case .saveSpec(let path, let contents):
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Self.atomicWrite(contents, to: path)
                return .specSaved(.success(path))
            } catch {
                return .specSaved(.failure(WizardIOError("\(path): \(error.localizedDescription)")))
            }
        case .loadSource(let source, let path):
            return await load(source, path: path)
        case .quit:
            return nil
        }
    }

    func load(_ source: ChoiceSource, path: String?) async -> WizardAction {
        do {
            switch source {
            case .demo:
                return .sourceLoaded(.init(source: .demo, path: nil, inventory: DemoAccount.inventory()))
            case .live:
                guard let liveLoader else {
                    return .sourceFailed("Live AWS is not available in this build: use --inventory FILE (from `ecsrole inventory`) or the demo.")
                }
                return .sourceLoaded(.init(source: .live, path: nil, inventory: try await liveLoader()))
            case .file:
                let p = path ?? ""
                return .sourceLoaded(.init(source: .file, path: p, inventory: try Self.readInventory(p)))
            case .taskdef:
                let p = path ?? ""
                let spec = try Self.readTaskDefinition(p, fallback: nil)
                return .sourceLoaded(.init(source: .taskdef, path: p, inventory: nil, spec: spec))
            case .spec:
                let p = path ?? ""
                return .sourceLoaded(.init(source: .spec, path: p, inventory: nil, spec: try Self.readSpec(p)))
            }
        } catch {
            return .sourceFailed("\(path ?? source.label): \(error)")
        }
    }

    /// Reads an inventory JSON file (`ecsrole inventory` output).
    public static func readInventory(_ path: String) throws -> Inventory {
        guard let data = FileManager.default.contents(atPath: path) else { throw WizardIOError("\(path): no such file or not readable") }
        do { return try JSONDecoder().decode(Inventory.self, from: data) } catch {
            throw WizardIOError("\(path): not an ecsrole inventory file (\(error.localizedDescription))")
        }
    }

    /// Reads a task definition and turns it into a spec; `fallback` supplies account/region it lacks.
    public static func readTaskDefinition(_ path: String, fallback: Inventory?) throws -> RoleSpec {
        guard let data = FileManager.default.contents(atPath: path) else { throw WizardIOError("\(path): no such file or not readable") }
        let text = String(decoding: data, as: UTF8.self)
        func wrap(_ e: ExecRoleError) -> WizardIOError {
            WizardIOError(e.position.map { "\(path):\($0.line):\($0.column): \(e.message)" } ?? "\(path): \(e.message)")
        }
        let td: TaskDefinition
        do { td = try TaskDefinitionImporter.parse(text) } catch { throw wrap(error) }
        let ctx = SpecBuilder.Context(account: fallback?.account, region: fallback?.region)
        do { return try SpecBuilder(context: ctx).build(td).0 } catch { throw wrap(error) }
    }

    /// Reads a saved spec.
    public static func readSpec(_ path: String) throws -> RoleSpec {
        guard let data = FileManager.default.contents(atPath: path) else { throw WizardIOError("\(path): no such file or not readable") }
        do { return try SpecCoding.parse(String(decoding: data, as: UTF8.self)) } catch {
            throw WizardIOError(error.position.map { "\(path):\($0.line):\($0.column): \(error.message)" } ?? "\(path): \(error.message)")
        }
    }

    /// Writes `contents` to a temporary file beside `path` and renames it into place, so a crash
    /// mid-write leaves the old draft, never half a file.
    public static func atomicWrite(_ contents: String, to path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let tmp = "\(path).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw WizardIOError("cannot write \(tmp)")
        }
        guard rename(tmp, path) == 0 else {
            try? FileManager.default.removeItem(atPath: tmp)
            throw WizardIOError("cannot move \(path) into place: \(String(cString: strerror(errno)))")
        }
    }
}

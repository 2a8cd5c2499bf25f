import ITAKit
import Foundation

/// A folder the tool shares with its user: the tool replaces or removes only the files its own earlier
/// `manifest.json` there lists; every other file is left as it is and named in the new manifest.
///
/// `bundle` writes one such folder, `batch` one per organisation.
public struct ManagedFolder: Sendable {
    /// The manifest's file name.
    public static let manifestName = "manifest.json"

    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    /// The file names the folder's earlier manifest lists as written by the tool; empty when there is
    /// no manifest. Only plain names count (a name with a folder in it is never acted on).
    public func previouslyWritten() throws -> Set<String> {
        let manifest = url.appendingPathComponent(Self.manifestName)
        guard FileManager.default.fileExists(atPath: manifest.path) else { return [] }
        struct Listed: Decodable {
            struct File: Decodable { var path: String }
            var files: [File]
            var generator: String?
        }
        guard let data = try? Data(contentsOf: manifest),
              let listed = try? JSONDecoder().decode(Listed.self, from: data), listed.generator == "itareport" else {
            throw ManagedFolderError.foreignManifest(path: manifest.path)
        }
        return Set(listed.files.map(\.path).filter { !$0.isEmpty && !$0.contains("/") && $0 != "." && $0 != ".." })
    }

    /// Checks, before anything is moved, that writing `names` replaces no file the tool did not write.
    /// Returns the earlier manifest's names.
    public func check(writing names: [String]) throws -> Set<String> {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
            throw ManagedFolderError.notAFolder(path: url.path)
        }
        let earlier = try previouslyWritten()
        let taken = names.filter { fm.fileExists(atPath: url.appendingPathComponent($0).path) && !earlier.contains($0) }
        if !taken.isEmpty { throw ManagedFolderError.wouldReplace(folder: url.path, names: taken) }
        return earlier
    }

    /// Moves the finished files (`from`, each named `name` in the folder) into place, removes the files
    /// of the earlier manifest this run no longer writes, and returns the other files found (neither
    /// written now nor listed before), which are left alone. `manifest` is then written by the caller
    /// with `writeManifest`.
    public func place(_ files: [(from: URL, name: String)]) throws -> (placed: [URL], others: [String]) {
        let fm = FileManager.default
        let earlier = try check(writing: files.map(\.name))
        try OutputFolder.create(url)
        var placed: [URL] = []
        for f in files {
            let target = url.appendingPathComponent(f.name)
            if rename(f.from.path, target.path) != 0 {
                throw GenerateError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
            }
            placed.append(target)
        }
        let now = Set(files.map(\.name))
        for stale in earlier.subtracting(now) { try? fm.removeItem(at: url.appendingPathComponent(stale)) }
        let present = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
        let others = present.filter { !now.contains($0) && $0 != Self.manifestName && ScratchFiles.owner(of: $0) == nil }.sorted()
        return (placed, others)
    }

    /// Writes `data` as the folder's manifest, whole or not at all.
    public func writeManifest(_ data: Data) throws {
        let target = url.appendingPathComponent(Self.manifestName)
        let tmp = ScratchFiles.url(in: url, suffix: ".json")
        do { try data.write(to: tmp) } catch {
            throw GenerateError.cannotWrite(path: target.path, reason: OutputFolder.reason(error))
        }
        if rename(tmp.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw GenerateError.cannotWrite(path: target.path, reason: reason)
        }
    }
}

/// Why files cannot be put in a shared folder, worded for the user.
public enum ManagedFolderError: CataloguedError, CustomStringConvertible {
    case notAFolder(path: String)
    case wouldReplace(folder: String, names: [String])
    case foreignManifest(path: String)

    public var catalogueMessage: Message {
        switch self {
        case let .notAFolder(path):
            return Message("folder.not-a-folder", ["path": "\(path)"])
        case let .wouldReplace(folder, names):
            let list = names.joined(separator: ", ")
            return names.count == 1
                ? Message("folder.would-replace.one", ["folder": "\(folder)", "name": "\(list)", "manifest": "\(ManagedFolder.manifestName)"])
                : Message("folder.would-replace", ["folder": "\(folder)", "names": "\(list)", "manifest": "\(ManagedFolder.manifestName)"])
        case let .foreignManifest(path):
            return Message("folder.foreign-manifest", ["path": "\(path)"])
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
}

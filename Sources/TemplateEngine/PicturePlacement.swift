import Foundation
import OfficePackage

/// The job of a picture tag, the same whichever renderer writes it: read the picture the data names
/// (bytes, or a file relative to the data), check it, and size it to the page. Problems are reported to
/// the session and give nil.
struct PicturePlacement {
    let data: Data
    let info: ImageInfo
    let size: (Length, Length)

    static func resolve(path: Tag.Path, width: Tag.LengthSpec?, height: Tag.LengthSpec?, scope: Scope, session: RenderSession,
                        problem: (String) -> TemplateProblem) -> PicturePlacement? {
        var bytes: Data?
        var label = path.description
        switch scope.lookup(path) {
        case .missing:
            session.report(problem("the data has no '\(path)' for the picture"))
        case .found(.null), .found(.string("")):
            break
        case let .found(.image(d)):
            bytes = d
        case let .found(.string(file)):
            label = file
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : (session.options.assetRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).appendingPathComponent(file)
            switch PictureFile.read(url) {
            case let .success(d): bytes = d
            case let .failure(p): session.report(problem("the picture file \(url.path) \(p)"))
            }
        case let .found(other):
            session.report(problem("'\(path)' should be a picture file path, not '\(other.text)'"))
        }
        guard let data = bytes else { return nil }
        let info: ImageInfo
        do { info = try ImageInfo(data) } catch {
            session.report(problem("\(label) \(error)"))
            return nil
        }
        var failed = false
        func length(_ spec: Tag.LengthSpec?, _ name: String, limit: Double) -> Double? {
            guard let spec else { return nil }
            var cm: Double?
            var written = ""
            switch spec {
            case let .literal(l):
                cm = l.centimetres
                written = String(format: "%gcm", l.centimetres)
            case let .path(p):
                guard case let .found(v) = scope.lookup(p) else {
                    session.report(problem("the data has no '\(p)' for the picture \(name)"))
                    failed = true
                    return nil
                }
                written = v.text
                if case let .number(n) = v {
                    cm = NSDecimalNumber(decimal: n).doubleValue
                    written = String(format: "%gcm", cm ?? 0)
                } else {
                    cm = Length(v.text)?.centimetres
                }
                if cm == nil {
                    session.report(problem("'\(p)' is '\(v.text)', not a length such as 6cm"))
                    failed = true
                    return nil
                }
            }
            guard let value = cm, value.isFinite, value > 0, value <= limit else {
                session.report(problem("the picture \(name) \(written) does not fit the page: give a length above 0 and at most \(String(format: "%.1f", limit))cm (the page is \(String(format: "%.1f × %.1f", session.page.width, session.page.height)) cm)"))
                failed = true
                return nil
            }
            return value
        }
        let ratio = Double(info.height) / Double(info.width)
        var w = length(width, "width", limit: session.page.width), h = length(height, "height", limit: session.page.height)
        guard !failed else { return nil }
        if w == nil && h == nil { w = min(16, Double(info.width) / 96 * 2.54) }
        if let ww = w, h == nil { h = ww * ratio }
        if let hh = h, w == nil { w = hh / ratio }
        // A size taken from the picture's proportions shrinks to the page rather than overflow it.
        let (fw, fh) = session.page.fit(max(w ?? 1, 0.01), max(h ?? 1, 0.01))
        return PicturePlacement(data: data, info: info, size: (Length(centimetres: fw), Length(centimetres: fh)))
    }

    /// Stores the picture in the package once (the same bytes twice are one media part); its name.
    func mediaName(in session: RenderSession) -> String {
        if let n = session.media[data] { return n }
        let name = "\(session.dialect.mediaFolder)itaimg\(session.media.count + 1).\(info.fileExtension)"
        session.media[data] = name
        session.addedParts.append((name, data, info.mediaType))
        return name
    }

    /// The relationship from text part `part` to media part `media`, added to `rels`.
    static func relationship(from part: String, to media: String, in rels: Relationships) -> String {
        let partDir = part.split(separator: "/").dropLast().joined(separator: "/")
        let target = partDir.isEmpty ? media : (media.hasPrefix(partDir + "/") ? String(media.dropFirst(partDir.count + 1)) : "/" + media)
        return rels.add(type: Relationships.imageType, target: target)
    }
}

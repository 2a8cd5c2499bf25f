import Foundation
import Hummingbird
import ITAKit
import ITAReports
import HTTPTypes
import Logging
import NIOCore

/// The local web app: server-rendered pages in Thai over the data files of one folder.
///
/// ```swift
/// let app = try WebApp(folder: DataFolder("Examples"))
/// try await app.run(host: "127.0.0.1", port: 8080) { url in print(url) }
/// ```
public struct WebApp: Sendable {
    /// Largest form submission (the measures of a year are a few tens of kilobytes).
    public static let maxFormBytes = 1024 * 1024
    /// Largest picture upload.
    public static let maxUploadBytes = 10 * 1024 * 1024

    public let folder: DataFolder
    /// A random value every page with a form carries; a change without it is refused.
    public let token: String
    /// Host names the app answers to (a page of another site reaching it through its own name is refused).
    public let hosts: Set<String>
    let documents: Documents

    public init(folder: DataFolder, token: String? = nil, host: String = "127.0.0.1",
                converter: PDFConverter? = try? PDFConverter.locate()) {
        self.folder = folder
        self.token = token ?? Self.randomToken()
        hosts = Set(["127.0.0.1", "localhost", "[::1]", "::1", host])
        documents = Documents(folder: folder, converter: converter)
    }

    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(g.next() as UInt64, radix: 16) }.joined()
    }

    /// The routes of the app.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SameOrigin(hosts: hosts))
        let pages = Pages(app: self)
        router.get("/static/style.css") { _, _ in Reply.text(HTML.css, type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in Reply.text(HTML.js, type: "text/javascript; charset=utf-8") }
        router.get("/") { _, _ in pages.home() }
        router.post("/new") { req, ctx in try await pages.newFile(req, ctx) }
        router.post("/import") { req, ctx in try await pages.importWorkbook(req, ctx) }
        router.get("/f/:name") { _, ctx in pages.file(try Self.param(ctx, "name")) }
        router.get("/f/:name/edit/:section") { req, ctx in
            pages.section(try Self.param(ctx, "name"), try ctx.parameters.require("section"), saved: req.uri.queryParameters["saved"].map(String.init))
        }
        router.post("/f/:name/edit/:section") { req, ctx in
            try await pages.save(req, ctx, name: try Self.param(ctx, "name"), section: try ctx.parameters.require("section"))
        }
        router.post("/f/:name/photos") { req, ctx in try await pages.upload(req, ctx, name: try Self.param(ctx, "name")) }
        router.post("/f/:name/logo") { req, ctx in try await pages.upload(req, ctx, name: try Self.param(ctx, "name"), target: .logo) }
        router.get("/f/:name/logo") { _, ctx in pages.logo(try Self.param(ctx, "name")) }
        router.get("/f/:name/photo/:index") { _, ctx in
            pages.photo(try Self.param(ctx, "name"), try ctx.parameters.require("index"))
        }
        router.get("/f/:name/doc/:kind/:format") { _, ctx in
            await pages.download(try Self.param(ctx, "name"), try ctx.parameters.require("kind"), try ctx.parameters.require("format"))
        }
        router.get("/f/:name/preview/:kind") { _, ctx in
            await pages.preview(try Self.param(ctx, "name"), try ctx.parameters.require("kind"))
        }
        router.get("/f/:name/preview/:kind/:page") { _, ctx in
            pages.previewPage(try Self.param(ctx, "name"), try ctx.parameters.require("kind"), try ctx.parameters.require("page"))
        }
        router.get("/f/:name/bundle") { _, ctx in await pages.bundle(try Self.param(ctx, "name")) }
        router.post("/f/:name/rollover") { req, ctx in try await pages.rollover(req, ctx, name: try Self.param(ctx, "name")) }
        return router
    }

    /// A path parameter, percent-decoding undone (a Thai file name arrives encoded).
    static func param(_ ctx: BasicRequestContext, _ key: String) throws -> String {
        let raw = try ctx.parameters.require(key)
        return raw.removingPercentEncoding ?? raw
    }

    /// Serves until the process is stopped; `started` receives the address once the server listens
    /// (with the port the system chose when `port` is 0).
    public func run(host: String, port: Int, started: @escaping @Sendable (String) -> Void) async throws {
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "itareport"),
            onServerRunning: { channel in
                let p = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                started("http://\(shown):\(p)/")
            },
            logger: {
                var l = Logger(label: "itareport-serve")
                l.logLevel = .warning
                return l
            }()
        )
        try await app.runService()
    }
}

/// Refuses requests that do not come from the app's own pages: a Host that is not the app's (a page of
/// another site reaching it through a name of its own), and a change (any method but GET and HEAD) whose
/// Origin, or failing that Referer, is another site, or that names neither.
struct SameOrigin<Context: RequestContext>: RouterMiddleware {
    let hosts: Set<String>
    static var hostField: HTTPField.Name { HTTPField.Name("Host")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let authority = request.headers[Self.hostField] ?? request.head.authority
        if let authority, !hosts.contains(Self.hostPart(authority)) {
            return Reply.error(.forbidden, "คำขอนี้มาจากชื่อเครื่อง \(authority) ซึ่งไม่ใช่ที่อยู่ของโปรแกรม จึงไม่ได้ทำตาม")
        }
        if request.method != .get && request.method != .head {
            let origin = request.headers[.origin] ?? request.headers[.referer].flatMap(Self.origin(of:))
            guard let origin, let authority, origin == "http://\(authority)" else {
                return Reply.error(.forbidden, "การเปลี่ยนแปลงข้อมูลต้องทำจากหน้าของโปรแกรมนี้เท่านั้น (คำขอนี้มาจากที่อื่น หรือไม่ระบุที่มา) จึงไม่ได้ทำตาม")
            }
        }
        return try await next(request, context)
    }

    /// `127.0.0.1` of `127.0.0.1:8080`, `[::1]` of `[::1]:8080`.
    static func hostPart(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") { return String(authority[...close]) }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// `http://host:port` of a full address.
    static func origin(of url: String) -> String? {
        guard let u = URL(string: url), let scheme = u.scheme, let host = u.host else { return nil }
        let h = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(h)\(u.port.map { ":\($0)" } ?? "")"
    }
}

/// Responses.
enum Reply {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Content-Security-Policy")!] = "default-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func text(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func data(_ data: Data, type: String, download name: String? = nil) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        if let name {
            let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
            headers[.contentDisposition] = "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(HTML.segment(name))"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func redirect(_ to: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = to
        return Response(status: .seeOther, headers: headers)
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, back: String = "/") -> Response {
        html(HTML.page(title: "ทำรายการไม่สำเร็จ", body: "<p class=\"notice bad\">\(HTML.esc(message))</p><p><a href=\"\(HTML.esc(back))\">กลับ</a></p>"),
             status: status)
    }
}

/// Runs blocking work (filling documents, LibreOffice) off the server's threads.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { c in
        DispatchQueue.global().async { c.resume(with: Result { try work() }) }
    }
}

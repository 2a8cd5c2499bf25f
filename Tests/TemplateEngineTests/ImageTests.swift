import OfficePackage
import OfficeXML
import TemplateEngine
import XCTest

/// Pictures from files and from data: media parts, relationships, content types, manifest, sizes.
final class ImageTests: XCTestCase {
    func data(in folder: URL) throws -> TemplateValue {
        try Pictures.png(width: 40, height: 20).write(to: folder.appendingPathComponent("logo.png"))
        return ["logo": "logo.png", "photo": .image(Pictures.jpeg(width: 30, height: 45)), "w": "4cm", "none": ""]
    }

    func testImagesDOCX() throws {
        let wb = try Workbench(name)
        let b = Body(.docx)
        let body = b.ps("{{image logo width=6cm}}", "Photo: {{image photo height=3cm}} end", "{{image logo width=w}}", "{{image none}}")
        let header = b.p("{{image logo width=2cm}} Header")
        let t = try wb.template(.docx, body: body, header: header)
        let out = try wb.fill(t, try data(in: wb.folder), options: RenderOptions(assetRoot: wb.folder))
        XCTAssertTrue(out.package.contains("word/media/itaimg1.png"))
        XCTAssertTrue(out.package.contains("word/media/itaimg2.jpeg"))
        XCTAssertEqual(out.package.partNames.filter { $0.hasPrefix("word/media/") }.count, 2, "the same picture is stored once")
        XCTAssertEqual(try out.package.read("word/media/itaimg1.png"), Pictures.png(width: 40, height: 20))

        let extents = try out.select("//wp:inline/wp:extent").map { ($0.attribute("cx") ?? "", $0.attribute("cy") ?? "") }
        XCTAssertEqual(extents.map(\.0), ["2160000", "720000", "1440000"])
        XCTAssertEqual(extents.map(\.1), ["1080000", "1080000", "720000"], "the aspect ratio is kept")
        XCTAssertEqual(try out.select("//pic:pic/pic:spPr/a:xfrm/a:ext/@cx").map(\.text), ["2160000", "720000", "1440000"])

        let embeds = try out.select("//a:blip/@r:embed").map(\.text)
        let rels = try out.select("/rel:Relationships/rel:Relationship", part: "word/_rels/document.xml.rels")
        let imageRels = Dictionary(uniqueKeysWithValues: rels.filter { $0.attribute("Type")?.hasSuffix("/image") == true }.map { ($0.attribute("Id")!, $0.attribute("Target")!) })
        XCTAssertEqual(embeds.map { imageRels[$0] }, ["media/itaimg1.png", "media/itaimg2.jpeg", "media/itaimg1.png"])
        XCTAssertEqual(Set(rels.compactMap { $0.attribute("Id") }).count, rels.count, "relationship ids are unique")
        XCTAssertEqual(try out.select("//wp:docPr/@id").map(\.text).count, Set(try out.select("//wp:docPr/@id").map(\.text)).count)

        let defaults = try out.select("/ct:Types/ct:Default", part: "[Content_Types].xml").map { ($0.attribute("Extension") ?? "", $0.attribute("ContentType") ?? "") }
        XCTAssertTrue(defaults.contains { $0 == ("png", "image/png") })
        XCTAssertTrue(defaults.contains { $0 == ("jpeg", "image/jpeg") })

        // The header's picture needs the header's own relationships part.
        let headerRels = try out.select("/rel:Relationships/rel:Relationship", part: "word/_rels/header1.xml.rels")
        XCTAssertEqual(headerRels.map { $0.attribute("Target") }, ["media/itaimg1.png"])
        XCTAssertEqual(try out.select("//wp:inline", part: "word/header1.xml").count, 1)
        XCTAssertEqual(try out.paragraphs(), ["", "Photo:  end", "", ""])
        wb.checkWithRealClients()
    }

    func testImagesODT() throws {
        let wb = try Workbench(name)
        let b = Body(.odt)
        let body = b.ps("{{image logo width=6cm}}", "Photo: {{image photo height=3cm}} end", "{{image logo width=w}}")
        let header = b.p("{{image logo width=2cm}} Header")
        let t = try wb.template(.odt, body: body, header: header)
        let out = try wb.fill(t, try data(in: wb.folder), options: RenderOptions(assetRoot: wb.folder))
        XCTAssertTrue(out.package.contains("Pictures/itaimg1.png"))
        XCTAssertTrue(out.package.contains("Pictures/itaimg2.jpeg"))
        let manifest = try out.select("//manifest:file-entry", part: "META-INF/manifest.xml").map {
            ($0.attribute("full-path", Filled.namespaces["manifest"]) ?? "", $0.attribute("media-type", Filled.namespaces["manifest"]) ?? "")
        }
        XCTAssertTrue(manifest.contains { $0 == ("Pictures/itaimg1.png", "image/png") })
        XCTAssertTrue(manifest.contains { $0 == ("Pictures/itaimg2.jpeg", "image/jpeg") })
        let frames = try out.select("//draw:frame")
        let svg = Filled.namespaces["svg"]!
        XCTAssertEqual(frames.map { $0.attribute("width", svg) }, ["6.000cm", "2.000cm", "4.000cm"])
        XCTAssertEqual(frames.map { $0.attribute("height", svg) }, ["3.000cm", "3.000cm", "2.000cm"])
        XCTAssertEqual(try out.select("//draw:frame/draw:image/@xlink:href").map(\.text), ["Pictures/itaimg1.png", "Pictures/itaimg2.jpeg", "Pictures/itaimg1.png"])
        XCTAssertEqual(try out.select("//draw:frame", part: "styles.xml").count, 1, "the header's picture")
        XCTAssertEqual(Set(try out.select("//draw:frame/@draw:name").map(\.text)).count, 3, "frame names are unique")
        wb.checkWithRealClients()
    }

    func testPictureProblemsAreReported() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let t = try wb.template(kind, body: Body(kind).ps("{{image missing}}", "{{image nofile}}", "{{image notpicture}}"))
            try Data("not a picture".utf8).write(to: wb.folder.appendingPathComponent("text.png"))
            XCTAssertThrowsError(try wb.fill(t, ["nofile": "nowhere.png", "notpicture": "text.png"], options: RenderOptions(assetRoot: wb.folder))) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("no 'missing'"), text)
                XCTAssertTrue(text.contains("nowhere.png cannot be read"), text)
                XCTAssertTrue(text.contains("text.png is not a PNG or JPEG"), text)
            }
        }
    }
}

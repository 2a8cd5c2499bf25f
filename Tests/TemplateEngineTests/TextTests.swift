import OfficePackage
import OfficeXML
import TemplateEngine
import XCTest

/// Values: tags split over runs, escaping, line breaks, tabs, spaces and forbidden characters.
final class TextTests: XCTestCase {
    let kinds: [PackageKind] = [.docx, .odt]

    func testTagSplitOverThreeRunsTakesTheFirstRunsFormattingAndLeavesOthersAlone() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            var body = b.p([.bold("Name: {{or"), .italic("g.na"), .underline("me}} end")])
            body += b.p([.plain("{{"), .italic("org"), .plain("."), .bold("code}}"), .underline(" tail")])
            if kind == .docx {
                // What Word writes: proofing marks, bookmarks and language changes between the pieces.
                body += """
                <w:p><w:r><w:t>{{</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:lang w:val="th-TH"/></w:rPr><w:t>org</w:t></w:r>\
                <w:bookmarkStart w:id="0" w:name="m"/><w:r><w:rPr><w:rFonts w:cs="Tahoma"/></w:rPr><w:t>.na</w:t></w:r><w:bookmarkEnd w:id="0"/>\
                <w:proofErr w:type="spellEnd"/><w:r w:rsidR="00AB12CD"><w:t>me}}</w:t></w:r></w:p>
                """
            } else {
                body += """
                <text:p>{{<text:span text:style-name="T1">or<text:bookmark text:name="m"/>g</text:span><text:span text:style-name="T2">.na</text:span>me}}</text:p>
                """
            }
            let t = try wb.template(kind, body: body)
            let out = try wb.fill(t, ["org": ["name": "สำนักงานเขต", "code": "X-1"]])
            XCTAssertEqual(try out.paragraphs(), ["Name: สำนักงานเขต end", "X-1 tail", "สำนักงานเขต"], "\(kind)")
            switch kind {
            case .docx:
                XCTAssertEqual(try out.select("//w:r[w:t='สำนักงานเขต']/w:rPr/w:b").count, 1, "the value is bold, like the run where the tag starts")
                XCTAssertEqual(try out.select("//w:r[w:t='Name: ']/w:rPr/w:b").count, 1)
                XCTAssertEqual(try out.select("//w:r[w:t=' end']/w:rPr/w:u").count, 1, "the run after the tag keeps its underline")
                XCTAssertEqual(try out.select("//w:p[1]//w:i").count, 0, "the run that held only tag text is gone")
                XCTAssertEqual(try out.select("//w:r[w:t='X-1']/w:rPr").count, 0, "the second tag starts in a plain run")
                XCTAssertEqual(try out.select("//w:r[w:t=' tail']/w:rPr/w:u").count, 1)
                XCTAssertEqual(try out.select("//w:p[3]//w:bookmarkStart").count, 0, "bookmarks inside a tag go with it")
            case .odt:
                XCTAssertEqual(try out.select("//text:span[@text:style-name='T1'][.='สำนักงานเขต']").count, 1)
                XCTAssertEqual(try out.select("//text:span[@text:style-name='T1'][.='Name: ']").count, 1)
                XCTAssertEqual(try out.select("//text:span[@text:style-name='T3'][.=' end']").count, 1)
                XCTAssertEqual(try out.select("//text:span[@text:style-name='T2']").count, 0)
                XCTAssertEqual(try out.select("//text:span[@text:style-name='T3'][.=' tail']").count, 1)
            }
            XCTAssertFalse(try out.xml().contains("tpl-tag"))
        }
        wb.checkWithRealClients()
    }

    func testValuesAreEscaped() throws {
        let wb = try Workbench(name)
        let nasty = #"A < B & "C" 'D' > E &amp; ]]>"#
        for kind in kinds {
            let t = try wb.template(kind, body: Body(kind).p("[{{v}}]"))
            let out = try wb.fill(t, ["v": .string(nasty)])
            XCTAssertEqual(try out.paragraphs(), ["[\(nasty)]"])
            XCTAssertTrue(try out.xml().contains("A &lt; B &amp; \"C\" 'D' &gt; E &amp;amp; ]]&gt;"), "\(kind)")
        }
        wb.checkWithRealClients()
    }

    func testLineBreaksTabsAndSpacesAreKept() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let t = try wb.template(kind, body: Body(kind).p([.bold("{{v}}")]))
            let out = try wb.fill(t, ["v": "first line\nsecond\tcolumn\r\nthird   spaced  "])
            XCTAssertEqual(try out.paragraphs(), ["first line\nsecond\tcolumn\nthird   spaced  "], "\(kind)")
            switch kind {
            case .docx:
                XCTAssertEqual(try out.select("//w:br").count, 2)
                XCTAssertEqual(try out.select("//w:tab").count, 1)
                XCTAssertEqual(try out.select("//w:r[w:br]/w:rPr/w:b").count, 1, "breaks stay in the value's run")
            case .odt:
                XCTAssertEqual(try out.select("//text:line-break").count, 2)
                XCTAssertEqual(try out.select("//text:tab").count, 1)
                XCTAssertGreaterThan(try out.select("//text:s").count, 0)
            }
        }
        wb.checkWithRealClients()
    }

    func testControlCharactersAreRemovedWithAWarning() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let t = try wb.template(kind, body: Body(kind).p("{{v}}"))
            let out = try wb.fill(t, ["v": "A\u{01}B\u{0B}C\u{FFFE}D\u{1F}"])
            XCTAssertEqual(try out.paragraphs(), ["ABCD"])
            XCTAssertEqual(out.warnings.count, 1)
            XCTAssertTrue(out.warnings.first?.contains("control characters") ?? false, "\(out.warnings)")
            XCTAssertTrue(out.warnings.first?.contains(out.mainPart) ?? false, "\(out.warnings)")
        }
        wb.checkWithRealClients()
    }

    func testThisAndOuterNamesAndLiterals() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let t = try wb.template(kind, body: Body(kind).p(#"{{#each xs}}{{this}}-{{org}}-{{"lit"}};{{/each}}"#))
            let out = try wb.fill(t, ["xs": ["a", "b"], "org": "O"])
            XCTAssertEqual(try out.paragraphs(), ["a-O-lit;b-O-lit;"])
        }
        wb.checkWithRealClients()
    }
}

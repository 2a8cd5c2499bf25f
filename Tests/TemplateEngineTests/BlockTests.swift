import OfficePackage
import OfficeXML
import TemplateEngine
import XCTest

/// Loops, conditions and lists: what repeats, what is kept, what is removed.
final class BlockTests: XCTestCase {
    let kinds: [PackageKind] = [.docx, .odt]

    func testNestedLoopsOverParagraphsAndInline() throws {
        let wb = try Workbench(name)
        let data: TemplateValue = ["groups": [
            ["name": "G1", "items": [["title": "a"], ["title": "b"]]],
            ["name": "G2", "items": []],
        ]]
        for kind in kinds {
            let b = Body(kind)
            let body = b.ps("Groups:", "{{#each groups}}", "{{@number}}. {{name}}", "{{#each items}}", "- {{title}} ({{name}})", "{{/each}}", "{{/each}}", "End")
                + b.p("{{#each groups}}[{{name}}:{{#each items}}{{title}}{{#unless @last}},{{/unless}}{{/each}}]{{/each}}")
            let out = try wb.fill(try wb.template(kind, body: body), data)
            XCTAssertEqual(try out.paragraphs(), ["Groups:", "1. G1", "- a (G1)", "- b (G1)", "2. G2", "End", "[G1:a,b][G2:]"], "\(kind)")
        }
        wb.checkWithRealClients()
    }

    func testEmptyLoopRemovesItsStructureAndLeavesNoEmptyParagraph() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let body = b.ps("Before", "{{#each none}}", "Item {{this}}", "{{/each}}", "After")
                + b.table([["H1", "H2"], ["{{#each none}}{{a}}", "{{b}}{{/each}}"]])
                + b.p("X{{#each none}}, {{this}}{{/each}}Y")
                + b.table([["{{#each none}}{{a}}", "{{b}}{{/each}}"]])
                + b.p("Last")
            let out = try wb.fill(try wb.template(kind, body: body), ["none": []])
            XCTAssertEqual(try out.paragraphs(), ["Before", "After", "H1", "H2", "XY", "Last"], "\(kind)")
            let rows = kind == .docx ? "//w:tr" : "//table:table-row"
            let tables = kind == .docx ? "//w:tbl" : "//table:table"
            XCTAssertEqual(try out.select(rows).count, 1, "only the header row is left")
            XCTAssertEqual(try out.select(tables).count, 1, "a table left without rows is removed")
        }
        wb.checkWithRealClients()
    }

    func testConditionsElseAndUnless() throws {
        let wb = try Workbench(name)
        let data: TemplateValue = ["yes": true, "no": false, "zero": 0, "empty": "", "none": [], "obj": ["k": 1]]
        for kind in kinds {
            let b = Body(kind)
            let body = b.ps("{{#if yes}}", "Shown", "{{else}}", "Hidden", "{{/if}}",
                            "{{#if no}}", "Hidden2", "{{else}}", "Else2", "{{/if}}",
                            "{{#unless no}}", "Unless shown", "{{/unless}}",
                            "{{#unless yes}}", "Unless hidden", "{{/unless}}",
                            "A{{#if no}}B{{else}}C{{/if}}D{{#if yes}}E{{/if}}",
                            "{{#if zero}}zero{{/if}}{{#if empty}}X{{/if}}{{#if none}}Y{{/if}}{{#if obj}} obj{{/if}}{{#unless empty}} unless{{else}}Z{{/unless}}",
                            "{{#if no}}", "Gone", "{{/if}}")
            let out = try wb.fill(try wb.template(kind, body: body), data)
            XCTAssertEqual(try out.paragraphs(), ["Shown", "Else2", "Unless shown", "ACDE", "zero obj unless"], "\(kind)")
        }
        wb.checkWithRealClients()
    }

    func testConditionOnAMissingNameIsFalseWithAWarning() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let body = b.ps("A{{#if typo}}B{{/if}}C", "{{#unless missing.name}}shown{{/unless}}", "{{#if present}}D{{/if}}")
            let out = try wb.fill(try wb.template(kind, body: body), ["present": .null])
            XCTAssertEqual(try out.paragraphs(), ["AC", "shown", ""], "\(kind)")
            XCTAssertEqual(out.warnings.count, 2, "\(out.warnings)")
            XCTAssertTrue(out.warnings.contains { $0.contains("'typo'") && $0.contains("paragraph 1") }, "\(out.warnings)")
            XCTAssertTrue(out.warnings.contains { $0.contains("'missing.name'") }, "\(out.warnings)")
        }
    }

    func testLoopVariables() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let body = b.p("{{#each xs}}{{@index}}/{{@number}}/{{this}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}};{{/each}}")
                + b.ps("{{#each xs}}", "{{@number}}{{#if @last}}.{{else}},{{/if}}", "{{/each}}")
            let out = try wb.fill(try wb.template(kind, body: body), ["xs": ["a", "b", "c"]])
            XCTAssertEqual(try out.paragraphs(), ["0/1/a first;1/2/b;2/3/c last;", "1,", "2,", "3."], "\(kind)")
        }
        wb.checkWithRealClients()
    }

    func testListValueBecomesParagraphsInTheParagraphsStyle() throws {
        let wb = try Workbench(name)
        let data: TemplateValue = ["points": ["หนึ่ง", "two & <three>", "สาม"], "empty": []]
        for kind in kinds {
            let b = Body(kind)
            var body = b.p("Points:") + b.p([.bold("{{points}}")], style: kind == .docx ? "ListBullet" : "List_20_Bullet")
            body += b.p("{{empty}}") + b.p("Inline: {{points | join:\", \"}}")
            if kind == .odt {
                body += #"<text:list><text:list-item><text:p text:style-name="P1">{{points}}</text:p></text:list-item></text:list>"#
            }
            let out = try wb.fill(try wb.template(kind, body: body), data)
            var expected = ["Points:", "หนึ่ง", "two & <three>", "สาม", "Inline: หนึ่ง, two & <three>, สาม"]
            if kind == .odt { expected += ["หนึ่ง", "two & <three>", "สาม"] }
            XCTAssertEqual(try out.paragraphs(), expected, "\(kind)")
            switch kind {
            case .docx:
                XCTAssertEqual(try out.select("//w:p[w:pPr/w:pStyle/@w:val='ListBullet']").count, 3)
                XCTAssertEqual(try out.select("//w:p[w:pPr/w:pStyle/@w:val='ListBullet']/w:r/w:rPr/w:b").count, 3)
            case .odt:
                XCTAssertEqual(try out.select("//text:p[@text:style-name='List_20_Bullet']").count, 3)
                XCTAssertEqual(try out.select("//text:list/text:list-item/text:p[@text:style-name='P1']").count, 3, "each item is its own list item")
            }
        }
        wb.checkWithRealClients()
    }

    func testParagraphLoopRepeatsTablesBetweenItsTags() throws {
        let wb = try Workbench(name)
        for kind in kinds {
            let b = Body(kind)
            let body = b.ps("{{#each groups}}", "Group {{name}}") + b.table([["Item", "{{name}}-{{@number}}"]]) + b.ps("{{/each}}", "End")
            let out = try wb.fill(try wb.template(kind, body: body), ["groups": [["name": "A"], ["name": "B"]]])
            XCTAssertEqual(try out.paragraphs(), ["Group A", "Item", "A-1", "Group B", "Item", "B-2", "End"], "\(kind)")
            XCTAssertEqual(try out.select(kind == .docx ? "//w:tbl" : "//table:table").count, 2)
        }
        wb.checkWithRealClients()
    }

    func testLoopOverODFListItemsLeavesNoEmptyItems() throws {
        let wb = try Workbench(name)
        func item(_ t: String) -> String { "<text:list-item><text:p text:style-name=\"P1\">\(t)</text:p></text:list-item>" }
        let body = "<text:list>" + item("{{#each xs}}") + item("Point {{this}}") + item("{{/each}}") + item("Last") + "</text:list>"
        let out = try wb.fill(try wb.template(.odt, body: body), ["xs": ["a", "b"]])
        XCTAssertEqual(try out.paragraphs(), ["Point a", "Point b", "Last"])
        XCTAssertEqual(try out.select("//text:list-item").count, 3)
        wb.checkWithRealClients()
    }

    func testTagWithDoubleSpacesInODF() throws {
        let wb = try Workbench(name)
        let body = "<text:p>{{name<text:s/> | default:\"-\"}} and {{<text:s text:c=\"2\"/>name}}</text:p>"
        let out = try wb.fill(try wb.template(.odt, body: body), ["name": "N"])
        XCTAssertEqual(try out.paragraphs(), ["N and N"])
        wb.checkWithRealClients()
    }
}

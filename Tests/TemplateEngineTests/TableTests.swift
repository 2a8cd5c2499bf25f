import OfficePackage
import OfficeXML
import TemplateEngine
import XCTest

/// Row loops, multi-row blocks, loops inside cells and cells merged down their group.
final class TableTests: XCTestCase {
    let rows: TemplateValue = ["rows": [
        ["tool": "A", "item": "1", "subs": ["a1", "a2"]],
        ["tool": "A", "item": "2", "subs": []],
        ["tool": "B", "item": "3", "subs": ["b1"]],
        ["tool": "A", "item": "4", "subs": ["x"]],
    ]]

    func testMergedCellsDOCX() throws {
        let wb = try Workbench(name)
        let b = Body(.docx)
        let body = b.table([["Tool", "Item"], ["{{#each rows}}{{merge tool}}", "{{item}}{{/each}}"]])
        let out = try wb.fill(try wb.template(.docx, body: body), rows)
        let trs = try out.select("//w:tr")
        XCTAssertEqual(trs.count, 5)
        let vMerge = try (1...4).map { i -> String in
            let v = try out.select("//w:tr[\(i + 1)]/w:tc[1]/w:tcPr/w:vMerge")
            guard let m = v.first else { return "none" }
            return m.attribute("val", Fixture.wNS) ?? "continue"
        }
        XCTAssertEqual(vMerge, ["restart", "continue", "none", "none"])
        XCTAssertEqual(try out.select("//w:tr[3]/w:tc[1]//w:t").count, 0, "a continued cell holds no text")
        XCTAssertEqual(try out.select("//w:tr[3]/w:tc[1]/w:p").count, 1, "a continued cell keeps one empty paragraph")
        XCTAssertEqual(try out.select("//w:tcPr/*[1][self::w:tcW]").count, 10, "tcW stays before vMerge (schema order)")
        XCTAssertEqual(try out.paragraphs(), ["Tool", "Item", "A", "1", "", "2", "B", "3", "A", "4"])
        wb.checkWithRealClients()
    }

    func testMergedCellsODT() throws {
        let wb = try Workbench(name)
        let b = Body(.odt)
        let body = b.table([["Tool", "Item"], ["{{#each rows}}{{merge tool}}", "{{item}}{{/each}}"]])
        let out = try wb.fill(try wb.template(.odt, body: body), rows)
        XCTAssertEqual(try out.select("//table:table-row").count, 5)
        XCTAssertEqual(try out.select("//table:table-row[2]/table:table-cell[1]/@table:number-rows-spanned").first?.text, "2")
        XCTAssertEqual(try out.select("//table:table-row[3]/*[1][self::table:covered-table-cell]").count, 1)
        XCTAssertEqual(try out.select("//table:table-row[3]/table:covered-table-cell").first?.attribute("style-name", Filled.namespaces["table"]), "Cell")
        XCTAssertEqual(try out.select("//table:table-row[4]/table:table-cell[1][not(@table:number-rows-spanned)]").count, 1)
        XCTAssertEqual(try out.select("//table:table-row[5]/table:table-cell[1][not(@table:number-rows-spanned)]").count, 1)
        XCTAssertEqual(try out.select("//table:table-row").map { $0.elementChildren.count }, [2, 2, 2, 2, 2], "every row keeps its column count")
        XCTAssertEqual(try out.paragraphs(), ["Tool", "Item", "A", "1", "2", "B", "3", "A", "4"])
        wb.checkWithRealClients()
    }

    func testRowBlocksAndLoopsInsideCells() throws {
        let wb = try Workbench(name)
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let cellLoop = b.ps("{{#each subs}}", "• {{this}}", "{{/each}}")
            let body = b.table([["No.", "Item"],
                                ["{{#each rows}}{{@number}}", "{{item}}"],
                                ["{{tool}}", cellLoop + b.p("{{/each}}")]])
                + b.table([["{{#each rows}}{{#if @first}}first {{/if}}{{item}}", "{{#each subs}}{{this}} {{/each}}{{/each}}"]])
            let out = try wb.fill(try wb.template(kind, body: body), rows)
            let rowsXPath = kind == .docx ? "//w:tbl[1]/w:tr" : "//table:table[1]/table:table-row"
            XCTAssertEqual(try out.select(rowsXPath).count, 9, "\(kind): header + two rows per item")
            XCTAssertEqual(try out.paragraphs(), [
                "No.", "Item", "1", "1", "A", "• a1", "• a2", "2", "2", "A"] + (kind == .docx ? [""] : []) + ["3", "3", "B", "• b1", "4", "4", "A", "• x",
                "first 1", "a1 a2 ", "2", "", "3", "b1 ", "4", "x ",
            ], "\(kind): a DOCX cell keeps an empty paragraph, an ODT cell may be empty")
        }
        wb.checkWithRealClients()
    }

    /// Two {{merge}} tags in one cell used to free the cell twice in ODT (the process aborted). The cell
    /// merges down only where both of its values repeat.
    func testTwoMergeTagsInOneCell() throws {
        let wb = try Workbench(name)
        let data: TemplateValue = ["rows": [
            ["tool": "A", "group": "1", "item": "x"],
            ["tool": "A", "group": "1", "item": "y"],
            ["tool": "A", "group": "2", "item": "z"],
            ["tool": "B", "group": "2", "item": "w"],
        ]]
        for kind in [PackageKind.docx, .odt] {
            let b = Body(kind)
            let body = b.table([["Tool", "Item"], ["{{#each rows}}{{merge tool}}/{{merge group}}", "{{item}}{{/each}}"]])
            let t = try wb.template(kind, body: body)
            XCTAssertEqual(try Template(contentsOf: t).tags.filter { $0.tag.hasPrefix("merge") }.count, 2)
            let out = try wb.fill(t, data)
            switch kind {
            case .docx:
                let marks = try (2...5).map { i -> String in
                    guard let m = try out.select("//w:tr[\(i)]/w:tc[1]/w:tcPr/w:vMerge").first else { return "none" }
                    return m.attribute("val", Fixture.wNS) ?? "continue"
                }
                XCTAssertEqual(marks, ["restart", "continue", "none", "none"])
                XCTAssertEqual(try out.paragraphs(), ["Tool", "Item", "A/1", "x", "", "y", "A/2", "z", "B/2", "w"])
            case .odt:
                XCTAssertEqual(try out.select("//table:table-row[2]/table:table-cell[1]/@table:number-rows-spanned").first?.text, "2")
                XCTAssertEqual(try out.select("//table:covered-table-cell").count, 1)
                XCTAssertEqual(try out.select("//table:table-row").map { $0.elementChildren.count }, [2, 2, 2, 2, 2])
                XCTAssertEqual(try out.paragraphs(), ["Tool", "Item", "A/1", "x", "y", "A/2", "z", "B/2", "w"])
            }
        }
        wb.checkWithRealClients()
    }
}

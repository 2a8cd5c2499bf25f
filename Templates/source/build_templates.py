#!/usr/bin/env python3
"""Builds the shipped ITA templates (DOCX and ODT) from one description per layout.

Usage: python3 Templates/source/build_templates.py [OUTPUT_DIR]

Each layout is written once as a list of blocks (paragraphs, tables, section
changes) and rendered twice: WordprocessingML and ODF text. Python 3 standard
library only. The output is byte-for-byte reproducible: fixed zip timestamps,
fixed part order, no random ids.

The tags inside the text ({{org.name}}, {{#each measures}}, ...) are the
template language described in docs; Templates/README.md lists the data each
template expects.
"""

import os
import sys
import zipfile
from xml.sax.saxutils import escape

FONT = "TH SarabunPSK"
ZIP_DATE = (2024, 1, 1, 0, 0, 0)

# List labels: the hanging indent holds "๑๐." (0.9 cm in TH SarabunPSK 16 pt, Thai
# digits are wider than Arabic ones) and a gap; the second level holds "(๑๐)".
LIST_INDENT_CM = ((1.0, 1.0), (2.2, 1.2))     # (left, hanging) per level

# Page geometry (A4). Margins: top 2.5 cm, left 3 cm, right 2 cm, bottom 2 cm.
TWIPS_PER_CM = 567
PAGE_W, PAGE_H = 11906, 16838
MAR_TOP, MAR_BOTTOM, MAR_LEFT, MAR_RIGHT = 1418, 1134, 1701, 1134
TEXT_W = {"portrait": PAGE_W - MAR_LEFT - MAR_RIGHT,     # 9071 twips = 16.0 cm
          "landscape": PAGE_H - MAR_LEFT - MAR_RIGHT}    # 14003 twips = 24.7 cm


# --------------------------------------------------------------------------
# Layout model
# --------------------------------------------------------------------------

class P:
    """A paragraph. text may hold **bold** spans and line breaks ("\n"). style is
    one of STYLES. numbered: None, "decimal" or "bullet" (a one-level list in that
    paragraph)."""

    def __init__(self, text="", style="Body", numbered=None, keep_next=False,
                 page_break=False, closing=False):
        # "พ.ศ." never ends a line without its year: a no-break space joins them.
        self.text = text.replace("พ.ศ. ", "พ.ศ.\u00a0")
        self.style = style
        self.numbered = numbered
        self.keep_next = keep_next
        self.page_break = page_break
        # closing: a closing paragraph between a table and its signature, set with the
        # signature in the table's last row.
        self.closing = closing


class Chart(P):
    """A chart frame, named like the view value that fills it (chart_tools,
    chart_indicators). The template carries a sample chart; generation writes the
    chart part behind the frame from the data (a DrawingML chart in DOCX, a chart
    object in ODT). Size in cm."""

    def __init__(self, name, width=15.0, height=9.0):
        super().__init__("", "Figure")
        self.name = name
        self.width = width
        self.height = height


def charted(name):
    """The chart frame of a view value, shown only when the data has the chart."""
    return [P("{{#if %s}}" % name, "Figure"), Chart(name, height=chart_height(name)), P("{{/if}}", "Figure")]


def chart_height(name):
    """The indicator chart lists ten indicators by name, one bar a line: taller."""
    return 12.0 if name == "chart_indicators" else 8.0


class Cell:
    def __init__(self, paras, span=1, kind="body"):
        if isinstance(paras, str):
            paras = [P(paras, "TableText")]
        elif isinstance(paras, P):
            paras = [paras]
        self.paras = paras
        self.span = span
        self.kind = kind          # "head" (grey), "group" (light grey), "body", "plain" (no borders),
                                  # "sign" (the signature row: no borders but the line above it)


class Row:
    """split: the row may break across pages (the measure rows of the grids, which
    can be taller than a page: LibreOffice clips a row that may not split and does
    not fit a page, and its text is lost); other rows stay whole."""

    def __init__(self, cells, header=False, split=False, keep=False):
        self.cells = cells
        self.header = header
        self.split = split
        # keep: the row keeps with the next one (a group's heading rows above its first measure).
        self.keep = keep


class Table:
    """widths_cm: the columns, which must add up to the text width of the page
    (16.0 cm portrait, 24.7 cm landscape).
    keep: the table stays on one page when it fits (short tables: the tool and
    indicator tables, the question table of an issue). Long tables break between
    rows; their header and group rows stay with the row that follows them."""

    def __init__(self, widths_cm, rows, orientation="portrait", keep=False, whole=False):
        self.rows = rows
        self.keep = keep or whole
        # whole: a table of a few fixed rows (tools, indicators) that LibreOffice never
        # breaks in the ODT either (there its rows' keeps do not hold a table together).
        self.whole = whole
        total = TEXT_W[orientation]
        assert abs(sum(widths_cm) * TWIPS_PER_CM - total) < TWIPS_PER_CM * 0.05, \
            f"columns {widths_cm} do not add up to the {orientation} text width"
        tw = [round(w * TWIPS_PER_CM) for w in widths_cm]
        tw[-1] += total - sum(tw)       # columns fill the text width exactly
        self.twips = tw

    def keeps_with_next(self, k):
        """Row k keeps with the row after it: every row of a short table, and the
        header and group rows of any table (Word and LibreOffice keep a row with
        the next one when its paragraphs keep with next)."""
        row = self.rows[k]
        return k < len(self.rows) - 1 and (self.keep or row.header or row.keep or
                                           all(c.kind == "group" for c in row.cells))


class Section:
    """A run of blocks on one page setup. master: "Cover" (portrait, no page
    number), "Standard" (portrait) or "Landscape". The paragraph right before
    a table keeps with it (an introduction never ends a page alone)."""

    def __init__(self, master, blocks):
        self.master = master
        blocks = list(blocks)
        # A signature block right after a table becomes the table's last row, without
        # borders: LibreOffice and Word keep a row with the next one when the row's
        # paragraphs keep with next, which they do not do for a table and the
        # paragraph after it. Generation marks the filled table's last measure row
        # so (SignatureKeeping); the template's loop row cannot carry the mark, or
        # every measure would keep with the next one. A tiny paragraph closes the
        # table, so that neither program adds a full-height one of its own after it.
        # A closing paragraph between the table and the signature goes into that row too.
        k = 0
        while k < len(blocks) - 1:
            a, b = blocks[k], blocks[k + 1]
            if isinstance(a, Table) and isinstance(b, P) and b.closing:
                assert k + 2 < len(blocks) and blocks[k + 2].style in SIGNATURE_STYLES, "a closing paragraph before its signature"
                b.keep_next = False
                a.rows.append(Row([Cell([b, blocks[k + 2]], span=len(a.twips), kind="sign")]))
                blocks[k + 1:k + 3] = [P("", "TableEnd")]
            elif isinstance(a, Table) and isinstance(b, P) and b.style in SIGNATURE_STYLES:
                a.rows.append(Row([Cell([b], span=len(a.twips), kind="sign")]))
                blocks[k + 1] = P("", "TableEnd")
            k += 1
        self.blocks = blocks
        for a, b in zip(blocks, blocks[1:]):
            if isinstance(a, P) and isinstance(b, Table):
                a.keep_next = True

    @property
    def orientation(self):
        return "landscape" if self.master == "Landscape" else "portrait"


def head(*labels, style="TableHeading"):
    return Row([Cell(P(t, style), kind="head") for t in labels], header=True)


def grid_cell(text, numbered=None):
    """A cell of a wide development grid, in the grid's 14 pt text (Thai official grids
    commonly print their many columns a size below the body text)."""
    return Cell(P(text, "GridList" if numbered else "GridText", numbered=numbered))


DOTS = "...................................."
# The signature block's paragraph styles (the engine's SignatureKeeping knows them by name).
SIGNATURE_STYLES = ("Signature", "SignatureWide")


def signature(date_word, orientation):
    """Date line and signature block, placed right of centre. Without a date,
    name or position in the data the lines keep dotted blanks to be written in."""
    style = "SignatureWide" if orientation == "landscape" else "Signature"
    # One paragraph whose lines never part (keep lines together): a page break can
    # only come before the whole block.
    return [
        P(f"{date_word} ณ วันที่ {{{{#if signatory.date}}}}{{{{signatory.date | date:long}}}}"
          f"{{{{else}}}}{DOTS}{{{{/if}}}}\n"
          "ลงชื่อ ...............................................\n"
          f'({{{{signatory.name | default:"{DOTS}"}}}})\n'
          f'{{{{signatory.position | default:"{DOTS}"}}}}', style),
    ]


LOGO = P("{{#if org.logo}}{{image org.logo width=3cm}}{{/if}}", "Center")

# The ITA figures an O35 result cites; a citation without a known score prints without one.
CITATIONS = ("{{#if citations}}(อ้างอิงผลการประเมิน ITA: {{#each citations}}{{label}}"
             "{{#if score}} ได้คะแนน {{score | number:2}}{{/if}}{{#unless @last}}; {{/unless}}{{/each}}){{/if}}")

# The draft mark, in the header of every page (covers included) while the data has blanks.
DRAFT_MARK = "{{#if draft}}ร่าง{{/if}}"


# --------------------------------------------------------------------------
# The five layouts
# --------------------------------------------------------------------------

def indicator_table(orientation="portrait"):
    return Table([3.0, 2.5, 8.0, 2.5], [
        head("แบบสำรวจ", "ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน"),
        Row([Cell(P("{{#each indicators}}{{merge tool}}", "TableCenter")),
             Cell(P("{{number}}", "TableCenter")),
             Cell("{{name}}"),
             Cell(P("{{score | number:2}}{{/each}}", "TableCenter"))]),
        Row([Cell(P("คะแนนรวม", "TableHeading"), span=3, kind="group"),
             Cell(P("{{total | number:2}}", "TableHeading"), kind="group")]),
    ], orientation, whole=True)


def o34_2567():
    cover = Section("Cover", [
        LOGO,
        P("", "Center"),
        P("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "CoverTitle"),
        P("ภายในหน่วยงาน", "CoverTitle"),
        P("ประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "CoverTitle"),
        P("", "Center"),
        P("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส", "CoverLine"),
        P("ในการดำเนินงานของหน่วยงานภาครัฐ", "CoverLine"),
        P("ประจำปีงบประมาณ พ.ศ. {{assessed_year}}", "CoverLine"),
        P("", "Center"), P("", "Center"), P("", "Center"),
        P("{{org.name}}", "CoverTitle"),
        P("{{#if org.district}}อำเภอ{{org.district}} {{/if}}จังหวัด{{org.province}}", "CoverLine"),
    ])
    issue_rows = [
        head("ข้อคำถาม", "คะแนน"),
        Row([Cell(P("{{#each question_groups}}{{tool_label}}", "TableBold"), span=2, kind="group")]),
        Row([Cell("{{#each questions}}{{code}} {{text}}"),
             Cell(P("{{score | number:2}}{{/each}}{{/each}}", "TableCenter"))]),
    ]
    body = Section("Standard", [
        P("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส\n"
          "ในการดำเนินงานของ{{org.name}}\n"
          "ประจำปีงบประมาณ พ.ศ. {{assessed_year}}\n"
          "เพื่อกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส\n"
          "ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "Heading2Center"),
        P("1. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. {{assessed_year}}", "Heading1"),
        P("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {{assessed_year}} ของ{{org.name}} ได้คะแนนภาพรวม **{{total | number:2}}** คะแนน อยู่ในระดับ **{{level}}** รายละเอียดของคะแนนแยกตามเครื่องมือการประเมินและตามตัวชี้วัดแสดงไว้ในแผนภูมิต่อไปนี้"),
        P("ผลการประเมินรายเครื่องมือ", "Heading2Center"),
        *charted("chart_tools"),
        P("ผลการประเมินรายตัวชี้วัด", "Heading2Center"),
        *charted("chart_indicators"),
        P("2. สรุปผลการประเมินรายตัวชี้วัด ประจำปีงบประมาณ พ.ศ. {{assessed_year}}", "Heading1"),
        indicator_table(),
        P("3. รายละเอียดการวิเคราะห์ผลการประเมินของ{{org.name}} ประจำปีงบประมาณ พ.ศ. {{assessed_year}} จำแนกตามประเด็น ดังนี้", "Heading1"),
        P("{{#each issues}}", "Body"),
        P("({{number}}) {{name}}", "BodyIndent"),
        P("{{/each}}", "Body"),
        P("{{#each issues}}", "Body"),
        P("ประเด็นที่ {{number}} {{name}}", "Heading2"),
        Table([13.0, 3.0], issue_rows, keep=True),
        P("วิเคราะห์ข้อบกพร่อง/ข้อปรับปรุง ข้อที่ต้องพัฒนา หรือรักษาระดับ", "Heading2"),
        P("**ข้อบกพร่อง/ข้อปรับปรุง** {{deficiencies | default:\"-\"}}"),
        P("**ข้อที่ต้องพัฒนา** {{to_develop | default:\"-\"}}"),
        P("**รักษาระดับ** {{maintain | default:\"-\"}}"),
        P("{{/each}}", "Body"),
        P("ข้อจำกัดของหน่วยงานในการดำเนินการ", "Heading2"),
        P("ปัญหา/อุปสรรค", "Heading3"),
        # An empty list prints "-", so its heading never ends a page with nothing under it.
        P("{{#if problems}}", "Body"),
        P("{{problems}}", "ListText", numbered="decimal"),
        P("{{else}}", "Body"),
        P("-"),
        P("{{/if}}", "Body"),
        P("ข้อเสนอแนะ", "Heading3"),
        P("{{#if suggestions}}", "Body"),
        P("{{suggestions}}", "ListText", numbered="decimal"),
        P("{{else}}", "Body"),
        P("-"),
        P("{{/if}}", "Body"),
    ])
    L = "landscape"
    grid = Section("Landscape", [
        P("4. วิธีการนำผลการวิเคราะห์แต่ละประเด็นไปสู่การปฏิบัติ ในปีงบประมาณ พ.ศ. {{fiscal_year}}", "Heading1"),
        P("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในของ{{org.name}}\nประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "Subtitle", keep_next=True),
        # The steps get the room (10.6 cm: most steps one line); a measure row that keeps whole is then
        # short enough that pages fill (at 9.4 cm every step ran to two lines and pages ended a third blank).
        Table([6.0, 10.6, 4.0, 4.1], [
            head("มาตรการ/โครงการ/กิจกรรม", "ขั้นตอน/วิธีปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลา\nดำเนินการ",
                 style="GridHeading"),
            Row([grid_cell("{{#each measures}}{{title}}"),
                 Cell(P("{{steps}}", "GridList", numbered="decimal")),
                 grid_cell("{{owners}}"),
                 grid_cell("{{period}}{{/each}}")], split=True),
        ], L),
        P("", "Body"),
        P("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน จำแนกตามประเด็นการวิเคราะห์", "Subtitle", keep_next=True),
        # The steps column is the widest (8.0 cm), as in the grid above, for rows short enough to fill pages.
        # Each measure row names its issue itself, not one cell merged down the issue's rows:
        # LibreOffice does not break a table inside a vertical merge over rows that may not
        # split, so it set each issue's rows apart on pages of their own (one to three rows,
        # most of the page blank), and a page continuing an issue showed an empty issue cell.
        Table([4.2, 5.2, 3.5, 8.0, 3.8], [
            head("ประเด็นที่", "มาตรการ/โครงการ/กิจกรรม", "ผู้รับผิดชอบ/\nผู้ที่เกี่ยวข้อง",
                 "ขั้นตอน/วิธีปฏิบัติ", "วัน เดือน ปี\nที่ดำเนินการ",
                 style="GridHeading"),
            Row([grid_cell("{{#each measures}}{{issue_label}}"),
                 grid_cell("{{title}}"),
                 grid_cell("{{owners}}"),
                 Cell(P("{{steps}}", "GridList", numbered="decimal")),
                 grid_cell("{{period}}{{/each}}")], split=True),
        ], L),
    ] + signature("ประกาศ", L))
    return [cover, body, grid]


def o34_2564():
    L = "landscape"
    analysis = Section("Standard", [
        LOGO,
        P("มาตรการส่งเสริมคุณธรรมและความโปร่งใส\nประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "Title"),
        P("{{org.name}}\n{{#if org.district}}อำเภอ{{org.district}} {{/if}}จังหวัด{{org.province}}", "Subtitle"),
        P("1. การวิเคราะห์ผลการประเมิน ITA ของ{{org.name}} ปีงบประมาณ พ.ศ. {{assessed_year}}", "Heading1"),
        P("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {{assessed_year}} ของ{{org.name}} ได้คะแนนรวม **{{total | number:2}}** คะแนน อยู่ในระดับ **{{level}}** ผลคะแนนรายตัวชี้วัดแสดงไว้ในแผนภูมิต่อไปนี้"),
        # With the chart, the indicator table (about a page long) starts on a new
        # page rather than leaving its header rows at the foot of the first one.
        P("{{#if chart_indicators}}", "Body"),
        Chart("chart_indicators", height=chart_height("chart_indicators")),
        P("เมื่อพิจารณาคะแนนของแต่ละตัวชี้วัด หน่วยงานพบประเด็นที่ต้องแก้ไขหรือปรับปรุง ดังนี้", page_break=True, keep_next=True),
        P("{{else}}", "Body"),
        P("เมื่อพิจารณาคะแนนของแต่ละตัวชี้วัด หน่วยงานพบประเด็นที่ต้องแก้ไขหรือปรับปรุง ดังนี้", keep_next=True),
        P("{{/if}}", "Body"),
        Table([8.5, 7.5], [
            head("ตัวชี้วัดของการประเมิน ITA", "ประเด็นที่ต้องแก้ไข/ปรับปรุง"),
            Row([Cell(P("{{#each tools}}{{label}}", "TableBold"), span=2, kind="group")]),
            Row([Cell("{{#each indicators}}{{number}}. {{name}} {{score | number:2}} คะแนน"),
                 Cell("{{to_fix | default:\"-\"}}{{/each}}{{/each}}")]),
        ]),
    ])
    grid = Section("Landscape", [
        P("2. ข้อเสนอแนะในการพัฒนาคุณธรรมและความโปร่งใส ในปีงบประมาณ พ.ศ. {{fiscal_year}}", "Heading1"),
        P("ผู้บริหารและเจ้าหน้าที่ของ{{org.name}} ได้ร่วมกันพิจารณาผลการวิเคราะห์ข้างต้น และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน ประจำปีงบประมาณ พ.ศ. {{fiscal_year}} ไว้ดังตารางต่อไปนี้"),
        Table([5.2, 8.4, 3.6, 3.4, 4.1], [
            head("มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา\nดำเนินการ", "การติดตามผล"),
            Row([grid_cell("{{#each measures}}{{@number}}. {{title}}"),
                 Cell(P("{{steps}}", "GridList", numbered="bullet")),
                 grid_cell("{{owners}}"),
                 grid_cell("{{period}}"),
                 grid_cell("{{follow_up}}{{/each}}")], split=True),
        ], L),
    ] + signature("ประกาศ", L))
    return [analysis, grid]


def o35_2567():
    L = "landscape"
    return [Section("Landscape", [
        LOGO,
        P("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n"
          "ประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "Title"),
        P("{{org.name}} {{#if org.district}}อำเภอ{{org.district}} {{/if}}จังหวัด{{org.province}}", "Subtitle", keep_next=True),
        Table([2.2, 6.0, 8.6, 7.9], [
            head("ลำดับที่", "มาตรการหรือกิจกรรมที่ดำเนินการ", "รายละเอียดการดำเนินการ",
                 "ผลลัพธ์หรือความสำเร็จของการดำเนินการ",
                 style="GridHeading"),
            Row([Cell(P("{{#each measures}}{{@number}}", "GridCenter")),
                 grid_cell("{{title}}"),
                 Cell([P("{{details}}", "GridList", numbered="decimal"),
                       P("{{summary}}", "GridText")]),
                 Cell([P("{{outcome}}", "GridText"),
                       P(CITATIONS + "{{/each}}", "GridText")])], split=True),
        ], L),
    ] + signature("รายงาน", L))]


def o35_2564():
    L = "landscape"
    cover = Section("Cover", [
        LOGO,
        P("", "Center"),
        P("รายงานผลการดำเนินการเพื่อส่งเสริม", "CoverTitle"),
        P("คุณธรรมและความโปร่งใสภายในหน่วยงาน", "CoverTitle"),
        P("ประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "CoverTitle"),
        P("", "Center"), P("", "Center"), P("", "Center"), P("", "Center"),
        P("{{org.name}}", "CoverTitle"),
        P("{{#if org.district}}อำเภอ{{org.district}} {{/if}}จังหวัด{{org.province}}", "CoverLine"),
    ])
    grid = Section("Landscape", [
        P("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n"
          "ประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "Subtitle"),
        P("{{org.name}} {{#if org.district}}อำเภอ{{org.district}} {{/if}}จังหวัด{{org.province}}", "Subtitle"),
        # The organisation's own opening (analysis.summary) wins over the form's wording.
        P("{{#if opening}}{{opening}}{{else}}{{org.name}} ได้นำผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {{assessed_year}} มาวิเคราะห์หาจุดที่ควรแก้ไขและจุดที่ควรรักษาไว้ แล้วกำหนดเป็นมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {{fiscal_year}} จำนวน {{measure_count}} มาตรการ บัดนี้หน่วยงานได้ดำเนินการตามมาตรการดังกล่าวแล้ว จึงรายงานผลการดำเนินการและข้อเสนอแนะของแต่ละมาตรการไว้ในตารางต่อไปนี้{{/if}}"),
        Table([3.5, 4.4, 2.9, 2.7, 7.9, 3.3], [
            head("มาตรการ/แนวทาง", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา\nดำเนินการ",
                 "ผลการดำเนินการ", "ข้อเสนอแนะ",
                 style="GridHeading"),
            Row([grid_cell("{{#each measures}}{{@number}}. {{title}}"),
                 Cell(P("{{steps}}", "GridList", numbered="bullet")),
                 grid_cell("{{owners}}"),
                 grid_cell("{{period}}"),
                 Cell([P("{{details}}", "GridList", numbered="decimal"),
                       P("{{summary}}", "GridText"),
                       P("{{outcome}}", "GridText"),
                       P(CITATIONS, "GridText"),
                       P("{{#if dates}}วันที่ดำเนินการ: {{#each dates}}{{this | date:short}}{{#unless @last}}, {{/unless}}{{/each}}{{/if}}", "GridText")]),
                 grid_cell("{{suggestion | default:\"-\"}}{{/each}}")], split=True),
        ], L),
    ] + signature("รายงาน", L))
    return [cover, grid]


def analysis_2568():
    L = "landscape"
    cover = Section("Cover", [
        LOGO,
        P("", "Center"),
        P("รายงานการวิเคราะห์ผลการประเมิน", "CoverTitle"),
        P("คุณธรรมและความโปร่งใสในการดำเนินงาน", "CoverTitle"),
        P("ของหน่วยงานภาครัฐ (ITA) สู่การพัฒนาหน่วยงาน", "CoverTitle"),
        P("ประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", "CoverTitle"),
        P("", "Center"), P("", "Center"), P("", "Center"), P("", "Center"),
        P("{{org.name}}", "CoverTitle"),
        P("{{#if org.district}}อำเภอ{{org.district}} {{/if}}จังหวัด{{org.province}}", "CoverLine"),
    ])
    analysis_rows = [
        head("ตัวชี้วัด", "ผลการวิเคราะห์"),
        Row([Cell(P("{{#if strengths}}จุดแข็ง จำนวน {{strength_count}} ตัวชี้วัด", "TableBold"), span=2, kind="group")]),
        Row([Cell("{{#each strengths}}ตัวชี้วัดที่ {{number}} {{name}} ({{score | number:2}} คะแนน)"),
             Cell("{{analysis}}{{/each}}{{/if}}")]),
        Row([Cell(P("{{#if weaknesses}}จุดอ่อนที่ต้องพัฒนาแก้ไขโดยเร่งด่วน จำนวน {{weakness_count}} ตัวชี้วัด", "TableBold"), span=2, kind="group")]),
        Row([Cell("{{#each weaknesses}}ตัวชี้วัดที่ {{number}} {{name}} ({{score | number:2}} คะแนน)"),
             Cell("{{analysis}}{{/each}}{{/if}}")]),
    ]
    body = Section("Standard", [
        P("1. หลักการและเหตุผล", "Heading1"),
        P("{{rationale}}"),
        P("2. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {{assessed_year}}", "Heading1"),
        P("{{overview}}"),
        P("ผลการประเมินภาพรวมอยู่ในระดับ **{{level}}** (**{{total | number:2}}** คะแนน) คะแนนแยกตามเครื่องมือการประเมินเป็นดังนี้"),
        Table([10.0, 6.0], whole=True, rows=[
            head("เครื่องมือ", "คะแนนรวม"),
            Row([Cell("{{#each tools}}{{name}}"),
                 Cell(P("{{score | number:2}}{{/each}}", "TableCenter"))]),
            Row([Cell(P("คะแนนภาพรวม", "TableHeading"), kind="group"),
                 Cell(P("{{total | number:2}}", "TableHeading"), kind="group")]),
        ]),
        *charted("chart_tools"),
        P("คะแนนรายตัวชี้วัด จำแนกตามเครื่องมือการประเมิน", "Heading2"),
        indicator_table(),
        *charted("chart_indicators"),
        P("3. ผลการวิเคราะห์รายตัวชี้วัด", "Heading1"),
        P("หน่วยงานพิจารณาคะแนนของแต่ละตัวชี้วัดเทียบกับเกณฑ์การประเมิน แล้วจัดเป็นจุดแข็งและจุดอ่อน ดังนี้"),
        P("{{strengths_summary}}"),
        P("{{weaknesses_summary}}"),
        # The indicator column holds "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ (98.21 คะแนน)"
        # in two or three lines; the narrative gets the rest of the line.
        Table([4.6, 11.4], analysis_rows),
    ])
    grid = Section("Landscape", [
        P("4. แนวทางการพัฒนาตามผลการวิเคราะห์", "Heading1"),
        P("{{org.name}} กำหนดโครงการและกิจกรรมเพื่อพัฒนาตัวชี้วัดตามผลการวิเคราะห์ข้างต้น ดังนี้"),
        # Each run of measures of one indicator and one analysis opens with two full-width rows, kept
        # with its first measure: the indicator, then its analysis (the longest text of the grid,
        # printed once, never repeated per measure nor squeezed into a narrow column, where it made
        # rows taller than a page and split names). The period column holds "30 พฤศจิกายน 2569"
        # (4.2 cm in 14 pt) on one line, so a date never breaks; owners break between words
        # ("สำนักปลัด / เทศบาล").
        Table([6.4, 9.1, 4.8, 4.4], [
            head("โครงการ/กิจกรรม", "ขั้นตอนหรือวิธีการดำเนินการ", "ระยะเวลาในการดำเนินการ", "ผู้รับผิดชอบ",
                 style="GridHeading"),
            Row([Cell(P("{{#each measure_groups}}**{{indicator_label}}**", "GridText"), span=4, kind="group")]),
            Row([Cell(P("**ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA:** {{analysis}}", "GridText"), span=4)],
                split=True, keep=True),
            Row([grid_cell("{{#each measures}}{{title}}"),
                 grid_cell("{{steps}}", numbered="decimal"),
                 grid_cell("{{period}}"),
                 grid_cell("{{owners}}{{/each}}{{/each}}")], split=True),
        ], L),
        # A closing paragraph, set with the signature in the grid's last row: the last
        # measure goes over with both, so the page signed always holds a measure.
        P("{{org.name}} จะติดตามความก้าวหน้าของโครงการและกิจกรรมข้างต้นเป็นระยะ "
          "และนำผลที่ได้ไปปรับปรุงการดำเนินงานให้ดียิ่งขึ้นในปีงบประมาณถัดไป", closing=True),
    ] + signature("จัดทำ", L) + [
        # The photo pages continue the landscape section, so that the whole part,
        # heading included, can go when there are no photos (a section break of
        # its own would leave an empty page behind).
        P("{{#if photo_rows}}", "Body"),
        P("ประมวลภาพกิจกรรม", "Heading1", page_break=True),
        P("ภาพการดำเนินกิจกรรมเพื่อส่งเสริมคุณธรรมและความโปร่งใสของ{{org.name}} ประจำปีงบประมาณ พ.ศ. {{fiscal_year}}", keep_next=True),
        # Two photos a row, each above its caption in one cell; a row never splits, so
        # a caption stays with its photo. The last photo of an odd number is centred
        # in a row of its own instead of leaving an empty cell beside it. No borders:
        # the photos stand on the page as in the real reports. (A row's condition
        # needs its tags in two cells, hence the narrow cells either side.)
        Table([6.175, 6.175, 6.175, 6.175], [
            Row([Cell([P("{{#each photo_rows}}{{#if right}}{{image left.file width=6.5cm}}", "TableCenter"),
                       P("{{left.caption}}", "Caption")], span=2, kind="plain"),
                 Cell([P("{{image right.file width=6.5cm}}", "TableCenter"),
                       P("{{right.caption}}{{/if}}", "Caption")], span=2, kind="plain")]),
            Row([Cell(P("{{#unless right}}", "TableCenter"), kind="plain"),
                 Cell([P("{{image left.file width=6.5cm}}", "TableCenter"),
                       P("{{left.caption}}", "Caption")], span=2, kind="plain"),
                 Cell(P("{{/unless}}{{/each}}", "TableCenter"), kind="plain")]),
        ], L),
        P("{{/if}}", "Body"),
    ])
    return [cover, body, grid]


LAYOUTS = [
    ("o34-2567", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O34, แบบ 2567)", o34_2567),
    ("o34-2564", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส (O34, แบบ 2564)", o34_2564),
    ("o35-2567", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O35, แบบ 2567)", o35_2567),
    ("o35-2564", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O35, แบบ 2564)", o35_2564),
    ("analysis-2568", "รายงานการวิเคราะห์ผลการประเมิน ITA สู่การพัฒนา (แบบ 2568)", analysis_2568),
]


# --------------------------------------------------------------------------
# Paragraph styles, shared by both renderers
#   size (pt), bold, align (left/center/both), space before/after (pt),
#   first-line indent and left indent (cm), keep with next
# --------------------------------------------------------------------------

STYLES = {
    # id: (display name, size, bold, align, before, after, first_line, left, keep_next)
    "Body":           ("ITA Body", 16, False, "both", 0, 6, 1.25, 0, False),
    "BodyIndent":     ("ITA Body Indent", 16, False, "left", 0, 0, 0, 1.25, False),
    "Center":         ("ITA Centered", 16, False, "center", 0, 0, 0, 0, False),
    "Figure":         ("ITA Figure", 16, False, "center", 6, 6, 0, 0, False),
    "Title":          ("ITA Title", 20, True, "center", 0, 0, 0, 0, True),
    # Cover lines: one line each, broken where the real covers break them.
    "CoverTitle":     ("ITA Cover Title", 20, True, "center", 0, 6, 0, 0, True),
    "CoverLine":      ("ITA Cover Line", 18, True, "center", 0, 3, 0, 0, True),
    "Subtitle":       ("ITA Subtitle", 18, True, "center", 0, 6, 0, 0, True),
    "Heading1":       ("ITA Heading 1", 18, True, "left", 12, 6, 0, 0, True),
    "Heading2":       ("ITA Heading 2", 16, True, "left", 6, 3, 0, 0, True),
    "Heading2Center": ("ITA Heading 2 Centered", 16, True, "center", 6, 3, 0, 0, True),
    "Heading3":       ("ITA Heading 3", 16, True, "left", 3, 0, 0, 0.6, True),
    "ListText":       ("ITA List", 16, False, "left", 0, 0, 0, 0, False),
    "TableHeading":   ("ITA Table Heading", 16, True, "center", 0, 0, 0, 0, False),
    "TableBold":      ("ITA Table Group", 16, True, "left", 0, 0, 0, 0, False),
    "TableText":      ("ITA Table Text", 16, False, "left", 0, 0, 0, 0, False),
    "TableCenter":    ("ITA Table Centered", 16, False, "center", 0, 0, 0, 0, False),
    "TableList":      ("ITA Table List", 16, False, "left", 0, 0, 0, 0, False),
    "GridHeading":    ("ITA Grid Heading", 14, True, "center", 0, 0, 0, 0, False),
    "GridText":       ("ITA Grid Text", 14, False, "left", 0, 0, 0, 0, False),
    "GridCenter":     ("ITA Grid Centered", 14, False, "center", 0, 0, 0, 0, False),
    "GridList":       ("ITA Grid List", 14, False, "left", 0, 0, 0, 0, False),
    "Caption":        ("ITA Photo Caption", 16, False, "center", 0, 6, 0, 0, False),
    # The paragraph closing a table that holds the signature: 1 pt, no spacing.
    "TableEnd":       ("ITA After Table", 1, False, "left", 0, 0, 0, 0, False),
    "Signature":      ("ITA Signature", 16, False, "center", 8, 0, 0, 8.0, False),
    "SignatureWide":  ("ITA Signature Landscape", 16, False, "center", 8, 0, 0, 14.0, False),
    "Footer":         ("ITA Footer", 16, False, "center", 0, 0, 0, 0, False),
    "DraftMark":      ("ITA Draft Mark", 20, True, "right", 0, 0, 0, 0, False),
}


# Styles whose lines never split across pages.
KEEP_LINES = {"Signature", "SignatureWide"}
# Line spacing other than single (per cent): the signature block's four lines a little
# closer (TH SarabunPSK's single line is 1.7 times its size), so that the block fits
# under a tall last row more often; its dotted line still leaves room to sign above.
LINE_SPACING = {"Signature": 85, "SignatureWide": 85}


def split_bold(text):
    """'a **b** c' -> [('a ', False), ('b', True), (' c', False)]"""
    parts = text.split("**")
    return [(t, i % 2 == 1) for i, t in enumerate(parts) if t]


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def w_fonts():
    return (f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>')


def w_rpr(size, bold):
    b = "<w:b/><w:bCs/>" if bold else ""
    return (f'<w:rPr>{w_fonts()}{b}<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
            f'<w:lang w:val="th-TH" w:eastAsia="th-TH" w:bidi="th-TH"/></w:rPr>')


def w_ppr_style(sid):
    _, size, bold, align, before, after, first, left, keep = STYLES[sid]
    out = "<w:pPr>"
    if keep:
        out += "<w:keepNext/>"
    if sid in KEEP_LINES:
        out += "<w:keepLines/>"
    out += (f'<w:spacing w:before="{before * 20}" w:after="{after * 20}" '
            f'w:line="{round(240 * LINE_SPACING.get(sid, 100) / 100)}" w:lineRule="auto"/>')
    if first or left:
        out += f'<w:ind w:left="{round(left * TWIPS_PER_CM)}" w:firstLine="{round(first * TWIPS_PER_CM)}"/>'
    # Justified Thai text: Word's Thai distributed justification spreads a line over its
    # characters, not only over its few spaces.
    jc = "thaiDistribute" if align == "both" else align
    out += f'<w:jc w:val="{jc}"/></w:pPr>'
    return out


def docx_styles():
    out = [XML_DECL, f'<w:styles {W_NS}>',
           '<w:docDefaults><w:rPrDefault>', w_rpr(16, False), '</w:rPrDefault>',
           '<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
           '</w:pPr></w:pPrDefault></w:docDefaults>',
           '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
           '<w:qFormat/>', w_rpr(16, False), '</w:style>',
           '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
           '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
           '<w:unhideWhenUsed/></w:style>',
           '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
           '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
           '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
           '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
           '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
           '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
           '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
           '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" '
           'w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>',
           ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for s in ("top", "left", "bottom", "right", "insideH", "insideV")),
           '</w:tblBorders></w:tblPr></w:style>',
           '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
           '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>']
    for sid, (name, size, bold, *_rest) in STYLES.items():
        out.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                   f'<w:basedOn w:val="Normal"/><w:qFormat/>')
        out.append(w_ppr_style(sid))
        out.append(w_rpr(size, bold))
        out.append('</w:style>')
    out.append('</w:styles>')
    return "".join(out)


class DocxWriter:
    def __init__(self):
        self.nums = []            # (numId, kind) in order of first use
        self.charts = []          # chart frame names in order: word/charts/chartN.xml

    def chart_run(self, c):
        self.charts.append(c.name)
        n = len(self.charts)
        emu = 360000
        return ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" '
                'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
                f'<wp:extent cx="{round(c.width * emu)}" cy="{round(c.height * emu)}"/>'
                '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
                f'<wp:docPr id="{900 + n}" name="{c.name}" descr="{c.name}"/><wp:cNvGraphicFramePr/>'
                '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
                '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
                f'r:id="rIdChart{n}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')

    def new_num(self, kind):
        num_id = len(self.nums) + 1
        self.nums.append((num_id, kind))
        return num_id

    def run(self, text, bold):
        rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
        inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in text.split("\n"))
        return f'<w:r>{rpr}{inner}</w:r>'

    def para(self, p, sect="", keep=False):
        ppr = f'<w:pStyle w:val="{p.style}"/>'
        if p.keep_next or keep:
            ppr += "<w:keepNext/>"
        if p.page_break:
            ppr += "<w:pageBreakBefore/>"
        if p.numbered:
            ppr += (f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self.new_num(p.numbered)}"/></w:numPr>')
        ppr += sect
        runs = "".join(self.run(t, b) for t, b in split_bold(p.text))
        if isinstance(p, Chart):
            runs = self.chart_run(p)
        return f'<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>'

    def table(self, t):
        total = sum(t.twips)
        borders = ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                          for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{total}" w:type="dxa"/>'
               f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
               '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/>'
               '<w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
               '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{w}"/>' for w in t.twips]
        out.append('</w:tblGrid>')
        for k, row in enumerate(t.rows):
            trpr = ("" if row.split else "<w:cantSplit/>") + ("<w:tblHeader/>" if row.header else "")
            keep = t.keeps_with_next(k)
            out.append(f'<w:tr><w:trPr>{trpr}</w:trPr>')
            col = 0
            for cell in row.cells:
                width = sum(t.twips[col:col + cell.span])
                col += cell.span
                tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
                if cell.span > 1:
                    tcpr += f'<w:gridSpan w:val="{cell.span}"/>'
                if cell.kind in ("plain", "sign"):
                    sides = ("top", "left", "bottom", "right") if cell.kind == "plain" else ("left", "bottom", "right")
                    tcpr += ('<w:tcBorders>' + ''.join(f'<w:{side} w:val="nil"/>' for side in sides)
                             + '</w:tcBorders>')
                fill = {"head": "D9D9D9", "group": "F2F2F2"}.get(cell.kind)
                if fill:
                    tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
                tcpr += '<w:vAlign w:val="{}"/>'.format("center" if cell.kind == "head" else "top")
                out.append(f'<w:tc><w:tcPr>{tcpr}</w:tcPr>')
                out += [self.para(p, keep=keep) for p in cell.paras]
                out.append('</w:tc>')
            assert col == len(t.twips), "row does not fill the table grid"
            out.append('</w:tr>')
        out.append('</w:tbl>')
        return "".join(out)

    @staticmethod
    def sect_pr(section, first):
        refs = ('<w:headerReference w:type="default" r:id="rIdHeaderDraft"/>'
                '<w:footerReference w:type="default" r:id="rIdFooterPage"/>')
        title = ""
        if section.master == "Cover":
            refs += ('<w:headerReference w:type="first" r:id="rIdHeaderDraft"/>'
                     '<w:footerReference w:type="first" r:id="rIdFooterBlank"/>')
            title = "<w:titlePg/>"
        if section.orientation == "landscape":
            size = f'<w:pgSz w:w="{PAGE_H}" w:h="{PAGE_W}" w:orient="landscape"/>'
        else:
            size = f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        kind = "" if first else '<w:type w:val="nextPage"/>'
        return (f'<w:sectPr>{refs}{kind}{size}<w:pgMar w:top="{MAR_TOP}" w:right="{MAR_RIGHT}" '
                f'w:bottom="{MAR_BOTTOM}" w:left="{MAR_LEFT}" w:header="709" w:footer="567" w:gutter="0"/>'
                f'<w:cols w:space="708"/>{title}<w:docGrid w:linePitch="435"/></w:sectPr>')

    def document(self, sections):
        body = []
        for i, sec in enumerate(sections):
            blocks = list(sec.blocks)
            last = i == len(sections) - 1
            # The section break rides on the last paragraph, unless that paragraph
            # holds a tag: a repeated or removed paragraph would take the break
            # with it, so an empty paragraph carries it instead.
            own = not isinstance(blocks[-1], Table) and "{{" not in blocks[-1].text
            for j, b in enumerate(blocks):
                if isinstance(b, Table):
                    body.append(self.table(b))
                elif not last and own and j == len(blocks) - 1:
                    body.append(self.para(b, self.sect_pr(sec, i == 0)))
                else:
                    body.append(self.para(b))
            if not last and not own:
                body.append(self.para(P("", "Body"), self.sect_pr(sec, i == 0)))
        final = self.sect_pr(sections[-1], len(sections) == 1)
        return (XML_DECL + f'<w:document {W_NS}><w:body>' + "".join(body) + final +
                '</w:body></w:document>')

    def numbering(self):
        def lvl(ilvl, fmt, text):
            left, hanging = (round(v * TWIPS_PER_CM) for v in LIST_INDENT_CM[ilvl])
            return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
                    f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
                    # No size: the label takes its paragraph's (16 pt body, 14 pt grids).
                    f'<w:rPr>{w_fonts()}</w:rPr></w:lvl>')
        out = [XML_DECL, f'<w:numbering {W_NS}>',
               '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C01"/>'
               '<w:multiLevelType w:val="hybridMultilevel"/>',
               lvl(0, "decimal", "%1."), lvl(1, "decimal", "(%2)"),
               '</w:abstractNum>',
               '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="1A2B3C02"/>'
               '<w:multiLevelType w:val="hybridMultilevel"/>',
               lvl(0, "bullet", "-"), lvl(1, "bullet", "-"),
               '</w:abstractNum>']
        for num_id, kind in self.nums:
            abstract = 0 if kind == "decimal" else 1
            override = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                        if kind == "decimal" else "")
            out.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>')
        out.append('</w:numbering>')
        return "".join(out)


def docx_footer(page_number):
    inner = ('<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
             if page_number else "")
    return (XML_DECL + f'<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{inner}</w:p></w:ftr>')


def docx_header():
    return (XML_DECL + f'<w:hdr {W_NS}><w:p><w:pPr><w:pStyle w:val="DraftMark"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape(DRAFT_MARK)}</w:t></w:r></w:p></w:hdr>')


def docx_theme():
    def solid(c):
        return f'<a:solidFill><a:schemeClr val="{c}"/></a:solidFill>'
    colors = (("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
              ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
              ("dk2", '<a:srgbClr val="44546A"/>'), ("lt2", '<a:srgbClr val="E7E6E6"/>'),
              ("accent1", '<a:srgbClr val="4472C4"/>'), ("accent2", '<a:srgbClr val="ED7D31"/>'),
              ("accent3", '<a:srgbClr val="A5A5A5"/>'), ("accent4", '<a:srgbClr val="FFC000"/>'),
              ("accent5", '<a:srgbClr val="5B9BD5"/>'), ("accent6", '<a:srgbClr val="70AD47"/>'),
              ("hlink", '<a:srgbClr val="0563C1"/>'), ("folHlink", '<a:srgbClr val="954F72"/>'))
    fonts = (f'<a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface="{FONT}"/>'
             f'<a:font script="Thai" typeface="{FONT}"/>')
    line = '<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
    return (XML_DECL + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="ITA">'
            '<a:themeElements><a:clrScheme name="ITA">' +
            "".join(f'<a:{n}>{v}</a:{n}>' for n, v in colors) +
            '</a:clrScheme><a:fontScheme name="ITA">'
            f'<a:majorFont>{fonts}</a:majorFont><a:minorFont>{fonts}</a:minorFont></a:fontScheme>'
            '<a:fmtScheme name="ITA"><a:fillStyleLst>' + solid("phClr") * 3 +
            '</a:fillStyleLst><a:lnStyleLst>' + line * 3 +
            '</a:lnStyleLst><a:effectStyleLst>' + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3 +
            '</a:effectStyleLst><a:bgFillStyleLst>' + solid("phClr") * 3 +
            '</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/>'
            '<a:extraClrSchemeLst/></a:theme>')


def docx_parts(name, title, sections):
    writer = DocxWriter()
    document = writer.document(sections)
    ct = (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="png" ContentType="image/png"/>'
          '<Default Extension="jpeg" ContentType="image/jpeg"/>'
          '<Default Extension="jpg" ContentType="image/jpeg"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
          '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
          + "".join(f'<Override PartName="/word/charts/chart{n}.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
                    for n in range(1, len(writer.charts) + 1)) +
          '</Types>')
    rels = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>')
    R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    doc_rels = (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rIdStyles" Type="{R}styles" Target="styles.xml"/>'
                f'<Relationship Id="rIdSettings" Type="{R}settings" Target="settings.xml"/>'
                f'<Relationship Id="rIdNumbering" Type="{R}numbering" Target="numbering.xml"/>'
                f'<Relationship Id="rIdFontTable" Type="{R}fontTable" Target="fontTable.xml"/>'
                f'<Relationship Id="rIdTheme" Type="{R}theme" Target="theme/theme1.xml"/>'
                f'<Relationship Id="rIdHeaderDraft" Type="{R}header" Target="header1.xml"/>'
                f'<Relationship Id="rIdFooterPage" Type="{R}footer" Target="footer1.xml"/>'
                f'<Relationship Id="rIdFooterBlank" Type="{R}footer" Target="footer2.xml"/>'
                + "".join(f'<Relationship Id="rIdChart{n}" Type="{R}chart" Target="charts/chart{n}.xml"/>'
                          for n in range(1, len(writer.charts) + 1)) +
                '</Relationships>')
    settings = (XML_DECL + f'<w:settings {W_NS}><w:zoom w:percent="100"/>'
                '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
                '<w:compat><w:compatSetting w:name="compatibilityMode" '
                'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
                '<w:themeFontLang w:val="en-US" w:bidi="th-TH"/></w:settings>')
    fonts = (XML_DECL + f'<w:fonts {W_NS}><w:font w:name="{FONT}"><w:charset w:val="DE"/>'
             '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>')
    core = (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>itareport</dc:creator>'
            f'<dc:description>itareport template {name}</dc:description><dc:language>th-TH</dc:language>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
            '</cp:coreProperties>')
    app = (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>itareport</Application></Properties>')
    return [
        ("[Content_Types].xml", ct),
        ("_rels/.rels", rels),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", docx_styles()),
        ("word/settings.xml", settings),
        ("word/numbering.xml", writer.numbering()),
        ("word/fontTable.xml", fonts),
        ("word/theme/theme1.xml", docx_theme()),
        ("word/header1.xml", docx_header()),
        ("word/footer1.xml", docx_footer(True)),
        ("word/footer2.xml", docx_footer(False)),
    ] + [(f"word/charts/chart{n}.xml", docx_sample_chart()) for n in range(1, len(writer.charts) + 1)]


# The sample a chart frame shows in the template: generation replaces it with the
# chart drawn from the data. Three bars, one a tool, so the template looks like
# what it will hold.
SAMPLE_CHART = (("IIT", "2E5EAA", 95), ("EIT", "E08A1E", 90), ("OIT", "3A9A4A", 85))


def docx_sample_chart():
    sers = "".join(
        f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/><c:tx><c:v>{name}</c:v></c:tx>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>'
        '<c:cat><c:strLit><c:ptCount val="3"/>' +
        "".join(f'<c:pt idx="{k}"><c:v>{n}</c:v></c:pt>' for k, (n, _, _) in enumerate(SAMPLE_CHART)) +
        '</c:strLit></c:cat><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="3"/>'
        f'<c:pt idx="{i}"><c:v>{value}</c:v></c:pt></c:numLit></c:val></c:ser>'
        for i, (name, color, value) in enumerate(SAMPLE_CHART))
    return (XML_DECL + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<c:date1904 val="0"/><c:lang val="th-TH"/><c:roundedCorners val="0"/><c:chart>'
            '<c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/>'
            '<c:grouping val="clustered"/><c:varyColors val="0"/>' + sers +
            '<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>'
            '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
            '<c:axPos val="b"/><c:crossAx val="50020"/></c:catAx>'
            '<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/>'
            '<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
            '<c:crossAx val="50010"/></c:valAx></c:plotArea><c:legend><c:legendPos val="b"/>'
            '<c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>')


def odt_sample_chart():
    rows = "".join(
        '<table:table-row><table:table-cell office:value-type="string">'
        f'<text:p>{name}</text:p></table:table-cell>' +
        "".join(f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
                '</table:table-cell>' if j == i else '<table:table-cell/>' for j in range(3)) +
        '</table:table-row>'
        for i, (name, _, value) in enumerate(SAMPLE_CHART))
    styles = "".join(
        f'<style:style style:name="series{i}" style:family="chart"><style:graphic-properties '
        f'draw:fill="solid" draw:fill-color="#{color.lower()}" draw:stroke="none"/></style:style>'
        for i, (_, color, _) in enumerate(SAMPLE_CHART))
    series = "".join(
        f'<chart:series chart:style-name="series{i}" chart:class="chart:bar" '
        f'chart:values-cell-range-address="local-table.${c}$2:.${c}$4" chart:label-cell-address="local-table.${c}$1">'
        '<chart:data-point chart:repeated="3"/></chart:series>'
        for i, c in enumerate("BCD"))
    return (XML_DECL.replace(' standalone="yes"', '') +
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" office:version="1.3">'
            '<office:automatic-styles><style:style style:name="axis-y" style:family="chart">'
            '<style:chart-properties chart:minimum="0" chart:maximum="100" chart:interval-major="20" '
            'chart:gap-width="60" chart:overlap="100"/></style:style>' + styles +
            '</office:automatic-styles><office:body><office:chart>'
            '<chart:chart svg:width="15cm" svg:height="9cm" chart:class="chart:bar">'
            '<chart:legend chart:legend-position="bottom"/>'
            '<chart:plot-area table:cell-range-address="local-table.$A$1:.$D$4" chart:data-source-has-labels="both">'
            '<chart:axis chart:dimension="x" chart:name="primary-x">'
            '<chart:categories table:cell-range-address="local-table.$A$2:.$A$4"/></chart:axis>'
            '<chart:axis chart:dimension="y" chart:name="primary-y" chart:style-name="axis-y">'
            '<chart:grid chart:class="major"/></chart:axis>' + series + '</chart:plot-area>'
            '<table:table table:name="local-table"><table:table-header-columns><table:table-column/>'
            '</table:table-header-columns><table:table-columns><table:table-column table:number-columns-repeated="3"/>'
            '</table:table-columns><table:table-header-rows><table:table-row><table:table-cell><text:p/></table:table-cell>' +
            "".join(f'<table:table-cell office:value-type="string"><text:p>{n}</text:p></table:table-cell>'
                    for n, _, _ in SAMPLE_CHART) +
            '</table:table-row></table:table-header-rows><table:table-rows>' + rows +
            '</table:table-rows></table:table></chart:chart></office:chart></office:body></office:document-content>')


# --------------------------------------------------------------------------
# ODT
# --------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
ODF_VERSION = "1.3"
FONT_DECLS = (f'<office:font-face-decls><style:font-face style:name="{FONT}" '
              f'svg:font-family="&apos;{FONT}&apos;" style:font-family-generic="swiss" '
              'style:font-pitch="variable"/></office:font-face-decls>')


def cm(twips):
    return f"{twips / TWIPS_PER_CM:.3f}cm"


def o_text_props(size, bold):
    b = ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' if bold else ""
    return (f'<style:text-properties style:font-name="{FONT}" style:font-name-asian="{FONT}" '
            f'style:font-name-complex="{FONT}" fo:font-size="{size}pt" style:font-size-asian="{size}pt" '
            f'style:font-size-complex="{size}pt" fo:language="th" fo:country="TH" '
            f'style:language-asian="th" style:country-asian="TH" '
            f'style:language-complex="th" style:country-complex="TH"{b}/>')


def o_para_props(sid):
    _, size, bold, align, before, after, first, left, keep = STYLES[sid]
    # Justified Thai text starts at the left in ODT: LibreOffice justifies a Thai line by spreading
    # its letters, so a line left short by a long unbreakable stretch after it (a name, a number)
    # printed letter-spaced over the whole width. LibreOffice reads the DOCX's thaiDistribute as
    # left too, so both files print alike.
    align = {"both": "start", "left": "start", "center": "center", "right": "end"}[align]
    k = ' fo:keep-with-next="always"' if keep else ""
    if sid in KEEP_LINES:
        k += ' fo:keep-together="always"'
    if sid in LINE_SPACING:
        k += f' fo:line-height="{LINE_SPACING[sid]}%"'
    return (f'<style:paragraph-properties fo:margin-top="{before / 28.3465:.3f}cm" '
            f'fo:margin-bottom="{after / 28.3465:.3f}cm" fo:margin-left="{left:.3f}cm" '
            f'fo:margin-right="0cm" fo:text-indent="{first:.3f}cm" fo:text-align="{align}"{k}/>')


def odt_style_name(sid):
    return sid


def odt_styles():
    list_level = ('<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
                  '<style:list-level-label-alignment text:label-followed-by="listtab" '
                  'text:list-tab-stop-position="{0}cm" fo:text-indent="-{1}cm" fo:margin-left="{0}cm"/>'
                  '</style:list-level-properties>')
    out = [XML_DECL.replace(' standalone="yes"', ''),
           f'<office:document-styles {ODF_NS} office:version="{ODF_VERSION}">', FONT_DECLS,
           '<office:styles>',
           '<style:default-style style:family="paragraph"><style:paragraph-properties '
           'fo:hyphenation-ladder-count="no-limit" fo:orphans="2" fo:widows="2" style:writing-mode="page"/>',
           o_text_props(16, False), '</style:default-style>',
           '<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/>'
           '</style:default-style>',
           '<style:default-style style:family="table-row"><style:table-row-properties fo:keep-together="auto"/>'
           '</style:default-style>',
           '<style:default-style style:family="table-cell"><style:table-cell-properties '
           'style:vertical-align="top"/></style:default-style>',
           '<style:style style:name="Standard" style:family="paragraph" style:class="text">',
           o_text_props(16, False), '</style:style>']
    for sid, (name, size, bold, *_rest) in STYLES.items():
        out.append(f'<style:style style:name="{sid}" style:display-name="{name}" style:family="paragraph" '
                   f'style:parent-style-name="Standard" style:class="text">')
        out.append(o_para_props(sid))
        out.append(o_text_props(size, bold))
        out.append('</style:style>')
    out += ['<style:style style:name="Strong" style:display-name="Strong Emphasis" style:family="text">'
            '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" '
            'style:font-weight-complex="bold"/></style:style>',
            '<text:list-style style:name="ListDecimal" style:display-name="ITA Numbered">',
            '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">',
            list_level.format(*LIST_INDENT_CM[0]), '</text:list-level-style-number>',
            '<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" '
            'style:num-format="1">', list_level.format(*LIST_INDENT_CM[1]), '</text:list-level-style-number>',
            '</text:list-style>',
            '<text:list-style style:name="ListBullet" style:display-name="ITA Bullets">',
            '<text:list-level-style-bullet text:level="1" text:bullet-char="-">',
            list_level.format(*LIST_INDENT_CM[0]), '</text:list-level-style-bullet>',
            '<text:list-level-style-bullet text:level="2" text:bullet-char="-">',
            list_level.format(*LIST_INDENT_CM[1]), '</text:list-level-style-bullet>',
            '</text:list-style>',
            '</office:styles>',
            '<office:automatic-styles>']
    for name, w, h, orient in (("PagePortrait", "21cm", "29.7cm", "portrait"),
                               ("PageLandscape", "29.7cm", "21cm", "landscape")):
        # The footer sits inside the page margin in ODF, so the bottom margin is
        # 0.7 cm and the footer (0.9 cm + 0.4 cm gap) brings the text to 2 cm: the
        # footer is as tall as its 16 pt page number, since a shorter one grows and
        # takes its growth from every page's text (the ODT then runs pages longer than
        # the DOCX); likewise the top margin is 1.25 cm and the header (a fixed 1.25 cm,
        # its 0.5 cm gap included) brings it to 2.5 cm whether or not it shows the draft mark.
        out.append(f'<style:page-layout style:name="{name}"><style:page-layout-properties '
                   f'fo:page-width="{w}" fo:page-height="{h}" style:print-orientation="{orient}" '
                   'style:num-format="1" fo:margin-top="1.25cm" fo:margin-bottom="0.7cm" '
                   'fo:margin-left="3cm" fo:margin-right="2cm" style:writing-mode="lr-tb"/>'
                   '<style:header-style><style:header-footer-properties svg:height="1.25cm" '
                   'fo:margin-bottom="0.5cm" style:dynamic-spacing="false"/></style:header-style>'
                   '<style:footer-style><style:header-footer-properties '
                   'fo:min-height="0.9cm" fo:margin-top="0.4cm" style:dynamic-spacing="false"/>'
                   '</style:footer-style></style:page-layout>')
    out.append('</office:automatic-styles><office:master-styles>')
    header = f'<style:header><text:p text:style-name="DraftMark">{escape(DRAFT_MARK)}</text:p></style:header>'
    footer = ('<style:footer><text:p text:style-name="Footer">'
              '<text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>')
    out.append(f'<style:master-page style:name="Standard" style:page-layout-name="PagePortrait">{header}{footer}'
               '</style:master-page>')
    out.append(f'<style:master-page style:name="Landscape" style:page-layout-name="PageLandscape">{header}{footer}'
               '</style:master-page>')
    out.append('<style:master-page style:name="Cover" style:page-layout-name="PagePortrait" '
               f'style:next-style-name="Standard">{header}</style:master-page>')
    out.append('</office:master-styles></office:document-styles>')
    return "".join(out)


class OdtWriter:
    def __init__(self):
        self.auto = []          # automatic styles for content.xml
        self.master_styles = {}
        self.tables = 0
        self.cell_styles = set()
        self.charts = []        # chart frame names in order: "Object N"

    def master_para_style(self, sid, master, page_break):
        key = (sid, master, page_break)
        if key not in self.master_styles:
            name = f"MP{len(self.master_styles) + 1}"
            self.master_styles[key] = name
            mp = f' style:master-page-name="{master}"' if master else ""
            props = ('<style:paragraph-properties fo:break-before="page"/>' if page_break and not master
                     else '<style:paragraph-properties style:page-number="auto"/>')
            self.auto.append(f'<style:style style:name="{name}" style:family="paragraph" '
                             f'style:parent-style-name="{sid}"{mp}>{props}</style:style>')
        return self.master_styles[key]

    def para(self, p, master=None, keep=False):
        style = p.style
        if master or p.page_break or p.keep_next or keep:
            if master or p.page_break:
                style = self.master_para_style(p.style, master, p.page_break)
            elif not STYLES[p.style][8]:
                style = self.keep_style(p.style)
        inner = ""
        for t, b in split_bold(p.text):
            t = escape(t).replace("\n", "<text:line-break/>")
            if b:
                inner += f'<text:span text:style-name="Strong">{t}</text:span>'
            else:
                inner += t
        if isinstance(p, Chart):
            self.charts.append(p.name)
            inner = (f'<draw:frame draw:name="{p.name}" text:anchor-type="as-char" svg:width="{p.width}cm" '
                     f'svg:height="{p.height}cm" draw:z-index="0"><draw:object '
                     f'xlink:href="./Object {len(self.charts)}" xlink:type="simple" xlink:show="embed" '
                     'xlink:actuate="onLoad"/></draw:frame>')
        xml = f'<text:p text:style-name="{style}">{inner}</text:p>'
        if p.numbered:
            ls = "ListDecimal" if p.numbered == "decimal" else "ListBullet"
            xml = f'<text:list text:style-name="{ls}"><text:list-item>{xml}</text:list-item></text:list>'
        return xml

    def keep_style(self, sid):
        key = (sid, "keep", False)
        if key not in self.master_styles:
            name = f"MP{len(self.master_styles) + 1}"
            self.master_styles[key] = name
            self.auto.append(f'<style:style style:name="{name}" style:family="paragraph" '
                             f'style:parent-style-name="{sid}"><style:paragraph-properties '
                             'fo:keep-with-next="always"/></style:style>')
        return self.master_styles[key]

    def table(self, t):
        self.tables += 1
        tn = f"Table{self.tables}"
        self.auto.append(f'<style:style style:name="{tn}" style:family="table"><style:table-properties '
                         f'style:width="{cm(sum(t.twips))}" table:align="left" fo:margin-left="0cm" '
                         # A short table keeps together by its rows keeping with the next
                         # one, as in the DOCX, not by forbidding breaks: LibreOffice then
                         # lays out both formats alike.
                         f'style:may-break-between-rows="{"false" if t.whole else "true"}"/></style:style>')
        cols = ""
        for i, w in enumerate(t.twips):
            cn = f"{tn}.C{i + 1}"
            self.auto.append(f'<style:style style:name="{cn}" style:family="table-column">'
                             f'<style:table-column-properties style:column-width="{cm(w)}"/></style:style>')
            cols += f'<table:table-column table:style-name="{cn}"/>'
        out = [f'<table:table table:name="{tn}" table:style-name="{tn}">', cols]
        in_header = False
        for k, row in enumerate(t.rows):
            keep = t.keeps_with_next(k)
            if row.header and not in_header:
                out.append('<table:table-header-rows>')
                in_header = True
            if not row.header and in_header:
                out.append('</table:table-header-rows>')
                in_header = False
            out.append('<table:table-row>' if row.split else '<table:table-row table:style-name="RowKeep">')
            for cell in row.cells:
                cs = {"head": "CellHead", "group": "CellGroup", "plain": "CellPlain",
                      "sign": "CellPlain"}.get(cell.kind, "CellBody")
                self.cell_styles.add(cs)
                span = f' table:number-columns-spanned="{cell.span}"' if cell.span > 1 else ""
                out.append(f'<table:table-cell table:style-name="{cs}" office:value-type="string"{span}>')
                out += [self.para(p, keep=keep) for p in cell.paras]
                out.append('</table:table-cell>')
                out += ['<table:covered-table-cell/>'] * (cell.span - 1)
            out.append('</table:table-row>')
        if in_header:
            out.append('</table:table-header-rows>')
        out.append('</table:table>')
        return "".join(out)

    def content(self, sections):
        body = []
        for sec in sections:
            first = True
            for b in sec.blocks:
                if isinstance(b, Table):
                    assert not first, "a section must start with a paragraph"
                    body.append(self.table(b))
                else:
                    body.append(self.para(b, sec.master if first else None))
                first = False
        cells = ''.join(
            f'<style:style style:name="{n}" style:family="table-cell"><style:table-cell-properties '
            f'fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:padding-left="0.15cm" '
            f'fo:padding-right="0.15cm" fo:border="{border}" style:vertical-align="{va}"'
            f'{bg}/></style:style>'
            for n, va, bg, border in (("CellHead", "middle", ' fo:background-color="#d9d9d9"', "0.5pt solid #000000"),
                                      ("CellGroup", "top", ' fo:background-color="#f2f2f2"', "0.5pt solid #000000"),
                                      ("CellBody", "top", "", "0.5pt solid #000000"),
                                      ("CellPlain", "top", "", "none"))
            if n in self.cell_styles)
        rows = ('<style:style style:name="RowKeep" style:family="table-row">'
                '<style:table-row-properties fo:keep-together="always"/></style:style>')
        return (XML_DECL.replace(' standalone="yes"', '') +
                f'<office:document-content {ODF_NS} office:version="{ODF_VERSION}">' + FONT_DECLS +
                '<office:automatic-styles>' + cells + rows + "".join(self.auto) +
                '</office:automatic-styles><office:body><office:text>' + "".join(body) +
                '</office:text></office:body></office:document-content>')


# LibreOffice layout settings: the values of a new Writer document, except
# TableRowKeep, which makes a table row keep with the next one when its
# paragraphs keep with next (as Word does), so header and group rows never end
# a page. The other values are listed because LibreOffice reads a settings part
# that leaves them out as coming from an old document. The set's name
# "ooo:configuration-settings" is a qualified name: the ooo prefix must be declared.
ODT_SETTINGS = (
    ("AddParaTableSpacing", True), ("AddParaTableSpacingAtStart", True),
    ("AddParaSpacingToTableCells", True), ("AddParaLineSpacingToTableCells", True),
    ("AddExternalLeading", True), ("UseFormerLineSpacing", False),
    ("UseFormerObjectPositioning", False), ("UseFormerTextWrapping", False),
    ("ConsiderTextWrapOnObjPos", False), ("IgnoreFirstLineIndentInNumbering", False),
    ("DoNotJustifyLinesWithManualBreak", False), ("DoNotResetParaAttrsForNumFont", False),
    ("IgnoreTabsAndBlanksForLineCalculation", False), ("DoNotCaptureDrawObjsOnPage", False),
    ("ClipAsCharacterAnchoredWriterFlyFrames", False), ("UnxForceZeroExtLeading", False),
    ("TabsRelativeToIndent", True), ("TabOverMargin", False),
    ("TabAtLeftIndentForParagraphsInList", False), ("UseOldNumbering", False),
    ("UseOldPrinterMetrics", False), ("AddFrameOffsets", False), ("AddVerticalFrameOffsets", False),
    ("OutlineLevelYieldsNumbering", False), ("PropLineSpacingShrinksFirstLine", True),
    ("SurroundTextWrapSmall", False), ("CollapseEmptyCellPara", True),
    ("MsWordCompTrailingBlanks", False), ("TableRowKeep", True),
)


def odt_settings():
    items = "".join(f'<config:config-item config:name="{n}" config:type="boolean">{str(v).lower()}'
                    '</config:config-item>' for n, v in ODT_SETTINGS)
    return (XML_DECL.replace(' standalone="yes"', '') +
            '<office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
            'xmlns:ooo="http://openoffice.org/2004/office" '
            f'office:version="{ODF_VERSION}"><office:settings>'
            '<config:config-item-set config:name="ooo:configuration-settings">'
            '<config:config-item config:name="PrinterIndependentLayout" config:type="string">'
            'high-resolution</config:config-item>' + items +
            '</config:config-item-set></office:settings></office:document-settings>')


def odt_parts(name, title, sections):
    writer = OdtWriter()
    content = writer.content(sections)
    meta = (XML_DECL.replace(' standalone="yes"', '') +
            f'<office:document-meta {ODF_NS} office:version="{ODF_VERSION}"><office:meta>'
            '<meta:generator>itareport build_templates.py</meta:generator>'
            f'<dc:title>{escape(title)}</dc:title><dc:description>itareport template {name}</dc:description>'
            '<dc:language>th-TH</dc:language><meta:creation-date>2024-01-01T00:00:00</meta:creation-date>'
            '<dc:date>2024-01-01T00:00:00</dc:date></office:meta></office:document-meta>')
    manifest = (XML_DECL.replace(' standalone="yes"', '') +
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                f'manifest:version="{ODF_VERSION}">'
                f'<manifest:file-entry manifest:full-path="/" manifest:version="{ODF_VERSION}" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>'
                + "".join(f'<manifest:file-entry manifest:full-path="Object {n}/" manifest:version="{ODF_VERSION}" '
                          'manifest:media-type="application/vnd.oasis.opendocument.chart"/>'
                          f'<manifest:file-entry manifest:full-path="Object {n}/content.xml" manifest:media-type="text/xml"/>'
                          for n in range(1, len(writer.charts) + 1)) +
                '</manifest:manifest>')
    return [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", content),
        ("styles.xml", odt_styles()),
        ("meta.xml", meta),
        ("settings.xml", odt_settings()),
        ("META-INF/manifest.xml", manifest),
    ] + [(f"Object {n}/content.xml", odt_sample_chart()) for n in range(1, len(writer.charts) + 1)]


# --------------------------------------------------------------------------

def write_zip(path, parts):
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, data.encode("utf-8"))
    os.replace(tmp, path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(here)
    for name, title, build in LAYOUTS:
        write_zip(os.path.join(out_dir, name + ".docx"), docx_parts(name, title, build()))
        write_zip(os.path.join(out_dir, name + ".odt"), odt_parts(name, title, build()))
        print(f"wrote {name}.docx {name}.odt")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Tests of line-check.py's and print-check.py's rules that need no PDF: python3 scripts/test-line-check.py"""

import importlib.util
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("line_check", os.path.join(HERE, "line-check.py"))
lc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lc)
_spec = importlib.util.spec_from_file_location("print_check", os.path.join(HERE, "print-check.py"))
pc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pc)


class NumberSplit(unittest.TestCase):
    def test_a_break_between_two_listed_dates_is_not_a_split_number(self):
        spaced = "วันที่ดำเนินการ: ๑๘ ม.ค. ๖๔, ๕ ก.พ. ๖๔"
        self.assertEqual([k for k, _ in lc.check_pair("วันที่ดำเนินการ: ๑๘ ม.ค. ๖๔,", "๕ ก.พ. ๖๔", [], [])], ["number"])
        self.assertTrue(lc.list_break("๑๘ ม.ค. ๖๔,", "๕ ก.พ. ๖๔", spaced))

    def test_a_thousands_separator_at_a_line_end_is_a_split_number(self):
        self.assertFalse(lc.list_break("งบประมาณ 1,", "250 บาท", "งบประมาณ 1,250 บาท"))
        self.assertFalse(lc.list_break("ได้ 99.", "09 คะแนน", "ได้ 99.09 คะแนน"))
        # Without the source nothing is excused.
        self.assertFalse(lc.list_break("๖๔,", "๕ ก.พ.", None))

    def test_the_spaced_source_keeps_one_space_for_any_white_space(self):
        import tempfile, zipfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "a.docx")
            w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            with zipfile.ZipFile(path, "w") as z:
                z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>'
                           "๖\u2060๔,\u00a0 ๕ ก.พ.</w:t></w:r></w:p></w:body></w:document>")
            self.assertEqual(lc.paragraphs(path, spaced=True), "๖๔, ๕ ก.พ.")
            self.assertEqual(lc.paragraphs(path), "๖๔,๕ก.พ.")


class WordAndNameSplit(unittest.TestCase):
    WORDS = ["เทศบาลเมือง", "องค์การบริหาร", "ส่วนตำบล", "องค์การบริหารส่วนตำบล", "เผยแพร่"]

    def kinds(self, a, b, orgs=()):
        return [k for k, _ in lc.check_pair(a, b, self.WORDS, list(orgs))]

    def test_a_long_name_may_break_between_its_listed_words_only(self):
        org = "เทศบาลเมืองศรีสะเกษ"
        self.assertEqual(self.kinds("ผลการประเมินของเทศบาลเมือง", "ศรีสะเกษ ประจำปี", [org]), [])
        self.assertEqual(self.kinds("ผลการประเมินของเทศบาลเมืองศรี", "สะเกษ ประจำปี", [org]), ["org"])
        self.assertEqual(self.kinds("ผลการประเมินของเทศบาล", "เมืองศรีสะเกษ", [org]), ["word", "org"])
        wangthong = "องค์การบริหารส่วนตำบลวังทอง"
        self.assertEqual(self.kinds("ของ องค์การบริหารส่วนตำบล", "วังทอง", [wangthong]), [])
        # องค์การบริหารส่วนตำบล is one part across the page.
        self.assertEqual(self.kinds("ของ องค์การบริหาร", "ส่วนตำบลวังทอง", [wangthong]), ["word", "org"])
        self.assertEqual(self.kinds("ของ องค์การบริหารส่วนตำบลวัง", "ทอง", [wangthong]), ["org"])
        # Fifteen letters or fewer: whole.
        self.assertEqual(self.kinds("ของเทศบาล", "ตำบลนาดี", ["เทศบาลตำบลนาดี"]), ["org"])

    def test_a_split_month_name_counts_as_a_split_word(self):
        self.assertEqual(self.kinds("ภาพกิจกรรม (14 กุมภ", "าพันธ์ 2568)"), ["word"])
        self.assertEqual(self.kinds("ภาพกิจกรรม (14", "กุมภาพันธ์ 2568)"), [])


class LetterSpaced(unittest.TestCase):
    @staticmethod
    def page(words):
        """A page of pdftotext -bbox output with words (text, xMin, xMax) on one line."""
        return '<page width="595" height="842">' + "".join(
            f'<word xMin="{a}" yMin="90.0" xMax="{b}" yMax="100.0">{t}</word>' for t, a, b in words) + "</page>"

    def test_a_line_of_letters_standing_apart_is_found(self):
        letters = list("หน่วยงานภาครัฐประจำปีงบประมาณ".replace("\u0e48", ""))
        spread = [(t, 10 + 12 * i, 16 + 12 * i) for i, t in enumerate(letters)]
        self.assertEqual([p for p, _ in lc.letter_spaced(self.page(spread))], [1])

    def test_words_and_marks_touching_are_no_spread_line(self):
        # Words apart at their spaces, and letters touching (poppler splits Thai at marks).
        words = [(w, 10 + 60 * i, 60 + 60 * i) for i, w in enumerate(["ผลการประเมิน", "ITA", "ประจำปี", "พ.ศ.", "2567"] * 3)]
        touching = [(t, 10 + 6 * i, 16 + 6 * i) for i, t in enumerate("หน่วยงานภาครัฐประจำปีงบประมาณ")]
        self.assertEqual(lc.letter_spaced(self.page(words)), [])
        self.assertEqual(lc.letter_spaced(self.page(touching)), [])


class RowSplit(unittest.TestCase):
    HEAD = ("หัวตาราง", 0, 100, 50, 10)
    ROW = ["ข้อความแถวแรกเริ่ม", "ต่อเนื่องบรรทัดสอง", "บรรทัดสามของแถว"]

    def line(self, text, y):
        return (text, 0, 100, y, 10)

    def cells(self):
        return [[pc.tight("".join(self.ROW))], [pc.tight("แถวก่อนหน้า")]]

    def test_a_row_that_starts_down_a_page_and_splits_is_counted(self):
        doc = [[self.HEAD, self.line("แถวก่อนหน้า", 60), self.line(self.ROW[0], 75), self.line(self.ROW[1], 88)],
               [self.HEAD, self.line(self.ROW[2], 62)]]
        taller = []
        self.assertEqual([p for p, _ in pc.row_fragments(doc, self.cells(), "", taller)], [2])
        self.assertEqual(taller, [])

    def test_a_row_taller_than_a_page_is_set_apart(self):
        # It starts right under the header repeated on its page and still runs on to the next.
        doc = [[self.HEAD, self.line("แถวก่อนหน้า", 62)],
               [self.HEAD, self.line(self.ROW[0], 62), self.line(self.ROW[1], 75)],
               [self.HEAD, self.line(self.ROW[2], 62)]]
        taller = []
        self.assertEqual(pc.row_fragments(doc, self.cells(), "", taller), [])
        self.assertEqual([p for p, _ in taller], [3])

    def test_a_body_paragraph_quoting_a_cell_is_no_split_row(self):
        doc = [[self.line("ย่อหน้า " + self.ROW[0], 700)], [self.line(self.ROW[1], 62)]]
        outside = pc.tight("ย่อหน้า" + self.ROW[0] + self.ROW[1])
        self.assertEqual(pc.row_fragments(doc, self.cells(), outside), [])
        self.assertEqual(len(pc.row_fragments(doc, self.cells(), "")), 1)


class MostlyEmptyPage(unittest.TestCase):
    """A page of 600 points; the header repeats at the top of every page of the table."""
    HEIGHT = 600
    HEAD = ("หัวตารางมาตรการ", 0, 100, 50, 10)

    def line(self, text, y, x=0):
        return (text, x, x + 100, y, 10)

    def tables(self, *rows):
        return [[[pc.tight("หัวตารางมาตรการ")]] + [[pc.tight(c) for c in r] for r in rows],
                [[pc.tight("ตารางอื่นถัดไป")]]]

    def doc(self, first_page_bottom, next_rows):
        """Page 1: the table's header and row A, whose last line sits `first_page_bottom` down;
        page 2: the header again and `next_rows` (lines of row B, then row C), down to 540 points on a page."""
        p1 = [self.HEAD, self.line("แถวแรกของมาตรการ", 70), self.line("บรรทัดท้ายแถวแรก", first_page_bottom)]
        p2 = [self.HEAD] + next_rows + [self.line("บรรทัดเต็มหน้าสุดท้าย", 540, 200)]
        p3 = [self.line("ย่อหน้าปิดท้ายเอกสาร", 540)]
        return [p1, p2, p3]

    ROWS = (["แถวแรกของมาตรการบรรทัดท้ายแถวแรก"], ["แถวที่สองของมาตรการ", "ผู้รับผิดชอบแถวสอง"],
            ["แถวที่สามของมาตรการบรรทัดเต็มหน้าสุดท้าย"])

    def test_a_page_ending_high_while_its_table_goes_on_with_a_short_row_is_counted(self):
        doc = self.doc(200, [self.line("แถวที่สองของมาตรการ", 70), self.line("ผู้รับผิดชอบแถวสอง", 100, 200)])
        fitting = []
        found = pc.mostly_empty(doc, [self.HEIGHT] * 3, self.tables(*self.ROWS), fitting=fitting)
        self.assertEqual([p for p, _ in found], [1])
        self.assertIn("33 %", found[0][1])
        self.assertEqual(fitting, [])

    def test_a_filled_page_or_one_followed_by_another_table_is_not(self):
        rows = [self.line("แถวที่สองของมาตรการ", 70), self.line("ผู้รับผิดชอบแถวสอง", 100, 200)]
        self.assertEqual(pc.mostly_empty(self.doc(400, rows), [self.HEIGHT] * 3, self.tables(*self.ROWS)), [])
        other = self.doc(200, [self.line("ตารางอื่นถัดไป", 70)])
        other[1] = [l for l in other[1] if l is not self.HEAD]
        self.assertEqual(pc.mostly_empty(other, [self.HEIGHT] * 3, self.tables(*self.ROWS)), [])
        # The same page with a share of 0.3 of the page: text ending a third down is not mostly empty.
        self.assertEqual(pc.mostly_empty(self.doc(200, rows), [self.HEIGHT] * 3, self.tables(*self.ROWS), 0.3), [])

    def test_a_row_taller_than_the_room_left_is_set_apart(self):
        # Row B runs from 70 to 480 points on the next page: 420 points, more than the 340 left under 200.
        doc = self.doc(200, [self.line("แถวที่สองของมาตรการ", 70), self.line("ผู้รับผิดชอบแถวสอง", 480, 200)])
        fitting = []
        self.assertEqual(pc.mostly_empty(doc, [self.HEIGHT] * 3, self.tables(*self.ROWS), fitting=fitting), [])
        self.assertEqual([p for p, _ in fitting], [1])
        # Without a list to set it apart in, it is counted.
        self.assertEqual(len(pc.mostly_empty(doc, [self.HEIGHT] * 3, self.tables(*self.ROWS))), 1)

    def test_a_last_row_goes_on_with_the_signature_row_after_it(self):
        # Row B is short, but the signature row after it (down to 480 points) goes with it.
        sign = ["ลงชื่อผู้บริหารท้องถิ่น"]
        lines = [self.line("แถวที่สองของมาตรการ", 70), self.line("ผู้รับผิดชอบแถวสอง", 100, 200),
                 self.line("ลงชื่อผู้บริหารท้องถิ่น", 480)]
        fitting = []
        self.assertEqual(pc.mostly_empty(self.doc(200, lines), [self.HEIGHT] * 3, self.tables(*self.ROWS[:2], sign),
                                         fitting=fitting), [])
        self.assertEqual([p for p, _ in fitting], [1])
        # With another measure row between them, row B goes on alone, and fits.
        found = pc.mostly_empty(self.doc(200, lines), [self.HEIGHT] * 3, self.tables(*self.ROWS, sign), fitting=fitting)
        self.assertEqual([p for p, _ in found], [1])


if __name__ == "__main__":
    unittest.main()

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


if __name__ == "__main__":
    unittest.main()

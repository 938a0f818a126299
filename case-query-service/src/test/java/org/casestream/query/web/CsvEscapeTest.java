package org.casestream.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A customer writes the subject; a manager opens the export in a spreadsheet: no cell may run as a formula. */
class CsvEscapeTest {

    @Test
    void everyCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(CaseExportController.escape("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CaseExportController.escape("+1")).isEqualTo("'+1");
        assertThat(CaseExportController.escape("-1")).isEqualTo("'-1");
        assertThat(CaseExportController.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CaseExportController.escape("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CaseExportController.escape("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void plainTextIsLeftAsItIsAndQuotedOnlyWhenItMustBe() {
        assertThat(CaseExportController.escape("Cannot log in")).isEqualTo("Cannot log in");
        assertThat(CaseExportController.escape("a, b")).isEqualTo("\"a, b\"");
        assertThat(CaseExportController.escape("")).isEmpty();
    }
}

package org.casestream.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import org.junit.jupiter.api.Test;

/** A customer writes the subject; a manager opens the export in a spreadsheet: no cell may run as a formula. */
class CsvEscapeTest {

    @Test
    void everyCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(CaseExportController.defused("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CaseExportController.defused("+1")).isEqualTo("'+1");
        assertThat(CaseExportController.defused("-1")).isEqualTo("'-1");
        assertThat(CaseExportController.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CaseExportController.defused("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CaseExportController.defused("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(CaseExportController.defused("Cannot log in")).isEqualTo("Cannot log in");
        assertThat(CaseExportController.defused("")).isEmpty();
    }

    @Test
    void rowsAreRfc4180WithAHeaderCrlfAndQuotesOnlyWhereNeeded() throws Exception {
        String[] row = new String[CaseExportController.COLUMNS.size()];
        java.util.Arrays.fill(row, "x");
        row[1] = "a, b";
        row[2] = "say \"hi\"";
        row[3] = CaseExportController.defused("\r=1+1");
        row[4] = "Cannot log in";
        StringWriter out = new StringWriter();
        try (SequenceWriter rows = CaseExportController.CSV_ROWS.writeValues(out)) {
            rows.write(row);
        }

        List<String> lines = List.of(out.toString().split("\r\n", -1));
        assertThat(lines.get(0)).isEqualTo(String.join(",", CaseExportController.COLUMNS));
        assertThat(lines.get(1)).startsWith("x,\"a, b\",\"say \"\"hi\"\"\",\"'\r=1+1\",Cannot log in,x");
        assertThat(lines).hasSize(3).last().isEqualTo("");
    }
}

package org.civicgrid.core.grid.internal.shell;

import java.io.PrintStream;

import org.civicgrid.core.api.grid.ImportReport;

/** Prints an import report for a person at the shell. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void print(ImportReport report, PrintStream out) {
        if (report.applied()) {
            out.println("Imported " + report.accepted() + " rows (" + report.updated().size() + " replaced what was stored).");
        } else {
            out.println("Nothing imported: " + report.problems().size() + " problems (" + report.accepted()
                    + " rows were fine).");
            for (ImportReport.RowProblem problem : report.problems()) {
                out.println("  row " + problem.row() + (problem.code() == null ? "" : " [" + problem.code() + "]") + ": "
                        + problem.message());
            }
        }
        if (!report.updated().isEmpty()) {
            out.println("Replaced" + (report.applied() ? "" : " (would have)") + ": " + String.join(", ", report.updated()));
        }
    }
}

package dev.flux.shutdown.internal.report;

/** How the report is logged ({@code flux.shutdown.report.format}). */
public enum ReportFormat {
    /** One line per phase, its details, and a summary. */
    TEXT,
    /** The whole report as one JSON object on one line. */
    JSON
}

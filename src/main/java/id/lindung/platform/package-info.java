/**
 * Runtime plumbing shared by every module: the embedded PostgreSQL server with its persistent data
 * directory and crash recovery, the business clock (one {@link java.time.Clock} in the business time zone),
 * JSON, web layout and language switching, and how every CSV download is written ({@link id.lindung.platform.CsvDialect},
 * {@link id.lindung.platform.SpreadsheetSafe}), and how a PDF's pages are numbered
 * ({@link id.lindung.platform.PdfPageNumbers}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.lindung.platform;

/**
 * Staged bulk import of workers from CSV and XLSX files (including the OpenSID resident export): a batch is
 * validated whole, then applied in restartable chunks, with every refused row reported and downloadable.
 */
package id.lindung.importing;

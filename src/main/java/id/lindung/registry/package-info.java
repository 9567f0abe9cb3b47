/**
 * The worker registry: workers identified by NIK, their payers and their dated membership terms, with NIK
 * checks, national deduplication and likely-duplicate flags.
 */
package id.lindung.registry;

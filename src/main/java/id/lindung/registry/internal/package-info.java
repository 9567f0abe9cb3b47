/**
 * The registry's SQL and row mapping: how workers, membership terms and status events are stored. Not part of the
 * module's API (Spring Modulith keeps it from other modules); the registry's use cases call it.
 */
package id.lindung.registry.internal;

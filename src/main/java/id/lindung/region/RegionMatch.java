package id.lindung.region;

/** A search hit with the names of the regions above it, nearest first. */
public record RegionMatch(Region region, String path) {}

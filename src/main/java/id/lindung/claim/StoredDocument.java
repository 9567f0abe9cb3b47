package id.lindung.claim;

/** An uploaded file as stored: its bytes (checked as PDF, JPEG or PNG), name, type and SHA-256. */
public record StoredDocument(long id, DocumentType type, String fileName, String contentType, String sha256, byte[] content) {}

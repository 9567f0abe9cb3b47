package id.lindung.platform;

/**
 * Something the caller asked for does not exist, or lies outside their region scope: both answer 404
 * so that a scope never leaks whether a record exists.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String messageKey;

    public NotFoundException(String message) {
        this(message, null);
    }

    /** With the bundle key of a sentence the API answers in the client's language instead of the generic one. */
    public NotFoundException(String message, String messageKey) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}

package id.lindung.platform;

/**
 * Something the caller asked for does not exist, or lies outside their region scope: both answer 404
 * so that a scope never leaks whether a record exists.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

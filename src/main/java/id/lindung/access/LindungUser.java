package id.lindung.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user as Spring Security sees it, read at {@code readAt} (from the business clock): the
 * account counts as locked if it was locked then.
 */
public record LindungUser(long id, String username, String passwordHash, Role role, RegionScope scope,
                          String displayName, boolean enabled, Instant lockedUntil, Instant readAt) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(readAt);
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "LindungUser[" + username + ", " + role + ", " + scope + "]";
    }
}

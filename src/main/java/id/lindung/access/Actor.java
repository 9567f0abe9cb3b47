package id.lindung.access;

/**
 * Whoever is acting: a signed-in user, an API client, a CLI user or the system itself. Audit entries
 * name the actor and its address.
 */
public record Actor(String username, Role role, RegionScope scope, String address) {

    public static Actor system(String what) {
        return new Actor("system:" + what, Role.ADMIN, RegionScope.NATIONAL, "local");
    }

    public boolean can(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}

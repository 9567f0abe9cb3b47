package id.lindung.platform;

/** How to sign in on this instance, published by whoever created the accounts (the demo data). */
public interface SignInHint {

    /** The hint, or null when there is nothing to say (demo data switched off). */
    String text();
}

/**
 * Who may do what, where: users with one role and one region scope, sign-in (form and API tokens),
 * the current actor, and the append-only audit trail every module writes to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package id.lindung.access;

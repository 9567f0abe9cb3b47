/**
 * Contributions (iuran): a pure calculator from a worker's terms and a contribution month to the
 * amount per programme with employer and worker shares, and the month's {@link
 * id.lindung.contribution.ContributionSchedule} that billing applies in bulk. No Spring, clock or database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contribution")
package id.lindung.contribution;

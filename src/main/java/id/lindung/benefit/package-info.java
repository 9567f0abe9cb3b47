/**
 * Benefits (manfaat): a pure calculator from a case (death, work accident, pension, job loss) and its
 * facts to the cash components a person is entitled to under the regulation in force on the incident
 * date, with stable rejection codes. No Spring, clock or database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benefit")
package id.lindung.benefit;

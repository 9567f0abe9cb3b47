/**
 * Monthly bills per payer computed from the regulation in force, payments and their allocation
 * (oldest month first), arrears and late fines, and each worker's protection status on any date.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package id.lindung.billing;

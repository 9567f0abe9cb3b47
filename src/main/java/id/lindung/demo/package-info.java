/**
 * Demonstration users and data for the places the programme was reported from, created on an empty
 * database when {@code LINDUNG_DEMO} is not false. Everything it creates is marked as demo.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package id.lindung.demo;

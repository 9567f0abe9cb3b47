/**
 * The command-line face of Lindung ({@code java -jar target/lindung.jar ...}): the server, user
 * administration, imports and quotes. Commands run the same services as the web and the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package id.lindung.cli;

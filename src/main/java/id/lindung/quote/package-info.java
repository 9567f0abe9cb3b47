/**
 * Quotes: the contribution and benefit calculators behind one input and output contract, shared by
 * the CLI ({@code lindung quote ...}), the API ({@code /api/v1/quotes/...}) and the simulation page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quote")
package id.lindung.quote;

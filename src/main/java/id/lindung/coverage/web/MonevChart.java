package id.lindung.coverage.web;

import id.lindung.coverage.MonevReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The report's chart, drawn on the server with java.awt into RGB samples: one pair of bars per child region, the coverage
 * ratio at the end of the previous semester (grey) and of this one (green), in percent, on an axis scaled to the data
 * (a round maximum just above the highest ratio). Regions are numbered 1..n under their bars, in the order of the
 * legend the PDF prints under the chart; a region without a ratio gets no bar and a dash beside its number.
 */
final class MonevChart {

    private static final Color GREEN = new Color(0x0b, 0x6e, 0x4f);
    private static final Color GREY = new Color(0xb8, 0xc4, 0xbe);

    static final int WIDTH = 1600;
    static final int HEIGHT = 700;

    private MonevChart() {}

    /**
     * The chart as 8-bit RGB samples, row by row ({@link #WIDTH} x {@link #HEIGHT}), for the PDF to take as they are:
     * a PNG would be encoded here only for the PDF library to decode it again pixel by pixel (a tenth of the
     * report's rendering time, docs/benchmarks.md); the PDF compresses the samples itself.
     */
    static byte[] rgb(List<MonevReport.Row> rows, String title, String previousLabel, String currentLabel,
                      Function<BigDecimal, String> number) {
        BufferedImage image = draw(rows, title, previousLabel, currentLabel, number);
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[pixels.length * 3];
        for (int i = 0, j = 0; i < pixels.length; i++) {
            int p = pixels[i];
            rgb[j++] = (byte) (p >> 16);
            rgb[j++] = (byte) (p >> 8);
            rgb[j++] = (byte) p;
        }
        return rgb;
    }

    /** The numbers under the bars are printed when there are at most this many regions (a province's regencies). */
    static final int MAX_LABELLED = 40;

    /**
     * The top of the percent axis: five steps of 1, 2, 2.5 or 5 times a power of ten, the smallest that reaches
     * {@code max} (1.1 % → 1.25 %, 7 % → 10 %, 36 % → 50 %); 1 % when there is nothing to show.
     */
    static BigDecimal axisTop(double max) {
        if (!(max > 0)) {
            return BigDecimal.ONE;
        }
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen((int) Math.floor(Math.log10(max / 5)));
        for (String m : new String[] {"1", "2", "2.5", "5", "10"}) {
            BigDecimal top = new BigDecimal(m).multiply(power).multiply(BigDecimal.valueOf(5));
            if (top.doubleValue() >= max) {
                return top.stripTrailingZeros();
            }
        }
        return power.multiply(BigDecimal.valueOf(50)).stripTrailingZeros();
    }

    private static BufferedImage draw(List<MonevReport.Row> rows, String title, String previousLabel, String currentLabel,
                                      Function<BigDecimal, String> number) {
        int width = WIDTH;
        int height = HEIGHT;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            g.drawString(title, 40, 45);
            int left = 110;
            int right = width - 40;
            int top = 90;
            int bottom = height - 110;
            double max = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.ratio(), r.previousRatio()))
                    .filter(java.util.Objects::nonNull).mapToDouble(BigDecimal::doubleValue).max().orElse(0) * 100;
            BigDecimal axis = axisTop(max);
            double top100 = axis.doubleValue();
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            for (int i = 0; i <= 5; i++) {
                BigDecimal value = axis.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(5)).stripTrailingZeros();
                int y = bottom - (int) ((bottom - top) * i / 5.0);
                g.setColor(new Color(0xe3, 0xe8, 0xe5));
                g.drawLine(left, y, right, y);
                g.setColor(Color.DARK_GRAY);
                String tick = number.apply(value) + " %";
                g.drawString(tick, left - 12 - g.getFontMetrics().stringWidth(tick), y + 7);
            }
            g.setStroke(new BasicStroke(2));
            g.drawLine(left, bottom, right, bottom);
            int n = Math.max(1, rows.size());
            double slot = (right - left) / (double) n;
            double bar = Math.max(2, Math.min(40, slot * 0.35));
            for (int i = 0; i < rows.size(); i++) {
                MonevReport.Row r = rows.get(i);
                double x = left + slot * i + slot / 2;
                bar(g, r.previousRatio(), x - bar, bar, top, bottom, top100, GREY);
                bar(g, r.ratio(), x, bar, top, bottom, top100, GREEN);
                if (n <= MAX_LABELLED) {
                    g.setColor(Color.DARK_GRAY);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, n > 20 ? 14 : 18));
                    String label = (i + 1) + (r.ratio() == null ? " -" : "");
                    int w = g.getFontMetrics().stringWidth(label);
                    g.drawString(label, (int) (x - w / 2.0), bottom + 28);
                }
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
            g.setColor(GREY);
            g.fillRect(left, height - 50, 24, 24);
            g.setColor(Color.DARK_GRAY);
            g.drawString(previousLabel, left + 34, height - 30);
            int next = left + 60 + g.getFontMetrics().stringWidth(previousLabel);
            g.setColor(GREEN);
            g.fillRect(next, height - 50, 24, 24);
            g.setColor(Color.DARK_GRAY);
            g.drawString(currentLabel, next + 34, height - 30);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void bar(Graphics2D g, BigDecimal ratio, double x, double width, int top, int bottom, double scaleTop, Color color) {
        if (ratio == null) {
            return;
        }
        double h = Math.min(1, ratio.doubleValue() * 100 / scaleTop) * (bottom - top);
        g.setColor(color);
        g.fillRect((int) x, (int) (bottom - h), (int) Math.ceil(width), (int) Math.ceil(h));
    }
}

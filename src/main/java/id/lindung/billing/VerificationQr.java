package id.lindung.billing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.util.Map;

/** The QR code of a bill's verification address, as a grey-scale image one pixel per module for the PDF. */
final class VerificationQr {

    private VerificationQr() {}

    /**
     * One byte per module, row by row (0 black, 255 white), with a quiet zone of one module: a PDF viewer scales
     * the image without smoothing, so the modules stay sharp at any size. Level M survives a crease or a stamp.
     */
    static Pixels pixels(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            byte[] data = new byte[m.getWidth() * m.getHeight()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    data[y * m.getWidth() + x] = m.get(x, y) ? 0 : (byte) 255;
                }
            }
            return new Pixels(m.getWidth(), m.getHeight(), data);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** The QR code as a PDF image of {@code size} points square. */
    static Image image(String text, float size) {
        Pixels p = pixels(text);
        try {
            Image image = Image.getInstance(p.width(), p.height(), 1, 8, p.grey());
            image.scaleAbsolute(size, size);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    record Pixels(int width, int height, byte[] grey) {}
}

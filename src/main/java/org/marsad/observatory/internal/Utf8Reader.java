package org.marsad.observatory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that hands over every character before a bad byte and only then fails, so that the reader
 * knows on which line the file stops being UTF-8 (a JDK reader decodes ahead and fails too early to tell).
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean endOfInput;
    private CharacterCodingException pending;

    Utf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            if (!bytes.hasRemaining() || !endOfInput) {
                bytes.compact();
                int n = endOfInput ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                }
                else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pending = new MalformedInputException(result.length());
                if (out.position() == offset) {
                    throw pending;
                }
                break;
            }
            if (endOfInput && !bytes.hasRemaining()) {
                decoder.flush(out);
                if (out.position() == offset) {
                    return -1;
                }
                break;
            }
            if (result.isOverflow()) {
                break;
            }
        }
        return out.position() - offset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

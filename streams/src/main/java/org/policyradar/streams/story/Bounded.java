package org.policyradar.streams.story;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Size bounds of the records the engine writes. The broker refuses records over its limit (1 MB by default) and a
 * refused record would stop the application; every record of the engine stays far below, under
 * {@link #MAX_RECORD_BYTES}, whatever the story size: lists are capped and long strings cut by the limits here.
 */
public final class Bounded {

    /** Upper bound of the Avro body of any record the topology writes (the wire format adds 5 bytes). */
    public static final int MAX_RECORD_BYTES = 60_000;

    private Bounded() {
    }

    /**
     * {@code value} cut at {@code maxChars} characters (never inside a surrogate pair); null stays null.
     */
    public static String cut(String value, int maxChars) {
        if (value == null || value.length() <= maxChars) {
            return value;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** The size of a record's Avro binary encoding, in bytes. */
    public static int avroBytes(SpecificRecord record) {
        CountingStream counter = new CountingStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
        try {
            @SuppressWarnings("unchecked")
            SpecificDatumWriter<SpecificRecord> writer =
                    new SpecificDatumWriter<>((Class<SpecificRecord>) record.getClass());
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        private int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

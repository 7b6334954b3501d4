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

    /**
     * Whether a record's Avro encoding stays within {@link #MAX_RECORD_BYTES}: first by a cheap upper bound (three
     * bytes a character, ten a number, five a length), encoding it only when the bound does not settle it.
     */
    public static boolean fits(SpecificRecord record) {
        return upperBound(record) <= MAX_RECORD_BYTES || avroBytes(record) <= MAX_RECORD_BYTES;
    }

    private static long upperBound(Object value) {
        if (value == null) {
            return 1;
        }
        if (value instanceof CharSequence text) {
            return 5 + 3L * text.length();
        }
        if (value instanceof SpecificRecord record) {
            long bytes = 0;
            int fields = record.getSchema().getFields().size();
            for (int i = 0; i < fields; i++) {
                bytes += 1 + upperBound(record.get(i));
            }
            return bytes;
        }
        if (value instanceof java.util.Collection<?> items) {
            long bytes = 10;
            for (Object item : items) {
                bytes += upperBound(item);
            }
            return bytes;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            long bytes = 10;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += upperBound(entry.getKey()) + upperBound(entry.getValue());
            }
            return bytes;
        }
        // numbers, booleans, enums, timestamps
        return 10;
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

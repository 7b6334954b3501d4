package org.policyradar.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.schemas.SampleRecords.aConflictAlert;
import static org.policyradar.schemas.SampleRecords.aNewsItem;
import static org.policyradar.schemas.SampleRecords.aPolicyConflict;
import static org.policyradar.schemas.SampleRecords.anEnrichedNewsItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.policyradar.avro.NewsItem;

class BinaryRoundTripTest {

    static Stream<SpecificRecord> samples() {
        return Stream.of(
                aNewsItem().build(),
                aNewsItem().setUrl(null).setHeadline(null).setLanguage(null).build(),
                anEnrichedNewsItem().build(),
                aPolicyConflict().build(),
                aConflictAlert().build());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldRoundTripThroughAvroBinary(SpecificRecord record) throws IOException {
        SpecificRecord copy = roundTrip(record);

        assertThat(copy).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldKeepTimestampsToTheMillisecond(SpecificRecord record) throws IOException {
        if (record instanceof NewsItem item) {
            NewsItem copy = (NewsItem) roundTrip(item);
            assertThat(copy.getPublishedAt()).isEqualTo(SampleRecords.PUBLISHED);
        } else {
            assertThat(roundTrip(record).getSchema()).isEqualTo(record.getSchema());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
        encoder.flush();
        SpecificDatumReader<T> reader = new SpecificDatumReader<>((Class<T>) record.getClass());
        return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}

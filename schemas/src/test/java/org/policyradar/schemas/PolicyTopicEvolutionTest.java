package org.policyradar.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.schemas.SampleRecords.aPolicyConflict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;

/**
 * The topic set grows with the policy-domain packs: every new {@link PolicyTopic} symbol must leave records the
 * last release wrote readable, and a consumer still on the released schema must read a new topic as the enum's
 * default instead of failing.
 */
class PolicyTopicEvolutionTest {

    @Test
    void shouldDecodeAConflictTheReleasedSchemaWroteWithTheCurrentSchema() throws IOException {
        Schema released = released("PolicyConflict");
        GenericRecord old = asGeneric(aPolicyConflict().setTopic(PolicyTopic.COOPERATION).build(), released);

        PolicyConflict read = decode(encode(old, released), released, PolicyConflict.getClassSchema());

        assertThat(read.getTopic()).isEqualTo(PolicyTopic.COOPERATION);
        assertThat(read.getConflictId()).isEqualTo(old.get("conflictId").toString());
    }

    @Test
    void shouldReadAPackTopicAsTheDefaultWithTheReleasedSchema() throws IOException {
        Schema released = released("PolicyConflict");
        PolicyConflict current = aPolicyConflict().setTopic(PolicyTopic.ELECTIONS).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(PolicyConflict.class).write(current, encoder);
        encoder.flush();

        GenericRecord readByOldConsumer = new GenericDatumReader<GenericRecord>(PolicyConflict.getClassSchema(), released)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(released, PolicyConflict.getClassSchema())
                .getResult().getCompatibility()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(readByOldConsumer.get("topic").toString()).isEqualTo("OTHER");
    }

    @Test
    void shouldKeepTheImmigrationTopicsInTheirReleasedOrder() {
        assertThat(PolicyTopic.getClassSchema().getEnumSymbols()).startsWith("COOPERATION", "SENSITIVE_LOCATIONS",
                "MILITARY_DEPLOYMENT", "BIRTHRIGHT_CITIZENSHIP", "BORDER", "OTHER");
        assertThat(PolicyTopic.getClassSchema().getEnumDefault()).isEqualTo("OTHER");
    }

    private static GenericRecord asGeneric(PolicyConflict record, Schema released) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(PolicyConflict.class).write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(PolicyConflict.getClassSchema(), released)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static byte[] encode(GenericRecord record, Schema schema) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(record, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    private static PolicyConflict decode(byte[] bytes, Schema writer, Schema reader) throws IOException {
        return new SpecificDatumReader<PolicyConflict>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }

    private static Schema released(String name) throws IOException {
        try (InputStream in = PolicyTopicEvolutionTest.class.getResourceAsStream("/released/" + name + ".avsc")) {
            assertThat(in).as("released copy of " + name).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}

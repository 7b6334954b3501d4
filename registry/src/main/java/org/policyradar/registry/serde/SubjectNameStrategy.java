package org.policyradar.registry.serde;

import org.apache.avro.Schema;

/** Names the subject a record's schema is registered under, as Confluent's subject name strategies do. */
public interface SubjectNameStrategy {

    /**
     * @param topic  the topic the record goes to or comes from
     * @param isKey  whether the record is a key (else a value)
     * @param schema the record's schema
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}

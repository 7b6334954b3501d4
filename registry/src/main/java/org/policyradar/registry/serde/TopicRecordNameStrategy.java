package org.policyradar.registry.serde;

import org.apache.avro.Schema;

/** {@code <topic>-<record full name>}: one lineage per record type within each topic. */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + schema.getFullName();
    }
}

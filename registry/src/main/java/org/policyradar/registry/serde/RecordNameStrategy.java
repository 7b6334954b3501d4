package org.policyradar.registry.serde;

import org.apache.avro.Schema;

/** The record's full name (e.g. {@code org.policyradar.avro.NewsItem}): one lineage per record type. */
public final class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}

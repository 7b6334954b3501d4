package org.policyradar.registry.client;

import org.apache.avro.Schema;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * The calls serializers, deserializers and tools make to a Confluent-compatible Schema Registry.
 * {@link RestClientException} is the registry's refusal (with its HTTP status and Confluent error code);
 * {@link IOException} is a failure to reach it.
 */
public interface SchemaRegistryClient {

    /** Registers a schema under a subject (idempotent) and answers its registry-wide id. */
    int register(String subject, Schema schema) throws IOException, RestClientException;

    /** The schema with an id; ids never change meaning, so implementations may cache the answer forever. */
    Schema getSchemaById(int id) throws IOException, RestClientException;

    /** The id of a schema already registered under a subject (40401 / 40403 when it is not). */
    int getId(String subject, Schema schema) throws IOException, RestClientException;

    /** The latest live version of a subject. */
    SchemaMetadata getLatestSchemaMetadata(String subject) throws IOException, RestClientException;

    /** One version of a subject. */
    SchemaMetadata getSchemaMetadata(String subject, int version) throws IOException, RestClientException;

    /** Whether the schema may follow the latest version of the subject under the subject's level. */
    boolean testCompatibility(String subject, Schema schema) throws IOException, RestClientException;

    /** The compatibility level in force for a subject (its own, else the global one); null subject: global. */
    String getCompatibility(String subject) throws IOException, RestClientException;

    /** Sets the compatibility level of a subject, or the global one when the subject is null. */
    String updateCompatibility(String subject, String compatibility) throws IOException, RestClientException;

    /** The live subjects. */
    Collection<String> getAllSubjects() throws IOException, RestClientException;

    /** The live versions of a subject. */
    List<Integer> getAllVersions(String subject) throws IOException, RestClientException;

    /** Soft-deletes a subject and answers the versions deleted. */
    List<Integer> deleteSubject(String subject) throws IOException, RestClientException;
}

package org.policyradar.streams.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record too large for the producer ({@code max.request.size}) must not stop the application: left to the
 * default handler it fails the task, and since news.items.v1 keeps the input forever the application would die
 * again at the same offset on every restart. {@link SizeLimitedSerde} refuses such a value while serializing;
 * this handler then sends the source record's key and the reason to the dead-letter topic and goes on. Every
 * other serialization or production error still fails (a registry or broker outage must stop processing, not
 * drop records).
 *
 * <p>The records of the topology are bounded far below the limit by construction; this is the last line.
 * The dead-letter record carries the source key and the reason, not the source value: a value that large might
 * be refused too, and news.items.v1 keeps the original forever (topic, partition and offset are in the headers).
 */
public final class OversizeRecordHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OversizeRecordHandler.class);
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        this.deadLetterTopic = topic == null ? null : topic.toString();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        // the producer refused it: under exactly-once its transaction is now broken, so the task must fail and
        // retry; SizeLimitedSerde refuses such records before they reach the producer
        return Response.fail();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (!(exception instanceof RecordTooLargeException)) {
            return Response.fail();
        }
        LOG.warn("Record for {} from {}-{} offset {} refused for its size, sent to the dead-letter topic: {}",
                record.topic(), context.topic(), context.partition(), context.offset(), exception.getMessage());
        if (deadLetterTopic == null) {
            return Response.resume();
        }
        ProducerRecord<byte[], byte[]> deadLetter = ExceptionHandlerUtils.buildDeadLetterQueueRecord(
                deadLetterTopic, context.sourceRawKey(), null, context,
                new RecordTooLargeException("record for " + record.topic() + " refused for its size: "
                        + exception.getMessage()));
        return Response.resume(List.of(deadLetter));
    }
}

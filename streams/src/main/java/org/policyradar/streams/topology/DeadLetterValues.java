package org.policyradar.streams.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead letters carry the source record's value only when they can still be produced: Kafka's log-and-continue
 * handlers copy the value and add the stack trace, and a source record near the producer's size limit would
 * give a dead letter over it — refused by the producer, which under exactly-once breaks the transaction and stops
 * the task. Larger values are left out (news.items.v1 keeps the original; its topic, partition and offset are in
 * the headers).
 */
final class DeadLetterValues {

    /** Room for the dead letter's headers: the reason, the exception and its stack trace. */
    static final int HEADER_ROOM_BYTES = 16_384;

    private DeadLetterValues() {
    }

    static int limit(Map<String, ?> configs) {
        return Math.max(0, SizeLimitedSerde.valueLimit(configs) - HEADER_ROOM_BYTES);
    }

    static List<ProducerRecord<byte[], byte[]>> capped(List<ProducerRecord<byte[], byte[]>> records, int limit) {
        return records.stream()
                .map(r -> r.value() == null || r.value().length <= limit ? r
                        : new ProducerRecord<byte[], byte[]>(r.topic(), r.partition(), r.timestamp(), r.key(), null,
                                r.headers()))
                .toList();
    }

    /** Deserialization errors: log, dead-letter (value capped), continue. */
    public static final class Deserialization extends LogAndContinueExceptionHandler {
        private int limit;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            limit = limit(configs);
        }

        @Override
        public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                    ConsumerRecord<byte[], byte[]> record,
                                                                    Exception exception) {
            DeserializationExceptionHandler.Response response = super.handleError(context, record, exception);
            return DeserializationExceptionHandler.Response.resume(capped(response.deadLetterQueueRecords(), limit));
        }
    }

    /** Processing errors (invalid records, too old, too large): log, dead-letter (value capped), continue. */
    public static final class Processing extends LogAndContinueProcessingExceptionHandler {
        private int limit;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            limit = limit(configs);
        }

        @Override
        public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                               Exception exception) {
            ProcessingExceptionHandler.Response response = super.handleError(context, record, exception);
            return ProcessingExceptionHandler.Response.resume(capped(response.deadLetterQueueRecords(), limit));
        }
    }
}

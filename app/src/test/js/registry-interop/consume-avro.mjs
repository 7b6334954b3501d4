// Reads Avro records that a Java producer wrote to Kafka, with kafkajs, and decodes them with Confluent's
// JavaScript Avro deserializer.
//
//   node consume-avro.mjs --bootstrap HOST:PORT --registry URL --topic TOPIC --count N [--timeout-ms MS]
//
// Reads the topic from the beginning in a new consumer group until N records have arrived. The deserializer
// keeps the client's default subject name strategy, which first asks the registry for an association of the
// topic and falls back to <topic>-value when the registry answers 404, as Policy Radar's registry does.
// Prints {"records":[{"partition":p,"offset":"o","key":"...","magicByte":0,"schemaId":n,"value":{...}}]}.

import { AvroDeserializer, SerdeType } from '@confluentinc/schemaregistry';
import { kafka, options, registryClient, run, wireHeader, withTimeout } from './common.mjs';

run(async () => {
  const args = options({
    bootstrap: { type: 'string' },
    registry: { type: 'string' },
    topic: { type: 'string' },
    count: { type: 'string' },
    'timeout-ms': { type: 'string', default: '60000' },
  }, ['bootstrap', 'registry', 'topic', 'count']);
  const expected = Number.parseInt(args.count, 10);
  if (!(expected > 0)) {
    throw new Error(`--count must be a positive number, not '${args.count}'`);
  }

  const deserializer = new AvroDeserializer(registryClient(args.registry), SerdeType.VALUE, {});
  const consumer = kafka(args.bootstrap, 'registry-interop-consumer')
    .consumer({ groupId: `registry-interop-${args.topic}-${process.pid}` });
  const records = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [args.topic], fromBeginning: true });
    const done = new Promise((resolve, reject) => {
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
      consumer.run({
        eachMessage: async ({ partition, message }) => {
          try {
            const header = wireHeader(message.value);
            const value = await deserializer.deserialize(args.topic, message.value);
            records.push({
              partition,
              offset: message.offset,
              key: message.key == null ? null : message.key.toString('utf8'),
              ...header,
              value,
            });
            if (records.length >= expected) {
              resolve();
            }
          } catch (error) {
            reject(error);
          }
        },
      }).catch(reject);
    });
    await withTimeout(done, Number.parseInt(args['timeout-ms'], 10),
      `waiting for ${expected} records on ${args.topic} (got ${records.length})`);
  } finally {
    await consumer.disconnect();
  }
  return { records: records.slice(0, expected) };
});

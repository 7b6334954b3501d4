// Serializes records with Confluent's JavaScript Avro serializer and produces them to Kafka with kafkajs,
// for a Java consumer to read.
//
//   node produce-avro.mjs --bootstrap HOST:PORT --registry URL --topic TOPIC --input FILE
//
// FILE holds a JSON array of {"key":"...","value":{...}}, the values in avsc's shape (unions of null and one
// type unwrapped, longs as numbers, enums as their symbol). The serializer does not register anything: it uses
// the latest version of <topic>-value, which the caller registered (the real schema, rather than the one the
// client would infer from a JavaScript object). Prints
// {"produced":n,"records":[{"key":"...","magicByte":0,"schemaId":n,"partition":p,"offset":"o"}]}.

import { AvroSerializer, SerdeType, SubjectNameStrategyType } from '@confluentinc/schemaregistry';
import { Partitioners } from 'kafkajs';
import { kafka, options, readText, registryClient, run, wireHeader, withTimeout } from './common.mjs';

run(async () => {
  const args = options({
    bootstrap: { type: 'string' },
    registry: { type: 'string' },
    topic: { type: 'string' },
    input: { type: 'string' },
    'timeout-ms': { type: 'string', default: '60000' },
  }, ['bootstrap', 'registry', 'topic', 'input']);
  const input = JSON.parse(await readText(args.input));
  if (!Array.isArray(input) || input.length === 0) {
    throw new Error(`${args.input} must hold a non-empty JSON array of {key, value}`);
  }

  const serializer = new AvroSerializer(registryClient(args.registry), SerdeType.VALUE, {
    autoRegisterSchemas: false,
    useLatestVersion: true,
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  const messages = [];
  for (const { key, value } of input) {
    messages.push({ key, value: await serializer.serialize(args.topic, value) });
  }

  const producer = kafka(args.bootstrap, 'registry-interop-producer')
    .producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  const records = [];
  try {
    await producer.connect();
    // one send per record keeps the order of the input, which the Java side checks
    for (const message of messages) {
      const [metadata] = await withTimeout(
        producer.send({ topic: args.topic, acks: -1, messages: [message] }),
        Number.parseInt(args['timeout-ms'], 10), `producing to ${args.topic}`);
      records.push({
        key: message.key,
        ...wireHeader(message.value),
        partition: metadata.partition,
        offset: metadata.baseOffset,
      });
    }
  } finally {
    await producer.disconnect();
  }
  return { produced: records.length, records };
});

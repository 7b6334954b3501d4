// Shared plumbing of the interop scripts that ConfluentJsClientInteropIT runs as child processes.
//
// The contract with the Java side: a script prints exactly one JSON document, on one line, to stdout and
// exits 0; on failure it prints the reason to stderr and exits non-zero. Everything else (kafkajs logs,
// library warnings) goes to stderr, so that stdout stays parseable.

import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry';

/** Parses --name value options; every option named in `required` must be present. */
export function options(spec, required) {
  const { values } = parseArgs({ options: spec, strict: true, allowPositionals: false });
  const missing = required.filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new Error(`missing option(s): ${missing.map((name) => `--${name}`).join(', ')}`);
  }
  return values;
}

/** Reads a UTF-8 text file. */
export async function readText(path) {
  return readFile(path, 'utf8');
}

/** A Schema Registry client of one base URL; each call makes a new client, so nothing is served from a cache. */
export function registryClient(url) {
  // no retries: a refusal must reach the caller as it is, and the embedded registry never answers 5xx on purpose
  return new SchemaRegistryClient({ baseURLs: [url], maxRetries: 0 });
}

/** A kafkajs client whose log lines go to stderr as JSON, at WARN and above. */
export function kafka(bootstrap, clientId) {
  const toStderr = () => ({ namespace, level, label, log }) => {
    process.stderr.write(`${JSON.stringify({ level: label, namespace, ...log })}\n`);
  };
  return new Kafka({
    clientId,
    brokers: bootstrap.split(','),
    logLevel: logLevel.WARN,
    logCreator: toStderr,
    connectionTimeout: 10000,
    retry: { retries: 8, initialRetryTime: 200 },
  });
}

/** Rejects when `promise` has not settled within `ms` milliseconds. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The Confluent wire-format header of a payload: magic byte and schema id. */
export function wireHeader(payload) {
  if (payload == null || payload.length < 5) {
    throw new Error(`payload of ${payload == null ? 0 : payload.length} bytes has no 5-byte wire-format header`);
  }
  return { magicByte: payload.readUInt8(0), schemaId: payload.readInt32BE(1) };
}

/**
 * Runs `main`, prints its result as one JSON line on stdout and exits 0; on an error prints it to stderr
 * and exits 1. Exits explicitly, so that a lingering socket cannot keep the process alive.
 */
export function run(main) {
  main()
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
    })
    .catch((error) => {
      const detail = error && error.stack ? error.stack : String(error);
      process.stderr.write(`interop script failed: ${detail}\n`, () => process.exit(1));
    });
}

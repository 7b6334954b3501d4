// Exercises the registry's REST API through Confluent's JavaScript client and reports what it answered.
//
//   node registry-calls.mjs --registry URL --subject SUBJECT --schema-file FILE --missing-subject NAME
//
// Registers the Avro schema in FILE under SUBJECT (twice: registration is idempotent), fetches it back by id
// with a second client (so that the answer comes from the registry, not the first client's cache), tries to
// register an incompatible change (a new field without a default, which BACKWARD compatibility refuses) and
// asks for the latest version of a subject that does not exist. Prints:
//   {"registeredId":n, "registeredAgainId":n, "fetchedSchema":"...", "latest":{"id":n,"version":n,"subject":"..."},
//    "versions":[...], "subjects":[...], "incompatibleCompatible":bool,
//    "incompatible":{"status":409,"errorCode":409,"message":"..."},
//    "missing":{"status":404,"errorCode":40401,"message":"..."}}

import { RestError } from '@confluentinc/schemaregistry';
import { options, readText, registryClient, run } from './common.mjs';

/** Runs `call`, which must fail with the registry's refusal, and describes that refusal. */
async function refusal(what, call) {
  try {
    const answer = await call();
    throw new Error(`${what} succeeded but should have been refused; it answered ${JSON.stringify(answer)}`);
  } catch (error) {
    if (!(error instanceof RestError)) {
      throw error;
    }
    return { status: error.status, errorCode: error.errorCode, message: error.message };
  }
}

run(async () => {
  const args = options({
    registry: { type: 'string' },
    subject: { type: 'string' },
    'schema-file': { type: 'string' },
    'missing-subject': { type: 'string' },
  }, ['registry', 'subject', 'schema-file', 'missing-subject']);

  const schemaText = await readText(args['schema-file']);
  const schema = { schemaType: 'AVRO', schema: schemaText };
  const writer = registryClient(args.registry);

  const registeredId = await writer.register(args.subject, schema, false);
  const registeredAgainId = await writer.register(args.subject, schema, false);

  const reader = registryClient(args.registry);
  const fetched = await reader.getBySubjectAndId(args.subject, registeredId);
  const latest = await reader.getLatestSchemaMetadata(args.subject);
  const versions = await reader.getAllVersions(args.subject);
  const subjects = await reader.getAllSubjects();

  const changed = JSON.parse(schemaText);
  changed.fields = [...changed.fields, { name: 'interopRequiredField', type: 'string' }];
  const incompatibleSchema = { schemaType: 'AVRO', schema: JSON.stringify(changed) };
  const incompatibleCompatible = await reader.testSubjectCompatibility(args.subject, incompatibleSchema);
  const incompatible = await refusal('registering an incompatible change',
    () => writer.register(args.subject, incompatibleSchema, false));

  const missing = await refusal(`reading the latest version of '${args['missing-subject']}'`,
    () => reader.getLatestSchemaMetadata(args['missing-subject']));

  writer.close();
  reader.close();
  return {
    registeredId,
    registeredAgainId,
    fetchedSchema: fetched.schema,
    latest: { id: latest.id, version: latest.version, subject: latest.subject },
    versions,
    subjects,
    incompatibleCompatible,
    incompatible,
    missing,
  };
});

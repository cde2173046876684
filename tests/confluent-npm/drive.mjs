// Drives the two npm Confluent Schema Registry clients against a running schemareg server, the way a Kafka
// producer and consumer written in JavaScript would: no broker, the serializers' bytes go straight to the
// deserializers. One scenario per run; every check prints one JSON line; the exit code is the number of failures.
//
//   node drive.mjs SCENARIO --url http://127.0.0.1:PORT --writer NAME:SECRET --admin NAME:SECRET --reader NAME:SECRET
//
// SCENARIO: kafkajs-avro, kafkajs-json, kafkajs-protobuf, kafkajs-auth, confluent-avro, confluent-json,
// confluent-protobuf, confluent-compatibility, confluent-config, confluent-delete, confluent-errors, confluent-auth.
import { SchemaRegistry as KafkaJsRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, JsonSerializer, JsonDeserializer,
  ProtobufSerializer, ProtobufDeserializer, SerdeType, RestError,
} from '@confluentinc/schemaregistry';
import { create, createFileRegistry, createMutableRegistry, fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { isDeepStrictEqual } from 'node:util';

const args = process.argv.slice(2);
const scenario = args[0];
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  if (at < 0 || at + 1 >= args.length) throw new Error(`--${name} is required`);
  return args[at + 1];
};
const url = option('url');
const writer = option('writer');
const admin = option('admin');
const reader = option('reader');
// Subjects carry the run's suffix so scenarios never meet each other's state on one server.
const run = (args.includes('--suffix') ? option('suffix') : `${process.pid}`);

let failures = 0;
const check = (name, ok, detail = '') => {
  if (!ok) failures++;
  console.log(JSON.stringify({ scenario, check: name, ok: Boolean(ok), detail: String(detail).slice(0, 500) }));
};
// Decoders answer class instances (avsc records) and BigInts (int64); compare and print their plain JSON values.
const plain = (value) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) ?? 'null');
const same = (name, actual, expected) =>
  check(name, isDeepStrictEqual(plain(actual), plain(expected)), `actual ${JSON.stringify(plain(actual))} expected ${JSON.stringify(plain(expected))}`);
async function refused(name, action, status, errorCode) {
  try {
    await action();
    check(name, false, 'no error');
  } catch (error) {
    const actualStatus = error.status ?? error.response?.status;
    const actualCode = error.errorCode ?? error.response?.data?.error_code;
    check(name, actualStatus === status && (errorCode === undefined || actualCode === errorCode),
      `status ${actualStatus} error_code ${actualCode} (${error.message})`);
  }
}

const kafkaJs = (userInfo) => {
  const [username, password] = userInfo.split(/:(.*)/s);
  return new KafkaJsRegistry({ host: url, auth: { username, password }, retry: { retries: 0 } });
};
const confluent = (userInfo) => new SchemaRegistryClient({
  baseURLs: [url],
  basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo },
  maxRetries: 0,
});

const avroPayment = {
  type: 'record', name: 'Payment', namespace: 'com.example.billing',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'currency', type: { type: 'enum', name: 'Currency', symbols: ['EUR', 'USD', 'GBP'] } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};
const payment = { id: 'p-1', amount: 12.5, currency: 'EUR', note: null };

const jsonOrder = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order', type: 'object',
  properties: { order_id: { type: 'string' }, total: { type: 'number', minimum: 0 } },
  required: ['order_id', 'total'],
};
const order = { order_id: 'o-1', total: 99.5 };

const protoText = `syntax = "proto3";
package com.example.shipping;

message Parcel {
  string id = 1;
  int64 weight_grams = 2;
  repeated string labels = 3;
  Address to = 4;
}

message Address {
  string city = 1;
  string country = 2;
}
`;

// The same file as a descriptor, the form @bufbuild/protobuf (and so the Confluent JavaScript serializer) works with.
function parcelFile() {
  const proto = create(FileDescriptorProtoSchema, {
    name: `parcel-${run}.proto`, package: 'com.example.shipping', syntax: 'proto3',
    messageType: [
      { name: 'Parcel', field: [
        { name: 'id', number: 1, label: 1, type: 9, jsonName: 'id' },
        { name: 'weight_grams', number: 2, label: 1, type: 3, jsonName: 'weightGrams' },
        { name: 'labels', number: 3, label: 3, type: 9, jsonName: 'labels' },
        { name: 'to', number: 4, label: 1, type: 11, typeName: '.com.example.shipping.Address', jsonName: 'to' },
      ] },
      { name: 'Address', field: [
        { name: 'city', number: 1, label: 1, type: 9, jsonName: 'city' },
        { name: 'country', number: 2, label: 1, type: 9, jsonName: 'country' },
      ] },
    ],
  });
  const registry = createFileRegistry(proto, () => undefined);
  return registry;
}

const scenarios = {
  async 'kafkajs-avro'() {
    // The admin key with kafkajs' default options: the first registration also sets the subject's compatibility.
    const registry = kafkaJs(admin);
    const subject = `payments-${run}-value`;
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(avroPayment) }, { subject });
    check('register answers an integer id', Number.isInteger(id) && id > 0, id);
    const again = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(avroPayment) }, { subject });
    same('registering the same schema again answers the same id', again.id, id);
    same('latest id of the subject', await registry.getLatestSchemaId(subject), id);
    same('id by subject and version 1', await registry.getRegistryId(subject, 1), id);
    same('id by schema (lookup)', await registry.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: JSON.stringify(avroPayment) }), id);
    const bytes = await registry.encode(id, payment);
    check('encoded in the wire format: magic byte 0 then the id', bytes[0] === 0 && bytes.readInt32BE(1) === id, bytes.subarray(0, 5).toString('hex'));
    const consumer = kafkaJs(reader);
    same('a reader decodes what the writer encoded', await consumer.decode(bytes), payment);
  },

  async 'kafkajs-json'() {
    const registry = kafkaJs(writer);
    const subject = `orders-${run}-value`;
    // A producer's key may not change compatibility (schema-admin only): it registers without kafkajs' config update.
    const { id } = await registry.register({ type: SchemaType.JSON, schema: JSON.stringify(jsonOrder) }, { subject, updateConfig: false });
    check('register answers an integer id', Number.isInteger(id) && id > 0, id);
    const bytes = await registry.encode(id, order);
    same('a reader decodes what the writer encoded', await kafkaJs(reader).decode(bytes), order);
    try {
      await registry.encode(id, { order_id: 'o-2' });
      check('a record the schema refuses is not encoded', false, 'encoded');
    } catch (error) {
      check('a record the schema refuses is not encoded', /total|required|invalid/i.test(String(error.message ?? error)), error.message);
    }
  },

  async 'kafkajs-protobuf'() {
    const registry = kafkaJs(writer);
    const subject = `parcels-${run}-value`;
    const { id } = await registry.register({ type: SchemaType.PROTOBUF, schema: protoText }, { subject, updateConfig: false });
    check('register answers an integer id', Number.isInteger(id) && id > 0, id);
    const parcel = { id: 'x-9', weightGrams: 1200, labels: ['fragile'], to: { city: 'Lyon', country: 'FR' } };
    const bytes = await registry.encode(id, parcel);
    const decoded = await kafkaJs(reader).decode(bytes);
    same('a reader decodes what the writer encoded', JSON.parse(JSON.stringify(decoded)),
      { id: 'x-9', weightGrams: '1200', labels: ['fragile'], to: { city: 'Lyon', country: 'FR' } });
  },

  async 'kafkajs-auth'() {
    const [name] = writer.split(':');
    const wrong = kafkaJs(`${name}:not-the-secret`);
    try {
      await wrong.register({ type: SchemaType.AVRO, schema: JSON.stringify(avroPayment) }, { subject: `auth-${run}-value` });
      check('a wrong secret is refused', false, 'registered');
    } catch (error) {
      check('a wrong secret is refused', error.status === 401 || /401|unauthori[sz]ed/i.test(error.message), error.message);
    }
  },

  async 'confluent-avro'() {
    const client = confluent(writer);
    const subject = `invoices-${run}-value`;
    const id = await client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(avroPayment) });
    const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
    const bytes = await serializer.serialize(`invoices-${run}`, payment);
    check('serialized with the registered id', bytes[0] === 0 && bytes.readInt32BE(1) === id, bytes.subarray(0, 5).toString('hex'));
    const deserializer = new AvroDeserializer(confluent(reader), SerdeType.VALUE, {});
    same('a reader deserializes what the writer serialized', await deserializer.deserialize(`invoices-${run}`, bytes), payment);
    const latest = await client.getLatestSchemaMetadata(subject);
    same('latest metadata: id, version, subject', [latest.id, latest.version, latest.subject], [id, 1, subject]);
    same('the id of the schema by lookup', await client.getId(subject, { schemaType: 'AVRO', schema: JSON.stringify(avroPayment) }), id);
    same('versions of the subject', await client.getAllVersions(subject), [1]);
    check('the subject is listed', (await client.getAllSubjects()).includes(subject));
  },

  async 'confluent-json'() {
    const client = confluent(writer);
    const subject = `shipments-${run}-value`;
    const serializer = new JsonSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
    const id = await client.register(subject, { schemaType: 'JSON', schema: JSON.stringify(jsonOrder) });
    const bytes = await serializer.serialize(`shipments-${run}`, order);
    check('serialized with the registered id', bytes.readInt32BE(1) === id, bytes.subarray(0, 5).toString('hex'));
    const deserializer = new JsonDeserializer(confluent(reader), SerdeType.VALUE, {});
    same('a reader deserializes what the writer serialized', await deserializer.deserialize(`shipments-${run}`, bytes), order);
  },

  async 'confluent-protobuf'() {
    const client = confluent(writer);
    const files = parcelFile();
    const serializer = new ProtobufSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true, registry: createMutableRegistry(files) });
    const Parcel = files.getMessage('com.example.shipping.Parcel');
    const message = create(Parcel, { id: 'x-9', weightGrams: 1200n, labels: ['fragile'] });
    const bytes = await serializer.serialize(`parcels-${run}`, message);
    check('serialized in the wire format', bytes[0] === 0, bytes.subarray(0, 6).toString('hex'));
    const deserializer = new ProtobufDeserializer(confluent(reader), SerdeType.VALUE, {});
    const back = await deserializer.deserialize(`parcels-${run}`, bytes);
    same('a reader deserializes what the writer serialized', [back.id, back.weightGrams, back.labels], ['x-9', 1200n, ['fragile']]);
    // The serializer registered a base64 descriptor; the registry keeps the canonical .proto text it normalises to.
    const stored = await client.getLatestSchemaMetadata(`parcels-${run}-value`);
    check('the registered schema reads back as canonical .proto text', /\bmessage Parcel\b/.test(stored.schema) && /\bmessage Address\b/.test(stored.schema), stored.schema.slice(0, 80));
    // A client of its own: the writer's caches the latest metadata by subject, whatever the format asked.
    const serialized = await confluent(reader).getLatestSchemaMetadata(`parcels-${run}-value`, 'serialized');
    const file = fromBinary(FileDescriptorProtoSchema, Buffer.from(serialized.schema, 'base64'));
    same('and, asked for format=serialized, as a descriptor', file.messageType.map((m) => m.name), ['Parcel', 'Address']);
  },

  async 'confluent-compatibility'() {
    const client = confluent(writer);
    const subject = `compat-${run}-value`;
    await client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(avroPayment) });
    const withDefault = { ...avroPayment, fields: [...avroPayment.fields, { name: 'channel', type: 'string', default: 'web' }] };
    const withoutDefault = { ...avroPayment, fields: [...avroPayment.fields, { name: 'channel', type: 'string' }] };
    check('a field added with a default is backward compatible',
      await client.testCompatibility(subject, 1, { schemaType: 'AVRO', schema: JSON.stringify(withDefault) }) === true);
    check('a field added without a default is not',
      await client.testSubjectCompatibility(subject, { schemaType: 'AVRO', schema: JSON.stringify(withoutDefault) }) === false);
    await refused('registering the incompatible schema answers 409',
      () => client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(withoutDefault) }), 409);
    const second = await client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(withDefault) });
    same('the compatible one registers as version 2', (await client.getLatestSchemaMetadata(subject)).version, 2);
    same('and has its own id', (await client.getLatestSchemaMetadata(subject)).id, second);
  },

  async 'confluent-config'() {
    const client = confluent(admin);
    const subject = `config-${run}-value`;
    await client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(avroPayment) });
    same('subject compatibility set', await client.updateCompatibility(subject, 'FULL'), 'FULL');
    same('subject compatibility read back', await client.getCompatibility(subject), 'FULL');
    const global = await client.getDefaultCompatibility();
    check('the global level is one of the seven', ['NONE', 'BACKWARD', 'FORWARD', 'FULL', 'BACKWARD_TRANSITIVE', 'FORWARD_TRANSITIVE', 'FULL_TRANSITIVE'].includes(global), global);
    const config = await client.getConfig(subject);
    same('config of the subject', config.compatibilityLevel, 'FULL');
    await refused('a writer may not change the global level', () => confluent(writer).updateDefaultCompatibility('NONE'), 403);
  },

  async 'confluent-delete'() {
    const client = confluent(admin);
    const subject = `gone-${run}-value`;
    const id = await client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(avroPayment) });
    same('a soft delete answers the deleted versions', await client.deleteSubject(subject), [1]);
    check('a soft-deleted subject is not listed', !(await client.getAllSubjects()).includes(subject));
    const info = await client.getBySubjectAndId(subject, id);
    check('its schema is still readable by id', JSON.parse(info.schema).name === 'Payment', info.schema);
    same('a permanent delete answers the deleted versions', await client.deleteSubject(subject, true), [1]);
    await refused('after a permanent delete the subject is not found', () => client.getLatestSchemaMetadata(subject), 404, 40401);
    await refused('a writer may not delete', () => confluent(writer).deleteSubject(`invoices-${run}-value`), 403);
  },

  async 'confluent-errors'() {
    const client = confluent(writer);
    await refused('an unknown subject is 40401', () => client.getLatestSchemaMetadata(`nobody-${run}`), 404, 40401);
    const subject = `errors-${run}-value`;
    await client.register(subject, { schemaType: 'AVRO', schema: JSON.stringify(avroPayment) });
    await refused('an unknown version is 40402', () => client.getSchemaMetadata(subject, 99), 404, 40402);
    await refused('an invalid Avro schema is 42201',
      () => client.register(subject, { schemaType: 'AVRO', schema: '{"type":"record","name":"X","fields":[{"name":"a","type":"nosuchtype"}]}' }), 422, 42201);
    await refused('an unknown id is 40403', () => client.getBySubjectAndId(subject, 2147483000), 404, 40403);
    await refused('a reader may not register', () => confluent(reader).register(subject, { schemaType: 'AVRO', schema: JSON.stringify(avroPayment) }), 403);
  },

  async 'confluent-auth'() {
    const [name] = reader.split(':');
    await refused('a wrong secret is 401', () => confluent(`${name}:not-the-secret`).getAllSubjects(), 401);
    check('the right secret reads', Array.isArray(await confluent(reader).getAllSubjects()));
  },
};

if (!scenarios[scenario]) {
  console.error(`unknown scenario '${scenario}'; one of: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
try {
  await scenarios[scenario]();
} catch (error) {
  check('the scenario ran to its end', false, `${error.constructor?.name}: ${error.message} ${error.status ?? ''} ${error.errorCode ?? ''}`);
}
process.exit(failures > 0 ? 1 : 0);

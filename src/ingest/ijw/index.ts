// The iJw importer's surface: recognise a message file, validate files in batches, parse and import batches of messages.
export { sniffMessage } from './sniff.ts';
export { SchemaValidator, type FileValidation } from './validate.ts';
export {
  importMessages,
  parseMessage,
  validationRefusal,
  type MessageFile,
  type MessageOutcome,
  type ParsedMessage,
} from './import.ts';
export { Batcher, SMALL_FILE_BYTES } from './batches.ts';
export { DEFAULT_MAX_BYTES } from './reader.ts';
export { ORDER as IJW_ORDER, LABEL as IJW_LABEL, type IjwKind } from './catalogue.ts';

// The iJw importer's surface: recognise a message file, validate files in batches, import one file.
export { sniffMessage } from './sniff.ts';
export { SchemaValidator, type FileValidation } from './validate.ts';
export { importIjw, type IjwImportOptions } from './import.ts';
export { DEFAULT_MAX_BYTES } from './reader.ts';
export { ORDER as IJW_ORDER, LABEL as IJW_LABEL, xsdDir, type IjwKind } from './catalogue.ts';

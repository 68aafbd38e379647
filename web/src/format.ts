// The dashboard formats numbers and dates as the council report does: the one formatting module lives in the contract.
export * from '../../src/contract/format.ts';

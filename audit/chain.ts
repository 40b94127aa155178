/** Appending to the chain: a record body becomes a linked record after the current head. */
import { recordHash } from './canonical';
import { GENESIS_HASH, RECORD_FORMAT, type LogRecord, type RecordBody } from './record';

/** The last record of a chain: the next one links to it. */
export interface Head {
  seq: number;
  hash: string;
}

export async function linkRecord<R extends LogRecord>(body: RecordBody<R>, head: Head | undefined): Promise<R> {
  const record = {
    ...body,
    v: RECORD_FORMAT,
    seq: head ? head.seq + 1 : 1,
    prev: head ? head.hash : GENESIS_HASH,
    hash: '',
  } as unknown as R;
  record.hash = await recordHash(record);
  return record;
}

/**
 * MARC 21 binary files streamed in Node: records are cut at the record terminator as the file comes
 * in, so a file of any size is read with bounded memory, and each is read by ../marc-binary.ts.
 */
import { MAX_RECORD, RECORD_END, readRecord, type MarcReading } from '../marc-binary.ts';

export { readMij, type MarcReading } from '../marc-binary.ts';

/** Streams the records of an ISO 2709 file. */
export async function* readIso2709(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<MarcReading> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  for await (const chunk of chunks) {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let end = data.indexOf(RECORD_END); end >= 0; end = data.indexOf(RECORD_END)) {
      const piece = data.subarray(0, end + 1);
      const raw = pending.length > 0 ? Buffer.concat([...pending, piece]) : Buffer.from(piece);
      pending = [];
      pendingBytes = 0;
      index += 1;
      yield readRecord(raw, index);
      data = data.subarray(end + 1);
    }
    if (data.length > 0) {
      pending.push(Buffer.from(data));
      pendingBytes += data.length;
      if (pendingBytes > MAX_RECORD) {
        // No terminator in sight: not MARC, or one broken record; what was read is skipped.
        index += 1;
        yield { kind: 'broken', index, reason: 'no record terminator within 99,999 bytes' };
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  const rest = Buffer.concat(pending);
  if (rest.toString('latin1').trim().length > 0) {
    index += 1;
    yield { kind: 'broken', index, reason: 'file ends inside a record' };
  }
}

/** Test helper: a zip's entries in archive order, as fflate reads them back (`unzip -t` checks the CRCs). */
import { unzipSync } from 'fflate';

export interface ZipRecord {
  name: string;
  data: Buffer;
}

export function readZip(zip: Buffer): ZipRecord[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data: Buffer.from(data) }));
}

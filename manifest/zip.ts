/**
 * The app package as a zip, through fflate. Entries get a fixed time so that the same
 * inputs always give the same bytes (a package can be compared with the last one).
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Uint8Array;
}

/** The earliest time a zip can hold (1980-01-01, the DOS epoch), in local time as zip stores it. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    // fflate would nest "a/b" as folders and silently keep one of two equal names: refuse both up front.
    if (!entry.name || entry.name.startsWith('/') || entry.name.includes('\\') || entry.name in files) {
      throw new Error(`bad or duplicate zip entry name: "${entry.name}"`);
    }
    files[entry.name] = [entry.data, { level: 9, mtime: FIXED_TIME }];
  }
  return Buffer.from(zipSync(files));
}

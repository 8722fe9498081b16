/** The app icons as PNG files, through pngjs: 8-bit RGBA out, the header's facts back. */
import { PNG } from 'pngjs';

/** `rgba` holds width*height*4 bytes, rows top to bottom. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the size');
  return PNG.sync.write({ width, height, data: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength) } as PNG, {
    colorType: 6,
    inputColorType: 6,
    deflateLevel: 9,
  });
}

export interface PngInfo {
  width: number;
  height: number;
  /** 6 is RGBA, 2 RGB, 3 palette, 0 and 4 greyscale (with alpha). */
  colourType: number;
}

/** Reads a PNG's size and colour type; throws if the bytes are not a PNG. */
export function readPngInfo(png: Uint8Array): PngInfo {
  let image: ReturnType<typeof PNG.sync.read>;
  try {
    image = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } catch {
    throw new Error('not a PNG file');
  }
  const { colorType } = image as unknown as { colorType: number };
  return { width: image.width, height: image.height, colourType: colorType };
}
